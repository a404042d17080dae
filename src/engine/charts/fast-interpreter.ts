import { expressionInterpreter } from "vega-interpreter";

/** The parts of an ESTree node the fast paths look at (Vega parses expressions with `{ ast: true }`). */
interface Node {
  type: string;
  value?: unknown;
  regex?: unknown;
  name?: string;
  computed?: boolean;
  object?: Node;
  property?: Node;
  callee?: Node;
  arguments?: Node[];
}

type Item = Record<string, unknown> & { datum?: Record<string, unknown> };
type Channel = (item: Item, params: unknown) => unknown;
interface Encode { marktype: string; channels: Record<string, { ast: Node }> }
interface Context { functions: Record<string, unknown> & { scale?: (this: unknown, name: string, value: unknown) => unknown } }

const base = expressionInterpreter as unknown as {
  encode(ctx: Context, encode: Encode): (item: Item, params: unknown) => number;
} & Record<string, unknown>;

/**
 * vega-interpreter with a faster `encode`: the stock one interprets every channel of every item afresh (a new
 * function context and six closures per channel per item), which made encoding most of a line's or scatter's
 * render time. Here the channel shapes Vega-Lite emits per datum are resolved once per mark: literals
 * (`"#4c78a8"`, `1.5`) become constants, `datum["f"]` a field read, `_scale("x", datum["f"])` a direct scale call.
 * Every other channel goes through vega-interpreter unchanged, so nothing is evaluated with eval or
 * `new Function` (forbidden in Workers) and the interpreter's safeguards still apply wherever code is involved.
 *
 * @example new View(parse(vega, undefined, { ast: true }), { renderer: "none", expr: fastInterpreter as never })
 */
export const fastInterpreter = {
  ...base,
  encode(ctx: Context, encode: Encode) {
    const { marktype, channels } = encode;
    const names = Object.keys(channels);
    const evaluators: Channel[] = names.map((name) => fastChannel(ctx, channels[name].ast) ?? interpreted(ctx, name, channels[name]));
    const swap = marktype === "group" || marktype === "image" || marktype === "rect";
    return (item: Item, params: unknown): number => {
      let modified = 0;
      for (let i = 0; i < names.length; i++) {
        const value = evaluators[i](item, params);
        if (item[names[i]] !== value) {
          item[names[i]] = value;
          modified = 1;
        }
      }
      if (marktype !== "rule") adjustSpatial(item, channels, swap);
      return modified;
    };
  },
};

/** One channel through vega-interpreter: its encoder writes the item, so the value is read back and the old one restored. */
function interpreted(ctx: Context, name: string, channel: { ast: Node }): Channel {
  // As a "rule" the interpreter skips its spatial adjustment: that is done once, over all channels, above.
  const encoder = base.encode(ctx, { marktype: "rule", channels: { [name]: channel } });
  return (item, params) => {
    const previous = item[name];
    encoder(item, params);
    const value = item[name];
    item[name] = previous;
    return value;
  };
}

/** A direct evaluator for the per-datum channel shapes Vega-Lite emits, or null for anything else. */
function fastChannel(ctx: Context, ast: Node): Channel | null {
  if (ast.type === "Literal" && ast.regex === undefined) {
    const value = ast.value;
    return () => value;
  }
  const field = datumField(ast);
  if (field !== null) return (item) => item.datum?.[field];
  if (ast.type === "CallExpression" && ast.callee?.type === "Identifier" && ast.callee.name === "_scale" && ast.arguments?.length === 2) {
    const [nameNode, valueNode] = ast.arguments;
    const scaleField = datumField(valueNode);
    const scale = ctx.functions.scale;
    if (nameNode.type !== "Literal" || typeof nameNode.value !== "string" || scaleField === null || typeof scale !== "function") return null;
    const scaleName = nameNode.value;
    const functions = ctx.functions;
    return (item) => scale.call(functions, scaleName, item.datum?.[scaleField]);
  }
  return null;
}

/** `datum["f"]` or `datum.f` → "f"; anything else → null. */
function datumField(ast: Node): string | null {
  if (ast.type !== "MemberExpression" || ast.object?.type !== "Identifier" || ast.object.name !== "datum") return null;
  const property = ast.property;
  if (ast.computed === true) return property?.type === "Literal" && typeof property.value === "string" ? property.value : null;
  return property?.type === "Identifier" && typeof property.name === "string" ? property.name : null;
}

/** vega-interpreter's adjustSpatial: width/height from x2/y2 and centring on xc/yc, as Vega's generated encoders do. */
function adjustSpatial(item: Item, encode: Record<string, unknown>, swap: boolean): void {
  const it = item as Record<string, number>;
  let t: number;
  if (encode.x2) {
    if (encode.x) {
      if (swap && it.x > it.x2) {
        t = it.x;
        it.x = it.x2;
        it.x2 = t;
      }
      it.width = it.x2 - it.x;
    } else {
      it.x = it.x2 - (it.width || 0);
    }
  }
  if (encode.xc) it.x = it.xc - (it.width || 0) / 2;
  if (encode.y2) {
    if (encode.y) {
      if (swap && it.y > it.y2) {
        t = it.y;
        it.y = it.y2;
        it.y2 = t;
      }
      it.height = it.y2 - it.y;
    } else {
      it.y = it.y2 - (it.height || 0);
    }
  }
  if (encode.yc) it.y = it.yc - (it.height || 0) / 2;
}
