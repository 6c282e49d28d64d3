// The limit on failed sign-ins as a person without JavaScript meets it: a translated message, a 429 and
// Retry-After on the page itself.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";

test.use({ javaScriptEnabled: false });

const MESSAGES = {
  "en-US": "Too many attempts. Wait a minute, then try again.",
  "es-ES": "Demasiados intentos. Espere un minuto e inténtelo de nuevo.",
} as const;

// One test: the limit also counts per client address, and every request here comes from this machine, so a
// second round of ten failures in the same minute would start out limited.
test("the 11th wrong password in a minute answers 429 with Retry-After, in English and in Spanish", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `nobody-${Date.now().toString(36)}@example.org`;
  // the limit counts in one-minute windows: start with time left in this one
  const left = 60_000 - (Date.now() % 60_000);
  const pages: { locale: keyof typeof MESSAGES; context: BrowserContext; page: Page }[] = [];
  for (const locale of ["en-US", "es-ES"] as const) {
    const context = await browser.newContext({
      locale,
      javaScriptEnabled: false,
      extraHTTPHeaders: { "Accept-Language": locale },
    });
    pages.push({ locale, context, page: await context.newPage() });
  }
  if (left < 20_000) await pages[0].page.waitForTimeout(left + 200);
  const attempt = async (page: Page, i: number) => {
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(`wrong password ${i}`);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.locator("form#login button[type=submit]").click(),
    ]);
    return answer;
  };
  for (let i = 0; i < 10; i++) expect((await attempt(pages[0].page, i)).status()).toBe(400);
  for (const { locale, page, context } of pages) {
    const answer = await attempt(page, 10);
    expect(answer.status()).toBe(429);
    const retryAfter = Number(answer.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(page.locator("#login").getByText(MESSAGES[locale])).toBeVisible();
    await context.close();
  }
  // the tests after this one sign in from this machine too: let the spent minute end first
  await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 500));
});
