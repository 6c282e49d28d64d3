import { describe, expect, test } from "vitest";
import { action as localeAction } from "~/routes/locale";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { getPrisma } from "~/utils/db.server";
import { applySecurityHeaders, assertSameOrigin } from "~/utils/security.server";
import { TEST_PASSWORD, answer, createUser, requestArgs, sessionCookie } from "../factories";

describe("cross-site form posts", () => {
  test("a sign-in posted from another site is refused with 403 and signs nobody in", async () => {
    const user = await createUser({ email: "xs@example.org" });
    const res = await answer(() =>
      loginAction(
        requestArgs("/login", {
          method: "POST",
          form: { email: "xs@example.org", password: TEST_PASSWORD },
          headers: { Origin: "https://evil.example" },
        }),
      ),
    );
    expect(res.status).toBe(403);
    expect(await (await getPrisma()).session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a sign-out posted from another site does not end the session", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user.id);
    const res = await answer(() =>
      logoutAction(
        requestArgs("/logout", { method: "POST", cookie, form: {}, headers: { Origin: "https://evil.example" } }),
      ),
    );
    expect(res.status).toBe(403);
    expect(await (await getPrisma()).session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("Sec-Fetch-Site cross-site, and the opaque origin 'null', are refused too", async () => {
    const crossSite = await answer(() =>
      localeAction(
        requestArgs("/locale", {
          method: "POST",
          form: { lng: "es" },
          headers: { Origin: "", "Sec-Fetch-Site": "cross-site" },
        }),
      ),
    );
    expect(crossSite.status).toBe(403);
    const opaque = await answer(() =>
      localeAction(requestArgs("/locale", { method: "POST", form: { lng: "es" }, headers: { Origin: "null" } })),
    );
    expect(opaque.status).toBe(403);
  });

  test("same-origin posts pass; GET is never checked", () => {
    const post = (headers: Record<string, string>) => new Request("http://localhost/x", { method: "POST", headers });
    expect(() => assertSameOrigin(post({ Origin: "http://localhost" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ "Sec-Fetch-Site": "same-origin" }))).not.toThrow();
    expect(() =>
      assertSameOrigin(new Request("http://localhost/x", { headers: { Origin: "https://evil.example" } })),
    ).not.toThrow();
    expect(() => assertSameOrigin(post({ Origin: "http://localhost.evil.example" }))).toThrow();
  });
});

describe("response headers", () => {
  test("pages get a nonce CSP that forbids framing, nosniff, same-origin referrers and no-store", () => {
    const headers = new Headers({ "X-Powered-By": "Express" });
    applySecurityHeaders(headers, "abc123");
    const csp = headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("same-origin");
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("X-Powered-By")).toBeNull();
  });
});
