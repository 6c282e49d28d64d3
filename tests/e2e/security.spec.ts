import { expect, test } from "@playwright/test";

test("every page carries the security headers, and its inline scripts the CSP nonce", async ({ request }) => {
  const res = await request.get("/");
  expect(res.status()).toBe(200);
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(headers["cache-control"]).toBe("no-store");
  const html = await res.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  // a new nonce for every response
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
});

test("a form posted from another site is refused and signs nobody in", async ({ request }) => {
  // a document post: the HTTP server refuses a mismatched Origin before Remix (which would answer an empty
  // 500); the app's own check answers 403 where neither looks (data requests, Sec-Fetch-Site)
  const document = await request.post("/login", {
    form: { email: "admin@northstar.example", password: "north-star-demo" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(document.status()).toBe(403);
  expect(document.headers()["set-cookie"] ?? "").not.toContain("session");

  const data = await request.post("/login.data", {
    form: { email: "admin@northstar.example", password: "north-star-demo" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  // single fetch wraps the action's answer; what matters is that no session comes back
  expect(data.headers()["set-cookie"] ?? "").not.toContain("session");

  const fetchSite = await request.post("/login", {
    form: { email: "admin@northstar.example", password: "north-star-demo" },
    headers: { "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(fetchSite.status()).toBe(403);
  expect(fetchSite.headers()["set-cookie"] ?? "").not.toContain("session");
});
