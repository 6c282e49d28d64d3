// An organization's time zone on the admin form: without JavaScript, a new organization left to "the region's
// time zone" gets its state's zone; with JavaScript the choice names that zone as soon as a region is picked, and
// the page hydrates without a mismatch. The form passes axe's serious and critical checks.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, chooseLanguage, collectProblems, seriousA11yViolations, signIn } from "./helpers";

const SHOTS = process.env.SCREENSHOT_DIR;
const stamp = Date.now().toString(36);

async function shoot(page: Page, name: string, section = "create-heading") {
  if (!SHOTS) return;
  for (const [label, size] of [
    ["360", { width: 360, height: 800 }],
    ["1280", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    // the form, not the list of every organization above it
    await page.locator(`section[aria-labelledby='${section}']`).screenshot({ path: `${SHOTS}/${name}-${label}.png` });
  }
}

test("without JavaScript, a new organization in New York left to its region's zone is on Eastern time", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  await chooseLanguage(context, "en", baseURL!);
  const page = await context.newPage();
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/movement/admin/organizations");
  const zone = page.getByLabel("Time zone");
  // the region's zone first, then the United States and its territories by name, then every other zone
  await expect(zone.locator("option").first()).toHaveText(/^From the region \(else .+\)$/);
  await expect(zone.locator("optgroup[label='United States and territories'] option").first()).toHaveText(
    "Eastern Time (America/New_York)",
  );
  await expect(zone.locator("optgroup[label='Every other time zone'] option[value='Europe/Madrid']")).toHaveCount(1);
  const name = `Unidos en Queens ${stamp}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Region", { exact: true }).selectOption("NY");
  await page.getByLabel("Size").selectOption("SMALL");
  await page.getByRole("button", { name: "Add organization" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} was added`);
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await shoot(page, "organization-time-zone-edit", "edit-heading");
  await context.close();
});

test("with JavaScript, picking a region names the zone it gives; in Spanish too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "en-US", bypassCSP: true });
  await chooseLanguage(context, "en", baseURL!);
  const page = await context.newPage();
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  const problems = collectProblems(page);
  await page.goto("/movement/admin/organizations");
  const zone = page.getByLabel("Time zone");
  await page.getByLabel("Region", { exact: true }).selectOption("PR");
  await expect(zone.locator("option").first()).toHaveText("From the region: Atlantic Standard Time");
  await expect(zone).toHaveValue("");
  await page.getByLabel("Region", { exact: true }).focus();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "organization-time-zone-en");
  expect(problems).toEqual([]);

  await chooseLanguage(context, "es", baseURL!);
  await page.goto("/movement/admin/organizations");
  await page.getByLabel("Región", { exact: true }).selectOption("NY");
  await expect(page.getByLabel("Zona horaria").locator("option").first()).toHaveText("Según la región: hora oriental");
  await shoot(page, "organization-time-zone-es");
  await context.close();
});
