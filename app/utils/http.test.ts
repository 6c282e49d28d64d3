import { describe, expect, test } from "vitest";
import { safeRedirect, searchParamsOf } from "~/utils/http";

const SITE = "https://northstar.example";

// where a browser lands when the app answers with this Location
function landing(location: string) {
  return new URL(location, SITE);
}

describe("safeRedirect", () => {
  test.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "\u3000//evil.example",
    "/\u3000/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\ufeff/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%5cevil.example",
    "/%2f/evil.example",
    "/%2F%2Fevil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/a/../..//evil.example",
    "https://evil.example",
    "HTTPS://evil.example/",
    "//evil.example",
    "///evil.example",
    " /o/x",
    "javascript:alert(1)",
    "/\u0000/evil.example",
    "/%E0%A4%A",
    "",
    "o/relative",
  ])("sends %j home", (to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/o/mine")).toBe("/o/mine");
  });

  test.each([
    ["/o/casa-del-pueblo/practices", "/o/casa-del-pueblo/practices"],
    ["/o/x/practices?q=reuni%C3%B3n%20mensual&page=2", "/o/x/practices?q=reuni%C3%B3n%20mensual&page=2"],
    ["/o/x/practices?q=a+b#list", "/o/x/practices?q=a+b#list"],
    ["/movement/admin/people", "/movement/admin/people"],
  ])("keeps the same-site path %j", (to, expected) => {
    const result = safeRedirect(to);
    expect(result).toBe(expected);
    expect(landing(result).origin).toBe(SITE);
  });

  test("whatever it returns, a browser stays on the site", () => {
    const nasty = [
      "/\t/evil.example",
      "/\\evil.example",
      "\u3000//evil.example",
      "/%09/evil.example",
      "//evil.example",
      "/.//evil.example",
      "/x/..//evil.example",
    ];
    for (const to of nasty) expect(landing(safeRedirect(to)).origin, to).toBe(SITE);
  });

  test("non-text values (a file in a form) go home", () => {
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect("/" + "a".repeat(3000))).toBe("/");
  });
});

describe("searchParamsOf", () => {
  test("drops NUL from names and values, keeps everything else", () => {
    const params = searchParamsOf(new Request("http://localhost/x?q=caf%C3%A9%00s&q%00=1&page=2"));
    expect(params.get("q")).toBe("cafés");
    expect(params.getAll("q")).toEqual(["cafés", "1"]);
    expect(params.get("page")).toBe("2");
  });
});
