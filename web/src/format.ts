// Display formats shared by the views. Numbers that are results are never rounded here (see cellText).
import type { Execution } from "./types";

const integer = new Intl.NumberFormat("en-US");

export const formatCount = (n: number): string => integer.format(n);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A date-time in the reader's locale, with the ISO form kept for a tooltip. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "in 23 h" / "in 12 min" until an ISO time. */
export function timeUntil(iso: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60000);
  if (minutes <= 0) return "expired";
  if (minutes < 60) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

/** A short, readable form of a profile statistic (the exact value stays in the title). */
export function formatStat(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value.endsWith("T00:00:00.000Z") ? value.slice(0, 10) : value;
  if (Number.isInteger(value)) return integer.format(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e15 ? String(Number(value.toPrecision(6))) : value.toExponential(4);
}

/** A group_by entry as a reader names it: the column, or "month of day" for a calendar period. */
export function groupKeyName(entry: unknown): string {
  if (typeof entry === "object" && entry !== null && "column" in entry) {
    const { column, granularity } = entry as { column: unknown; granularity?: unknown };
    return typeof granularity === "string" ? `${granularity} of ${String(column)}` : String(column);
  }
  return String(entry);
}

/** The text alternative of a result's chart: what was computed, over which groups. */
export function chartAlt(execution: Pick<Execution, "plan">, type: string): string {
  const plan = execution.plan;
  const what = [plan.operation, plan.target_column ?? plan.y_axis].filter(Boolean).join(" of ");
  const keys = Array.isArray(plan.group_by) ? plan.group_by.map(groupKeyName) : [];
  const by = keys.length > 0 ? ` by ${keys.join(", ")}` : "";
  return `${type} chart: ${what}${by}`;
}
