import pkg from "../package.json";

/** Service version reported by /health and the OpenAPI document. */
export const SERVICE_VERSION: string = pkg.version;
