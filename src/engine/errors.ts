/**
 * The engine's one error type. It carries a stable machine code and, where it applies, the plan path or the
 * CSV line, so the HTTP layer can map it to a 4xx problem without parsing messages.
 */
export interface EngineProblem {
  path: string;
  code: string;
  message: string;
  suggestion?: string;
  /** For a problem inside an expression: the offending token's characters (0-based, end exclusive). */
  position?: { start: number; end: number };
}

export class EngineError extends Error {
  override readonly name = "EngineError";
  constructor(
    readonly code: string,
    message: string,
    readonly details: { line?: number; problems?: EngineProblem[] } = {},
  ) {
    super(message);
  }
}
