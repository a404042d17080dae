// Types of wrangler-dev-server.mjs for the TypeScript callers (the browser tests).
export interface Tools {
  node: string;
  wrangler: string;
}

export function resolveTools(root: string): Tools;

export interface DevServer {
  stateDir: string;
  /** Resolves to the base URL (http://host:port) once /health answers 200. */
  start(): Promise<string>;
  stop(): Promise<void>;
  stopNow(): void;
  readLog(): string;
  tail(lines: number): string;
}

export function createDevServer(options: {
  root: string;
  host: string;
  tools: Tools;
  startupTimeoutS: number;
  keepLogAs?: string;
  vars?: Record<string, string | number>;
  tempPrefix?: string;
  quiet?: boolean;
}): DevServer;
