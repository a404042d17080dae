const N = 624;
const M = 397;

/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) seeded as numpy's legacy `RandomState(seed)`
 * seeds it for an integer seed (`init_genrand`: key[0] = seed, key[i] = 1812433253 (key[i-1] ^ (key[i-1] >> 30)) + i,
 * mod 2³²), returning its 32-bit outputs (`next_uint32`, with the standard tempering). 32-bit unsigned
 * arithmetic is done with Math.imul and >>> 0, so the sequence is bit-exact.
 *
 * @example const next = mt19937(0); next() // 2357136044, as np.random.RandomState(0)'s first raw draw
 */
export function mt19937(seed: number): () => number {
  const key = new Uint32Array(N);
  key[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const previous = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = Math.imul(1812433253, previous) + i;
  }
  let position = N;
  return () => {
    if (position >= N) {
      for (let k = 0; k < N; k++) {
        const y = (key[k] & 0x80000000) | (key[(k + 1) % N] & 0x7fffffff);
        key[k] = key[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      position = 0;
    }
    let y = key[position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}
