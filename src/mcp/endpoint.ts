import type { Config } from "../config";
import { MAX_JSON_BODY_BYTES } from "../http/limit-body";

/** Where the MCP endpoint is served. */
export const MCP_PATH = "/mcp";

/** Its RFC 9728 metadata document: the well-known prefix, then the resource's path (RFC 9728 section 3.1). */
export const PROTECTED_RESOURCE_PATH = `/.well-known/oauth-protected-resource${MCP_PATH}`;

/**
 * The body cap of /mcp: room for the largest CSV the upload route accepts, sent as JSON text by upload_csv (a
 * quote or a line end takes two characters there), plus the cap of any other JSON body for the envelope. The
 * CSV itself is then held to MAX_UPLOAD_SIZE on its UTF-8 bytes, as the upload route holds a file.
 *
 * @example
 * mcpBodyLimit(config); // 2 * 10485760 + 2097152 by default
 */
export function mcpBodyLimit(config: Pick<Config, "maxUploadSize">): number {
  return 2 * config.maxUploadSize + MAX_JSON_BODY_BYTES;
}
