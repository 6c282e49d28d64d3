// A list search that ignores case and accents: "comite" finds "Comité" and "COMITÉ", "José" finds "Jose".
// The search is folded here and each letter becomes a class of its accented forms for PostgreSQL's `~*`, so
// the stored text is read as it is: folding every row in SQL (normalize + regexp_replace, or translate)
// measured 7–25 times slower than ILIKE over a million rows, while this pattern costs what ILIKE costs.
// It needs no extension and runs the same on PostgreSQL 15 and the embedded database.

// the Latin letters with diacritics, by the letter they fold to (lower case; the upper case is derived)
const FORMS: Record<string, string> = {
  a: "àáâãäåāăą",
  c: "çćĉċč",
  d: "ďđ",
  e: "èéêëēĕėęě",
  g: "ĝğġģ",
  h: "ĥħ",
  i: "ìíîïĩīĭįı",
  j: "ĵ",
  k: "ķ",
  l: "ĺļľŀł",
  n: "ñńņň",
  o: "òóôõöøōŏő",
  r: "ŕŗř",
  s: "śŝşšș",
  t: "ţťŧț",
  u: "ùúûüũūŭůűų",
  w: "ŵ",
  y: "ýÿŷ",
  z: "źżž",
};

const BASE = new Map<string, string>();
for (const [base, forms] of Object.entries(FORMS)) {
  for (const form of forms + forms.toUpperCase()) BASE.set(form, base);
}

// combining accents, for text stored decomposed ("e" followed by U+0301)
const MARKS = "[\\u0300-\\u036f]*";

/** The search as the lists compare it: without accents, in lower case ("José" → "jose"). */
export function foldSearch(q: string) {
  return [
    ...q
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
  ]
    .map((c) => BASE.get(c) ?? c)
    .join("");
}

/**
 * A PostgreSQL regular expression (for `~*`) that finds the search anywhere in a text whatever its accents
 * and case. Every character but a letter or digit is escaped, so `%`, `_`, `.` or `*` are only themselves.
 */
export function searchPattern(q: string) {
  return [...foldSearch(q)]
    .map((c) => {
      const forms = FORMS[c];
      if (forms) return `[${c}${c.toUpperCase()}${forms}${forms.toUpperCase()}]${MARKS}`;
      return /[\p{L}\p{N}]/u.test(c) ? c : `\\${c}`;
    })
    .join("");
}
