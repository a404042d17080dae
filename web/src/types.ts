// Shapes of the API's JSON as /openapi.json documents them (only the fields the playground reads).

import type { ColumnProfile } from "../../src/engine/profile/profile-table";
import type { ColumnType } from "../../src/engine/table/types";

export type { ColumnProfile, ColumnType };

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
  suggestion?: string;
}

export interface Problem {
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}

export interface User {
  id: string;
  email: string;
  username: string;
}

export interface Dataset {
  session_id: string;
  filename: string;
  row_count: number;
  column_count: number;
  columns: string[];
  column_types: Record<string, ColumnType>;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
  expires_at: string;
  profile: Record<string, ColumnProfile>;
}

export interface ValidationReport {
  valid: boolean;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export interface Chart {
  type: string;
  spec: unknown;
  svg: string | null;
  svg_url?: string | null;
}

export interface Provenance {
  dataset_sha256: string;
  plan_sha256: string;
  engine_version: string;
  executed_at: string;
  filter_steps: Array<{ filter: Record<string, unknown>; rows_remaining: number }>;
}

export interface Execution {
  analysis_id: string;
  session_id: string;
  plan: Record<string, unknown>;
  result: Record<string, unknown>;
  row_count: number;
  filtered_row_count: number;
  execution_time_ms: number;
  chart: Chart | null;
  warnings: FieldProblem[];
  provenance: Provenance;
}

export interface Analysis {
  id: string;
  session_id: string;
  execution_plan: unknown;
  result: Record<string, unknown> | null;
  chart: Chart | null;
  filtered_row_count: number | null;
  execution_time_ms: number | null;
  success: boolean;
  error_message: string | null;
  executed_at: string;
}
