// The browser's rules (practice-rules.ts) and the server's schema (practice-schema.ts) give the same field
// errors for the same form.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { practiceRules } from "~/models/practice-rules";
import { practiceSchema } from "~/models/practice-schema";
import { validateWithRules } from "~/utils/form-rules";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

const errorsOf = (submission: { status?: string; error?: Record<string, unknown> | null }) =>
  submission.status === "success"
    ? null
    : Object.fromEntries(Object.entries(submission.error ?? {}).filter(([, v]) => v));

const maxDate = "2026-11-27";
const valid = {
  title: "Know-your-rights workshop",
  occurredOn: "2026-03-14",
  valueId: "value-1",
  participants: "12",
  impactedParticipants: "9",
  visibility: "PRIVATE",
};

describe("practice form rules", () => {
  test.each<[string, Record<string, string | string[]>]>([
    ["a valid practice", valid],
    [
      "a valid practice with freedoms and notes",
      { ...valid, freedomIds: ["f1", "f2"], notes: "n".repeat(10_000), commitmentId: "c1" },
    ],
    ["nothing filled in", {}],
    ["a blank title", { ...valid, title: "  " }],
    ["a title of 201 characters", { ...valid, title: "t".repeat(201) }],
    ["a title that fits once trimmed", { ...valid, title: ` ${"t".repeat(200)} ` }],
    ["notes over 10,000 characters", { ...valid, notes: "n".repeat(10_001) }],
    ["no date", { ...valid, occurredOn: "" }],
    ["a date that does not exist", { ...valid, occurredOn: "2026-02-30" }],
    ["a date in another format", { ...valid, occurredOn: "14/03/2026" }],
    ["a date before 2000", { ...valid, occurredOn: "1999-12-31" }],
    ["the first allowed date", { ...valid, occurredOn: "2000-01-01" }],
    ["today, the latest date allowed", { ...valid, occurredOn: maxDate }],
    ["tomorrow", { ...valid, occurredOn: "2026-11-28" }],
    ["no value", { ...valid, valueId: "" }],
    ["participants in words", { ...valid, participants: "many" }],
    ["fractional participants", { ...valid, participants: "2.5" }],
    ["negative participants", { ...valid, participants: "-1", impactedParticipants: "0" }],
    ["too many participants", { ...valid, participants: "100001", impactedParticipants: "0" }],
    ["the most participants", { ...valid, participants: "100000", impactedParticipants: "100000" }],
    ["more impacted than participants", { ...valid, participants: "5", impactedParticipants: "6" }],
    ["impacted but no participants", { ...valid, participants: "", impactedParticipants: "3" }],
    [
      "more impacted than participants and a bad title",
      { ...valid, title: "", participants: "5", impactedParticipants: "6" },
    ],
    ["an unknown visibility", { ...valid, visibility: "EVERYONE" }],
    ["no visibility", { ...valid, visibility: "" }],
    ["six freedoms", { ...valid, freedomIds: ["a", "b", "c", "d", "e", "f"] }],
    ["participants written in hexadecimal", { ...valid, participants: "0x10" }],
    ["participants with an exponent", { ...valid, participants: "1e5", impactedParticipants: "0" }],
    ["participants padded with spaces", { ...valid, participants: " 12 " }],
    ["a title of a zero-width space only", { ...valid, title: "\u200B" }],
    ["a title of direction marks and spaces only", { ...valid, title: " \u200E\u202E " }],
    ["a title with a zero-width joiner inside", { ...valid, title: "Taller\u200Dcomunitario" }],
    ["a title of a Hangul filler only", { ...valid, title: "\u3164" }],
    ["a title of a blank braille cell and a variation selector", { ...valid, title: "\u2800\uFE0F" }],
    ["a title of control characters only", { ...valid, title: "\u0001\u0002\u0003\u0085" }],
  ])("%s: the same errors", (_, fields) => {
    const data = form(fields);
    expect(errorsOf(validateWithRules(data, practiceRules({ maxDate })))).toEqual(
      errorsOf(parseWithZod(data, { schema: practiceSchema({ maxDate }) })),
    );
  });
});

describe("what the server makes of a form's counts and titles", () => {
  const parse = (fields: Record<string, string>) => parseWithZod(form(fields), { schema: practiceSchema({ maxDate }) });
  test("a count other than digits is refused, never read as Number() would", () => {
    for (const participants of ["0x10", "1e5", "Infinity", "0b11"])
      expect(errorsOf(parse({ ...valid, participants, impactedParticipants: "0" }))).toEqual({
        participants: ["validation.wholeNumber"],
      });
    const padded = parse({ ...valid, participants: " 12 " });
    expect(padded.status === "success" && padded.value.participants).toBe(12);
  });
  test("a title with nothing visible is missing; visible text with invisible characters in it is kept", () => {
    for (const title of [
      "\u200B\u2060",
      "\u3164",
      "\u2800",
      "\uFFA0",
      "\u115F\u1160",
      "\u034F\uFE0F",
      "\u00AD",
      "\u0001\u001b",
    ])
      expect(errorsOf(parse({ ...valid, title }))).toEqual({ title: ["validation.required"] });
    const joined = parse({ ...valid, title: "Taller\u200Dcomunitario" });
    expect(joined.status === "success" && joined.value.title).toBe("Taller\u200Dcomunitario");
  });
});

test("a title's direction overrides are dropped, its right-to-left text and marks kept", () => {
  const parsed = parseWithZod(form({ ...valid, title: "\u202Eورشة\u200F عمل\u2066" }), {
    schema: practiceSchema({ maxDate }),
  });
  expect(parsed.status === "success" && parsed.value.title).toBe("ورشة\u200F عمل");
});

test("a title sent with a tab or a line break by hand is one line", () => {
  const parsed = parseWithZod(form({ ...valid, title: "Taller\tcomunitario\r\nde marzo" }), {
    schema: practiceSchema({ maxDate }),
  });
  expect(parsed.status === "success" && parsed.value.title).toBe("Taller comunitario  de marzo");
});
