// Randomness behind code assignment: cryptographic in use, seeded in tests and the demo.

export interface Random {
  /** A uniformly distributed whole number in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
}

/** Web Crypto (browser and Node 20), with rejection sampling so every value is equally likely. */
export function cryptoRandom(): Random {
  const c = globalThis.crypto;
  if (!c || typeof c.getRandomValues !== "function") throw new Error("нет криптографического генератора случайных чисел");
  const buf = new Uint32Array(1);
  return {
    nextInt(maxExclusive: number): number {
      if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) throw new RangeError(`bad bound ${maxExclusive}`);
      const limit = Math.floor(0x100000000 / maxExclusive) * maxExclusive;
      for (;;) {
        c.getRandomValues(buf);
        if (buf[0] < limit) return buf[0] % maxExclusive;
      }
    },
  };
}

/** Deterministic generator (mulberry32) for tests and the seeded demo. Not for real code lists. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return {
    nextInt(maxExclusive: number): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(u * maxExclusive);
    },
  };
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
