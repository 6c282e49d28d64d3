// The framework in the coalition's own words: an admin renames a value in Spanish without JavaScript, and
// a lead reading in Spanish sees the new name on the organization's value page. Account settings: a lead
// switches their language. The pages pass axe's serious and critical checks.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signIn } from "./helpers";

const ADMIN = "admin@northstar.example";
const ORG = "comite-de-trabajadores-del-valle";
const LEAD = `lead@${ORG}.example`;

/** English pages whatever the demo account's own language: the browser's choice wins over the account's. */
async function inEnglish(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}

/** The admin's framework page in a browser without JavaScript: a value's Spanish name set to `spanish`. */
async function renameInSpanish(page: Page, value: string, spanish: string) {
  await page.goto("/movement/admin/framework");
  await page.getByRole("link", { name: `Edit ${value}` }).click();
  await page.getByRole("group", { name: "Name" }).getByLabel("Spanish").fill(spanish);
  await page.getByRole("button", { name: "Save the wording" }).click();
  await expect(page.getByRole("status")).toContainText(/The new wording applies from the \d{4} cycle on/);
}

test("without JavaScript, an admin renames a value in Spanish and a lead sees it on the value page", async ({
  browser,
}) => {
  const admin = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await admin.newPage();
  await inEnglish(page);
  await signInAs(page, ADMIN);
  await page.goto("/movement/admin/framework");
  await expect(page.getByRole("heading", { level: 1, name: "The framework" })).toBeVisible();
  await expect(page.getByText(/Changes to the wording apply from the \d{4} cycle on/)).toBeVisible();
  await renameInSpanish(page, "Trust & Respect", "Confianza y Respeto Mutuo");

  const lead = await browser.newContext({ javaScriptEnabled: false, locale: "es-ES" });
  const leadPage = await lead.newPage();
  await inEnglish(leadPage);
  await signInAs(leadPage, LEAD);
  await leadPage.getByRole("button", { name: "Español" }).click();
  await leadPage.goto(`/o/${ORG}/values/trust-respect`);
  await expect(leadPage.getByRole("heading", { level: 1 })).toHaveText("Confianza y Respeto Mutuo");
  await lead.close();

  // the seeded words again, for the other tests that read them
  await renameInSpanish(page, "Trust & Respect", "Confianza y Respeto");
  await admin.close();
});

test("a lead changes their account's language and the page follows", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await inEnglish(page);
  await signInAs(page, LEAD);
  await page.goto("/account");
  await page.getByLabel("Language of emails and pages").selectOption("es");
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su cuenta");
  await expect(page.getByRole("status")).toContainText("Se guardó su idioma.");
  await page.getByLabel("Idioma de los correos y las páginas").selectOption("en");
  await page.getByRole("button", { name: "Guardar el idioma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await context.close();
});

test("the framework pages and the account page pass axe's serious and critical checks", async ({ browser }) => {
  // bypassCSP only so axe can be injected
  const context = await browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  await inEnglish(page);
  await signInAs(page, ADMIN);
  for (const [path, heading, shot] of [
    ["/movement/admin/framework", "The framework", "framework"],
    ["/movement/admin/framework/values/new", "Add a value", "framework-new-value"],
    ["/movement/admin/framework/levels/2", "Edit level 2: Practicing", "framework-level"],
    ["/account", "Your account", "account"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    expect(await seriousA11yViolations(page), path).toEqual([]);
    await screenshot(page, shot);
  }
  await page.goto("/movement/admin/framework");
  await page.getByRole("link", { name: "Edit Global Awareness and Engagement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit a value");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "framework-value");
  // a refused form shows its errors, still without serious violations
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill("river stones under the bridge");
  await page.getByLabel("Type the new password again").fill("river stones under the bridge");
  await page.getByRole("button", { name: "Change the password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "account-error");
  await context.close();
});
