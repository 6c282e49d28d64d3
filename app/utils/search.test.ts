// The lists' search folds accents and case the same way on both sides: what the pattern matches is checked
// here with JavaScript's regular expressions (without the u flag, which refuses escaped punctuation), which read
// these classes and escapes as PostgreSQL's `~*` does; tests/integration check them in the database.
import { describe, expect, test } from "vitest";
import { foldSearch, searchPattern } from "~/utils/search";

const finds = (q: string, text: string) => new RegExp(searchPattern(q), "i").test(text);

describe("foldSearch", () => {
  test.each([
    ["José", "jose"],
    ["COMITÉ", "comite"],
    ["Niño", "nino"],
    ["São", "sao"],
    ["Łódź", "lodz"],
    ["Øresund", "oresund"],
  ])("%s → %s", (q, folded) => expect(foldSearch(q)).toBe(folded));
});

describe("searchPattern", () => {
  test.each([
    ["comite", "Comité de Trabajadores"],
    ["comite", "COMITÉ DE TRABAJADORES"],
    ["nino", "Los niños primero"],
    ["NIÑO", "Los niños primero"],
    ["Sao", "São Paulo"],
    ["José", "Jose Martinez"],
    ["jose", "JOSÉ"],
    ["comite", "Comite\u0301 escrito descompuesto"],
    ["100%", "Fair 100% share"],
    ["a_b", "a_b"],
    ["a.b", "a.b"],
  ])("%s finds %s", (q, text) => expect(finds(q, text)).toBe(true));

  test.each([
    ["100%", "1000 share"],
    ["a_b", "axb"],
    ["a.b", "axb"],
    ["comite", "comida"],
    ["(", "no bracket"],
  ])("%s does not find %s", (q, text) => expect(finds(q, text)).toBe(false));

  test("every character but a letter or a digit is escaped", () => {
    expect(searchPattern("1+(x)")).toBe("1\\+\\(x\\)");
  });
});
