// A person who chose Spanish signs in from a browser that asks for English: the page answers in Spanish, and
// every message on it is Spanish, on that page and the next, not only the dates.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

const EMAIL = "lead@fuerza-migrante.example";

test.use({ locale: "en-US" });

async function chooseAccountLanguage(page: Page, label: string, save: string, language: string) {
  await page.goto("/account");
  await page.getByLabel(label).selectOption(language);
  await page.getByRole("button", { name: save }).click();
}

test("signing in as someone who chose Spanish turns every message to Spanish", async ({ browser }) => {
  const setup = await browser.newContext({ locale: "en-US" });
  const setupPage = await setup.newPage();
  await signIn(setupPage, EMAIL, DEMO_PASSWORD);
  await setupPage.waitForURL((url) => url.pathname !== "/login");
  await chooseAccountLanguage(setupPage, "Language of emails and pages", "Save the language", "es");
  await expect(setupPage.locator("html")).toHaveAttribute("lang", "es");
  await setup.close();

  // a new browser: no language cookie, English asked for, JavaScript on (the sign-in is a client navigation)
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await signIn(page, EMAIL, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname.startsWith("/o/"));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("este año de un vistazo");
  await expect(page.getByRole("link", { name: "Su cuenta" })).toBeVisible();
  await page.getByRole("link", { name: "Prácticas" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prácticas");

  // the account speaks English again for whatever runs next
  await chooseAccountLanguage(page, "Idioma de los correos y las páginas", "Guardar el idioma", "en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
