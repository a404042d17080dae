import { afterEach, describe, expect, it, vi } from "vitest";
import { measured, timed, Timing } from "./timing";

let clock = 0;
afterEach(() => vi.restoreAllMocks());
const useClock = () => {
  clock = 0;
  vi.spyOn(performance, "now").mockImplementation(() => clock);
};

describe("Timing", () => {
  it("sends nothing when no phase ran", () => {
    expect(new Timing().header()).toBeNull();
  });

  it("lists the phases that ran in the fixed order, rounded to hundredths of a millisecond", () => {
    useClock();
    const timing = new Timing();
    timing.begin("record");
    clock = 1.23456;
    timing.end("record");
    timing.begin("auth");
    clock = 1.5;
    timing.end("auth");
    expect(timing.header()).toBe("auth;dur=0.27, record;dur=1.23");
  });

  it("counts calls of one phase in flight together once, and overlapping phases each in full", async () => {
    useClock();
    const timing = new Timing();
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = timing.time("limiter", () => gate);
    const db = timing.time("db", () => gate);
    clock = 2;
    const second = timing.time("limiter", () => gate);
    clock = 5;
    open();
    await Promise.all([first, second, db]);
    expect(timing.duration("limiter")).toBe(5);
    expect(timing.duration("db")).toBe(5);
    clock = 9;
    await timing.time("limiter", async () => {
      clock = 10;
    });
    expect(timing.duration("limiter")).toBe(6);
  });

  it("times failures too, and ignores an end without a begin", async () => {
    useClock();
    const timing = new Timing();
    timing.end("db");
    await expect(timing.time("db", async () => {
      clock = 3;
      throw new Error("down");
    })).rejects.toThrow("down");
    expect(() => timing.measure("engine", () => {
      clock = 4;
      throw new Error("bad");
    })).toThrow("bad");
    expect(timing.header()).toBe("db;dur=3, engine;dur=1");
  });

  it("timed and measured run the work alone without a Timing", async () => {
    expect(await timed(undefined, "db", async () => 1)).toBe(1);
    expect(measured(undefined, "engine", () => 2)).toBe(2);
  });
});
