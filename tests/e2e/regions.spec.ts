// Regions as data, in a browser without JavaScript: an admin adds a region, renames and moves it, an
// organization picks it from the grouped picker, and the list shows its name. The pages pass axe's serious and
// critical checks.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, seriousA11yViolations, signIn } from "./helpers";

const SHOTS = process.env.SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [label, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
}

test("without JavaScript, an admin adds, renames and moves a region, and an organization picks it", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);

  await page.getByRole("link", { name: "Regions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Outside the US" })).toBeVisible();

  await page.getByLabel("Code").fill("x-co");
  await page.getByLabel("Name in English").fill("Colombia");
  await page.getByLabel("Name in Spanish").fill("Colombia");
  await page.getByLabel("Macro-region").selectOption("OUTSIDE_US");
  await page.getByRole("button", { name: "Add region" }).click();
  await expect(page.getByRole("status")).toContainText("Colombia was added");
  await shoot(page, "regions-list");

  await page.getByRole("link", { name: "Edit Colombia" }).click();
  await page.getByLabel("Name in English").fill("Republic of Colombia");
  await page.getByLabel("Macro-region").selectOption("SOUTHEAST");
  await shoot(page, "region-edit");
  await page.getByRole("button", { name: "Save region" }).click();
  await expect(page.getByRole("status")).toContainText("Region X-CO was saved");
  await expect(
    page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Southeast" }) }),
  ).toContainText("Republic of Colombia");

  await page.goto("/movement/admin/organizations");
  const picker = page.getByLabel("Region", { exact: true });
  // grouped by macro-region, named in the reader's language
  await expect(picker.locator("optgroup[label='Southeast'] option", { hasText: "Republic of Colombia" })).toHaveCount(
    1,
  );
  await expect(picker.locator("optgroup[label='Northeast'] option", { hasText: "New York" })).toHaveCount(1);
  await page.getByLabel("Name", { exact: true }).fill("Casa Colombia");
  await picker.selectOption("X-CO");
  await page.getByLabel("Size").selectOption("SMALL");
  await shoot(page, "organization-form");
  await page.getByRole("button", { name: "Add organization" }).click();
  await expect(page.getByRole("status")).toContainText("Casa Colombia was added");
  await expect(page.getByText("Republic of Colombia").first()).toBeVisible();

  await page.goto("/movement/admin/organizations?q=Casa%20Colombia");
  await expect(page.getByRole("cell", { name: "Republic of Colombia" })).toBeVisible();
  await context.close();
});

test("the region pages and the organization form pass axe's serious and critical checks", async ({ browser }) => {
  // bypassCSP only so axe can be injected
  const context = await browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  for (const path of ["/movement/admin/regions", "/movement/admin/regions/CA", "/movement/admin/organizations"]) {
    await page.goto(path);
    expect(await seriousA11yViolations(page), path).toEqual([]);
  }
  await context.close();
});
