// The numbers and words on a chart's axes: evenly spaced round ticks, and category names wrapped to fit.

/** Steps a count axis may take: 1, 2, 2.5 (from 25 up, so every tick stays a whole number), 5, times 10ⁿ. */
function niceSteps() {
  const steps: number[] = [];
  for (let power = 1; power <= 1e12; power *= 10)
    for (const m of [1, 2, 2.5, 5]) if (Number.isInteger(m * power)) steps.push(m * power);
  return steps;
}
const STEPS = niceSteps();

/**
 * Ticks for a count axis from 0 to at least `max`: whole numbers, evenly spaced by a round step, at most
 * `intervals` steps; the last tick is the axis' end, so the largest value is never a tick of its own.
 */
export function niceTicks(max: number, intervals = 5) {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const step = STEPS.find((s) => Math.ceil(top / s) <= intervals) ?? STEPS[STEPS.length - 1];
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

/**
 * A category name on one line, or two of about `characters` each broken between words where the two come
 * out most even; what still does not fit is cut at a word and marked "…". The whole name stays in the data
 * table and each mark's title.
 */
export function wrapLabel(label: string, characters: number) {
  const words = label.trim().split(/\s+/);
  const whole = words.join(" ");
  if (whole.length <= characters) return [whole];
  let best: [string, string] | undefined;
  for (let i = 1; i < words.length; i++) {
    const pair: [string, string] = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const longest = Math.max(pair[0].length, pair[1].length);
    if (longest <= characters && (!best || longest < Math.max(best[0].length, best[1].length))) best = pair;
  }
  if (best) return best;
  // too long for two lines: the first line as full as it can be (broken at its last space), the rest cut
  const space = whole.lastIndexOf(" ", characters);
  const end = space > 0 ? space : characters;
  const rest = whole.slice(end).trim();
  return [whole.slice(0, end).trimEnd(), ...(rest ? [cut(rest, characters)] : [])];
}

/** The longest start of `text` that ends at a word and, with its "…", fits in `characters`. */
function cut(text: string, characters: number) {
  if (text.length <= characters) return text;
  const space = text.lastIndexOf(" ", characters - 1);
  return `${(space > 0 ? text.slice(0, space) : text.slice(0, characters - 1)).replace(/[\s,]+$/, "")}…`;
}
