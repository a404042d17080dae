import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { EngineProblem } from "../errors";
import { chartProblem, type VegaLiteSpec } from "./chart-context";
import { fastInterpreter } from "./fast-interpreter";
import { strideSample } from "./stride-sample";

/** Datasets that may be thinned to fit the byte budget: individual marks whose sampling keeps the picture. */
const REDUCIBLE = ["points", "outliers"] as const;
/** Never thin below this many marks per dataset: beyond that the picture would mislead; drop the SVG instead. */
const MIN_REDUCED = 200;

/**
 * Renders a Vega-Lite spec to an SVG string, the way that works inside workerd: vega-lite compile, vega
 * `parse(spec, undefined, { ast: true })` and a headless View with `expr: fastInterpreter` (vega-interpreter with
 * a faster per-datum encode; no eval, no `new Function`: Workers forbid both; without the AST option or the
 * interpreter rendering fails, the second silently). Vega-Lite's per-datum invalid-value guards are dropped from
 * the compiled marks (stripValidityTests). Text is escaped by Vega's SVG renderer, so column names and values
 * never become markup.
 *
 * Size budget: when the SVG exceeds `maxBytes` (UTF-8), the `points`/`outliers` datasets are evenly thinned in
 * proportion (at most twice, never below 200 marks) with a `chart_reduced` warning; other charts cannot shrink
 * without losing data, so a still-too-large SVG is dropped (`svg: null`, `chart_svg_dropped`). The spec in the
 * response stays complete: clients can render it themselves. A rendering failure, or data whose range no axis
 * can place (near ±1.8e308), is `svg: null` with `chart_render_failed`, never an exception; its message speaks of
 * the data, never of Vega's internals. The view is finalized to release its dataflow.
 *
 * @example const { svg } = await renderChartSvg(buildChartSpec(table, plan, output).spec);
 */
export async function renderChartSvg(spec: VegaLiteSpec, maxBytes = 1_000_000): Promise<{ svg: string | null; warnings: EngineProblem[] }> {
  if (spansTooWide(spec)) {
    const message = "The values are too far apart to place on one axis (their range passes about 9e307); no SVG is drawn, the spec is still returned.";
    return { svg: null, warnings: [chartProblem("chart_render_failed", message)] };
  }
  let current = spec;
  try {
    let svg = await renderOnce(current);
    for (let attempt = 0; attempt < 2 && byteLength(svg) > maxBytes; attempt++) {
      const reduced = thin(current, (maxBytes / byteLength(svg)) * 0.9);
      if (reduced === null) break;
      current = reduced.spec;
      svg = await renderOnce(current);
      if (byteLength(svg) <= maxBytes) {
        return { svg, warnings: [chartProblem("chart_reduced", `The SVG shows ${reduced.kept} of ${reduced.total} points to stay under ${maxBytes} bytes; the spec holds them all.`)] };
      }
    }
    if (byteLength(svg) > maxBytes) {
      return { svg: null, warnings: [chartProblem("chart_svg_dropped", `The SVG would exceed ${maxBytes} bytes (too many marks); render the spec on the client instead.`)] };
    }
    return { svg, warnings: [] };
  } catch {
    // Vega's own message speaks of its internals (e.g. "reading 'marktype'"), not of the data: it stays out.
    return { svg: null, warnings: [chartProblem("chart_render_failed", "The SVG could not be drawn from this data; the spec is still returned.")] };
  }
}

/** Half the largest double: a scale over a wider range overflows once Vega extends its domain to nice values. */
const MAX_SCALE_SPAN = Number.MAX_VALUE / 2;

/**
 * True when some numeric field of the spec's datasets ranges wider than a linear scale can place: Vega computes
 * positions from max - min, which overflows to Infinity, and draws every mark at one point without complaint.
 */
function spansTooWide(spec: VegaLiteSpec): boolean {
  const extents = new Map<string, { min: number; max: number }>();
  for (const rows of Object.values((spec.datasets ?? {}) as Record<string, Array<Record<string, unknown>>>)) {
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) {
        if (typeof value !== "number" || !Number.isFinite(value)) continue;
        const extent = extents.get(field);
        if (extent === undefined) extents.set(field, { min: value, max: value });
        else if (value < extent.min) extent.min = value;
        else if (value > extent.max) extent.max = value;
      }
    }
  }
  return [...extents.values()].some(({ min, max }) => !(max - min <= MAX_SCALE_SPAN));
}

async function renderOnce(spec: VegaLiteSpec): Promise<string> {
  const vega = compile(spec as unknown as TopLevelSpec).spec;
  stripValidityTests(vega.marks);
  const view = new View(parse(vega, undefined, { ast: true }), { renderer: "none", expr: fastInterpreter as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** `!isValid(datum["f"]) || !isFinite(+datum["f"])`: the per-datum guard Vega-Lite adds under `invalid: null`. */
const VALIDITY_TEST = /^!isValid\(datum\["[^"\\]*"\]\) \|\| !isFinite\(\+datum\["[^"\\]*"\]\)$/;

/**
 * Removes Vega-Lite's invalid-value guards from the compiled marks' encodings (in place). With `invalid: null` each
 * positional/colour channel becomes `[{ test: "!isValid(...) || !isFinite(...)", ... }, { scale, field }]`: two
 * interpreted expressions per datum per channel, most of a line's or scatter's dataflow time. Builders emit finite
 * numbers only (nulls are filtered or drawn by their own layer), so the guard never fires; the spec handed to
 * clients keeps it.
 */
function stripValidityTests(marks: readonly unknown[] | undefined): void {
  for (const mark of (marks ?? []) as Array<{ encode?: Record<string, Record<string, unknown>>; marks?: unknown[] }>) {
    for (const set of Object.values(mark.encode ?? {})) {
      for (const [channel, ref] of Object.entries(set)) {
        if (!Array.isArray(ref)) continue;
        const kept = ref.filter((r: { test?: unknown }) => typeof r.test !== "string" || !VALIDITY_TEST.test(r.test));
        set[channel] = kept.length === 1 && !("test" in kept[0]) ? kept[0] : kept;
      }
    }
    stripValidityTests(mark.marks);
  }
}

/** The spec with its reducible datasets evenly strided to `fraction` of their size, or null if nothing can shrink. */
function thin(spec: VegaLiteSpec, fraction: number): { spec: VegaLiteSpec; kept: number; total: number } | null {
  const datasets = spec.datasets as Record<string, unknown[]> | undefined;
  if (datasets === undefined) return null;
  const next: Record<string, unknown[]> = { ...datasets };
  let kept = 0;
  let total = 0;
  for (const name of REDUCIBLE) {
    const rows = datasets[name];
    if (rows === undefined || rows.length <= MIN_REDUCED) continue;
    next[name] = strideSample(rows, Math.max(MIN_REDUCED, Math.floor(rows.length * fraction)));
    kept += next[name].length;
    total += rows.length;
  }
  return kept < total ? { spec: { ...spec, datasets: next }, kept, total } : null;
}

const encoder = new TextEncoder();
function byteLength(text: string): number {
  return encoder.encode(text).length;
}
