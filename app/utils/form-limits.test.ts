import { describe, expect, test } from "vitest";
import { FORM_LIMITS, formLimitProblem, isAcceptableFieldName, withoutControls } from "~/utils/form-limits";

describe("field names", () => {
  test.each([
    "email",
    "redirectTo",
    "__intent__",
    "freedomIds",
    "freedomIds[3]",
    "items[]",
    "items[100]",
    "a.b[0].c",
    "submission-key",
  ])("accepts %j", (name) => {
    expect(isAcceptableFieldName(name)).toBe(true);
  });

  test.each([
    ["a huge index", "zz[10000000]"],
    ["an index past the bound", `zz[${FORM_LIMITS.index + 1}]`],
    ["deep nesting", "a[b][c][d]"],
    ["dotted nesting past the depth", "a.b.c.d.e"],
    ["indexes past the depth", "a[0][0][0][0]"],
    ["10,000 levels", `a${"[b]".repeat(10_000)}`],
    ["a long name", "n".repeat(FORM_LIMITS.nameLength + 1)],
    ["the prototype", "__proto__"],
    ["a nested prototype", "a.__proto__.x"],
    ["constructor", "a.constructor"],
    ["an empty name", ""],
    ["a negative index", "a[-1]"],
    ["a stray bracket", "a]"],
    ["a double dot", "a..b"],
    ["a NUL", "a\u0000"],
    ["unicode", "é"],
  ])("refuses %s", (_, name) => {
    expect(isAcceptableFieldName(name)).toBe(false);
  });
});

describe("whole forms", () => {
  test("within the limits: no problem", () => {
    expect(
      formLimitProblem([
        ["email", "a@example.org"],
        ["freedomIds", "x"],
        ["freedomIds", "y"],
      ]),
    ).toBeNull();
  });

  test("too many fields, a bad name, or a file", () => {
    const many = Array.from({ length: FORM_LIMITS.fields + 1 }, (): [string, string] => ["a", "x"]);
    expect(formLimitProblem(many)).toBe("tooManyFields");
    expect(formLimitProblem([["zz[10000000]", "x"]])).toBe("badFieldName");
    expect(formLimitProblem([["upload", new File(["x"], "x.txt")]])).toBe("file");
  });

  test("NUL and the other control characters are dropped; tab, line breaks and other text kept", () => {
    expect(withoutControls("a\u0000b\u0000")).toBe("ab");
    expect(withoutControls("año\tok\r\nnext")).toBe("año\tok\r\nnext");
    expect(withoutControls("a\u0001\u0007b\u001b[31mc\u007f\u0085\u009fd")).toBe("ab[31mcd");
    expect(withoutControls("\u200f\u00a0é")).toBe("\u200f\u00a0é");
  });
});
