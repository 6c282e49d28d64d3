import { expect, test } from "@playwright/test";

test.describe("error pages", () => {
  test("a Spanish reader's 404 is in Spanish, with a title, and the language switch says Spanish", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      locale: "es-MX",
      extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" },
    });
    const page = await context.newPage();
    const response = await page.goto("/no-existe-esta-pagina");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esa página");
    await expect(page).toHaveTitle("No encontramos esa página · North Star");
    await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-pressed", "true");
    // after hydration the page stays Spanish (the browser loads the Spanish catalog)
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("link", { name: "Ir a la página de inicio" })).toBeVisible();
    await context.close();
  });

  test("the language cookie wins over the browser's language on a 404", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    const url = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1");
    await context.addCookies([
      { name: "lng", value: encodeURIComponent(btoa(JSON.stringify("es"))), domain: url.hostname, path: "/" },
    ]);
    const page = await context.newPage();
    expect((await page.goto("/o/nadie/nada/aqui"))?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const title = await page.title();
    expect(title).toContain("No encontramos esa página");
    await context.close();
  });

  test("an English 404 has an English title", async ({ page }) => {
    expect((await page.goto("/nothing-here"))?.status()).toBe(404);
    await expect(page).toHaveTitle("We could not find that page · North Star");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  });

  test("an expired or used reset link says so with a 410 and offers a new link", async ({ page }) => {
    const response = await page.goto(`/reset-password/${"A".repeat(43)}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or was already used");
    await expect(page).toHaveTitle(/This link has expired or was already used/);
    await page.getByRole("link", { name: "Request a new link" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });

  test("a reset link cut short by a mail program gets the same explanation, not the generic 404", async ({ page }) => {
    const response = await page.goto("/reset-password/AbCdEf");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or was already used");
    await expect(page.getByRole("link", { name: "Request a new link" })).toBeVisible();
  });

  test("an invitation link that no longer works says to ask the person who invited you", async ({ page }) => {
    const response = await page.goto(`/invite/${"B".repeat(43)}`);
    expect([404, 410]).toContain(response?.status());
    await expect(page.getByText(/ask the person who invited you/i)).toBeVisible();
    expect(await page.title()).not.toBe("");
  });
});
