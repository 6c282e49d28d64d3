// Seeded randomness for the demo generator: the same key always gives the same stream.
// NOTE: sfc32 rather than mulberry32: mulberry32's 32-bit state makes the streams of thousands of
// organizations (about 10^5 draws each) overlap, and overlapping streams repeat ids.
export type Rng = ReturnType<typeof createRng>;

export function createRng(key: string) {
  // cyrb128 spreads the key over sfc32's 128-bit state
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = h1 ^ h2 ^ h3 ^ h4,
    b = h2 ^ h1,
    c = h3 ^ h1,
    d = h4 ^ h1;
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const float = () => u32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(float() * items.length)];
  return {
    float,
    int,
    pick,
    chance: (p: number) => float() < p,
    /** picks a key with probability proportional to its weight */
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      let r = float() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [k, w] of entries) if ((r -= w) < 0) return k;
      return entries[entries.length - 1][0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(float() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    /** 25 lower-case characters, "c" then 24 base-36 digits, like the app's cuid ids */
    id: () => {
      let s = "c";
      for (let i = 0; i < 4; i++) s += (u32() % 2176782336).toString(36).padStart(6, "0");
      return s;
    },
    /** a time in [from, to] (ms) */
    time: (from: number, to: number) => from + Math.floor(float() * Math.max(0, to - from)),
  };
}
