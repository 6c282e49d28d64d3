// What a posted form may look like before any parser that builds objects from field names (Conform) sees it.
// Conform turns `a[10000000]` into an array of ten million slots and throws on names it cannot read, so a
// name outside these bounds is refused as a whole request, in time proportional to the body's size.

export const FORM_LIMITS = {
  /** bytes of body: the longest form (a reflection's two 10,000-character answers) percent-encoded fits */
  bytes: 1024 * 1024,
  fields: 200,
  nameLength: 100,
  /** highest array index in a name such as `freedomIds[3]` */
  index: 100,
  /** segments in a name: `a.b[0].c` has four */
  depth: 4,
} as const;

const FIRST_KEY = /^[A-Za-z_][\w-]*/;
const NEXT_SEGMENT = /\.([A-Za-z_][\w-]*)|\[(\d{0,3})\]/y;
// keys that reach an object's prototype when a parser assigns by name
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Whether a field name is one the app's forms could send: dotted keys and small array indexes, shallow. */
export function isAcceptableFieldName(name: string) {
  if (name.length > FORM_LIMITS.nameLength) return false;
  const first = FIRST_KEY.exec(name);
  if (!first || FORBIDDEN_KEYS.has(first[0])) return false;
  let depth = 1;
  let at = first[0].length;
  while (at < name.length) {
    NEXT_SEGMENT.lastIndex = at;
    const match = NEXT_SEGMENT.exec(name);
    if (!match) return false;
    const [segment, key, index] = match;
    if (key !== undefined && FORBIDDEN_KEYS.has(key)) return false;
    if (index !== undefined && index !== "" && Number(index) > FORM_LIMITS.index) return false;
    if (++depth > FORM_LIMITS.depth) return false;
    at += segment.length;
  }
  return true;
}

/**
 * The problem with a form's fields, or null when they are within the limits. Files are refused too:
 * no form of the app takes an upload, and one that does needs limits of its own.
 */
export function formLimitProblem(
  entries: Iterable<[string, FormDataEntryValue]>,
): "tooManyFields" | "badFieldName" | "file" | null {
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > FORM_LIMITS.fields) return "tooManyFields";
    if (!isAcceptableFieldName(name)) return "badFieldName";
    if (typeof value !== "string") return "file";
  }
  return null;
}

// control characters (C0, DEL and C1: Unicode's Cc) but tab, line feed and carriage return
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/**
 * Control characters no one types (NUL, which PostgreSQL refuses in text; BEL, ESC, …; tab and line breaks
 * stay) are dropped wherever input enters: kept, a title of them alone would read as empty, and an ESC would
 * reach a log or a terminal that shows the text.
 */
export function withoutControls(text: string) {
  return text.replace(CONTROLS, "");
}
