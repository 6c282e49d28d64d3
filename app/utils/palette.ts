// One stable colour per freedom and per value, used the same way on every page and chart. Each has at
// least 4.5:1 contrast on white and on the page background, so it can carry text; colour never carries
// meaning alone (names are always shown beside it).
const FREEDOM_COLORS: Record<string, string> = {
  thrive: "#2d6a3e",
  stay: "#1d5a9e",
  move: "#7a3f9e",
  work: "#a4481f",
  transform: "#a1305a",
};

const VALUE_COLORS: Record<string, string> = {
  "trust-respect": "#0e6661",
  "leaderful-movement": "#8f4a00",
  "courage-creativity-discipline": "#8b2f3a",
  "global-awareness": "#34509a",
};

// for freedoms and values an admin adds later: by position, then repeating
const EXTRA = ["#4a5a14", "#6b3f7d", "#005f73", "#7a4b1e", "#5c4b8a", "#3d6b5a"];

export function freedomColor(slug: string, position = 0) {
  return FREEDOM_COLORS[slug] ?? EXTRA[position % EXTRA.length];
}

export function valueColor(slug: string, position = 0) {
  return VALUE_COLORS[slug] ?? EXTRA[(position + 3) % EXTRA.length];
}
