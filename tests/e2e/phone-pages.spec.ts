// An organization's pages on a phone, 360 pixels wide, in both languages: none scrolls sideways (a long badge,
// "Compartido con la coalición", wraps in its card).
import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, signIn } from "./helpers";

const ORG = "/o/comite-de-trabajadores-del-valle";

for (const lng of ["en", "es"] as const) {
  test(`at 360 pixels (${lng}) an organization's pages fit the screen`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "en-US" });
    await chooseLanguage(context, "en", baseURL!);
    const page = await context.newPage();
    await signIn(page, "lead@comite-de-trabajadores-del-valle.example", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/login");
    await chooseLanguage(context, lng, baseURL!);
    for (const path of [ORG, `${ORG}/practices`, `${ORG}/commitments`, `${ORG}/members`]) {
      await page.goto(path);
      // the list has shared practices, whose badge is the longest
      if (path.endsWith("/practices")) await expect(page.locator(".badge.visibility-coalition").first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });
}
