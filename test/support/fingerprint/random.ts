/** A small seeded PRNG (mulberry32) so fuzz tests, chunked delivery and benchmarks repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Cuts `bytes` into consecutive pieces of minChunk..maxChunk bytes. */
export function splitRandomly(bytes: Uint8Array, random: () => number, minChunk = 1, maxChunk = 16): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = randomInt(random, minChunk, maxChunk);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}
