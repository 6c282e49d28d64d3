import { describe, expect, test } from "vitest";
import { filterParamsOf, safeRedirect, searchParamsOf } from "~/utils/http";

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

describe("filterParamsOf", () => {
  // the Response filterParamsOf throws, or null when it returns the parameters
  function thrown(url: string) {
    try {
      filterParamsOf(new Request(url));
      return null;
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  }

  test("a request with only set fields passes through, with every parameter", () => {
    expect(thrown("http://localhost/movement?year=2025&region=WEST&region=SOUTH")).toBeNull();
    expect(filterParamsOf(new Request("http://localhost/movement?year=2025&q=a%20b")).get("q")).toBe("a b");
    expect(thrown("http://localhost/movement")).toBeNull();
    // a value of only NUL is malformed, not empty: the page ignores it
    expect(thrown("http://localhost/o/x/practices?freedom=%00")).toBeNull();
  });

  test("empty fields are dropped by a redirect that keeps the path and the other parameters in order", () => {
    const answer = thrown(
      "http://localhost/movement/organizations?q=&year=2025&region=&size=SMALL&impacted=%20&sort=practices",
    );
    expect(answer?.status).toBe(302);
    expect(answer?.headers.get("Location")).toBe("/movement/organizations?year=2025&size=SMALL&sort=practices");
  });

  test("a query of only empty fields leads to the bare path; set values keep their encoding", () => {
    expect(thrown("http://localhost/o/x/practices?value=&from=&to=")?.headers.get("Location")).toBe("/o/x/practices");
    expect(thrown("http://localhost/movement/shared?q=caf%C3%A9+%26+co&kind=")?.headers.get("Location")).toBe(
      "/movement/shared?q=caf%C3%A9+%26+co",
    );
  });
});
