// The limit on failed sign-ins as a person without JavaScript meets it: a translated message, a 429 and
// Retry-After on the page itself.
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

for (const [locale, message] of [
  ["en-US", "Too many attempts. Wait a minute, then try again."],
  ["es-ES", "Demasiados intentos. Espere un minuto e inténtelo de nuevo."],
] as const) {
  test(`the 11th wrong password in a minute answers 429 with Retry-After (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, javaScriptEnabled: false, extraHTTPHeaders: { "Accept-Language": locale } });
    const page = await context.newPage();
    const email = `nobody-${locale}-${Date.now().toString(36)}@example.org`;
    // the limit counts in one-minute windows: start with time left in this one
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await page.waitForTimeout(left + 200);
    let answer = null;
    for (let i = 0; i < 11; i++) {
      await page.goto("/login");
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(`wrong password ${i}`);
      [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("form#login button[type=submit]").click()]);
      if (i < 10) expect(answer.status()).toBe(400);
    }
    expect(answer?.status()).toBe(429);
    const retryAfter = Number(answer?.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(page.locator("#login").getByText(message)).toBeVisible();
    await context.close();
  });
}
