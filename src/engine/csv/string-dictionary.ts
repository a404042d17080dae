import { isMissingCell } from "./missing-values.js";

/**
 * Dictionary-encodes the cells of one string column straight from the upload bytes: a cell is hashed and
 * compared as bytes, and only a value seen for the first time is copied (into `arena`) and, at the end,
 * decoded. A `Map<string, number>` would need a decoded string per cell (145k for the bench file) just to
 * look it up. Codes are assigned in order of first appearance, missing cells (empty or an NA token) get -1.
 *
 * The hash is seeded per column, so crafted uploads cannot precompute colliding cells to force the
 * probe sequences long (the reason V8 seeds its own string hash).
 */
export class StringDictionary {
  private slots = new Int32Array(1024); // entry index + 1; 0 = free
  private hashes = new Int32Array(256);
  private offsets = new Int32Array(257); // entry i is arena[offsets[i], offsets[i + 1])
  private codes = new Int32Array(256); // code of entry i, -1 for an NA token
  private arena = new Uint8Array(4096);
  private scratch = new Uint8Array(64);
  private entryCount = 0;
  private codeCount = 0;
  private readonly seed = (Math.random() * 0x7fffffff) | 0;

  constructor(private readonly bytes: Uint8Array) {}

  /**
   * The code of cell `bytes[start, end)`; a negative start `~s` marks a quoted cell whose `""` pairs are
   * unescaped first, so `"a""b"` and the unquoted `a"b` share a code.
   *
   * @example
   * const dictionary = new StringDictionary(new TextEncoder().encode("x,NA,x"));
   * [dictionary.code(0, 1), dictionary.code(2, 4), dictionary.code(5, 6)]; // [0, -1, 0]
   */
  code(start: number, end: number): number {
    let source = this.bytes;
    if (start < 0) {
      source = this.unescape(~start, end);
      start = 0;
      end = source.length;
    }
    let hash = this.seed;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ source[i], 0x5bd1e995);
      hash ^= hash >>> 15;
    }
    const { slots, hashes, offsets, arena } = this;
    const mask = slots.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = slots[slot] - 1; entry >= 0; entry = slots[slot] - 1) {
      const at = offsets[entry];
      if (hashes[entry] === hash && offsets[entry + 1] - at === length) {
        let k = 0;
        while (k < length && arena[at + k] === source[start + k]) k++;
        if (k === length) return this.codes[entry];
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, hash, source, start, end);
  }

  /** The distinct non-missing values in code order, decoded with one TextDecoder call. */
  values(): string[] {
    const { offsets, arena, codes, entryCount } = this;
    const text = new TextDecoder().decode(arena.subarray(0, offsets[entryCount]));
    const ascii = text.length === offsets[entryCount];
    const values: string[] = [];
    let unit = 0; // UTF-16 offset of the current entry in `text`
    for (let entry = 0; entry < entryCount; entry++) {
      const from = unit;
      if (ascii) unit = offsets[entry + 1];
      else {
        // a UTF-8 lead byte starts one UTF-16 unit, a 4-byte one (>= 0xf0) a surrogate pair
        for (let i = offsets[entry]; i < offsets[entry + 1]; i++) {
          const b = arena[i];
          if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
        }
      }
      if (codes[entry] >= 0) values.push(text.slice(from, unit));
    }
    return values;
  }

  private insert(slot: number, hash: number, source: Uint8Array, start: number, end: number): number {
    const entry = this.entryCount++;
    if (entry + 1 >= this.hashes.length) {
      this.hashes = resize(this.hashes, this.hashes.length * 2);
      this.codes = resize(this.codes, this.codes.length * 2);
      this.offsets = resize(this.offsets, this.offsets.length * 2);
    }
    const at = this.offsets[entry];
    if (at + end - start > this.arena.length) this.arena = resize(this.arena, Math.max(this.arena.length * 2, at + end - start));
    this.arena.set(source.subarray(start, end), at);
    this.offsets[entry + 1] = at + end - start;
    this.hashes[entry] = hash;
    this.codes[entry] = isMissingCell(source, start, end) ? -1 : this.codeCount++;
    this.slots[slot] = entry + 1;
    if (this.entryCount * 2 > this.slots.length) this.rehash();
    return this.codes[entry];
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.entryCount; entry++) {
      let slot = this.hashes[entry] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }

  /** `bytes[start, end)` with each `""` turned into `"`, in a reused buffer. */
  private unescape(start: number, end: number): Uint8Array {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(end - start);
    const { bytes, scratch } = this;
    let length = 0;
    for (let i = start; i < end; i++) {
      scratch[length++] = bytes[i];
      if (bytes[i] === 34) i++; // inside a quoted field a quote only occurs doubled
    }
    return scratch.subarray(0, length);
  }
}

function resize<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  const next = new (array.constructor as { new (n: number): T })(length);
  next.set(array);
  return next;
}
