import { describe, expect, it } from "vitest";
import { codePointLength, pythonReplace, pythonStrip, sliceCodePoints, splitPart } from "./python-text";

describe("Python str semantics", () => {
  it("strips Python's whitespace set, not JavaScript's", () => {
    expect(pythonStrip("\x1c\x85 a b\u3000\u00a0")).toBe("a b");
    expect(pythonStrip("\ufeffa")).toBe("\ufeffa");
    expect(pythonStrip("   ")).toBe("");
  });

  it("counts and slices code points", () => {
    expect(codePointLength("a😀e\u0301")).toBe(4);
    expect(sliceCodePoints("😀abc", -2)).toBe("bc");
    expect(sliceCodePoints("😀abc", 0, 1)).toBe("😀");
    expect(sliceCodePoints("abc", 2, 1)).toBe("");
    expect(sliceCodePoints("abc", -10, 10)).toBe("abc");
  });

  it("replaces like str.replace, an empty pattern between code points", () => {
    expect(pythonReplace("aaa", "aa", "b")).toBe("ba");
    expect(pythonReplace("a😀", "", "-")).toBe("-a-😀-");
    expect(pythonReplace("", "", "-")).toBe("-");
  });

  it("indexes split parts like a Python list", () => {
    expect(splitPart("a,b,,c", ",", 2)).toBe("");
    expect(splitPart("a,b,,c", ",", -1)).toBe("c");
    expect(splitPart("a,b", ",", 2)).toBeNull();
    expect(splitPart("a,b", ",", -3)).toBeNull();
  });
});
