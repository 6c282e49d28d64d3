import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

// Disabling a person, removing a member and archiving an organization each ask first, also without JavaScript,
// and say how to undo.

const ORG = "fuerza-migrante";

async function signedIn(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}

async function browserWithoutJs(browser: Browser) {
  const context = await browser.newContext({ locale: "en-US", javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test("without JavaScript, disabling a person asks first, and Enable undoes it", async ({ browser }) => {
  const { context, page } = await browserWithoutJs(browser);
  await signedIn(page, "admin@northstar.example");
  await page.goto(`/movement/admin/people?q=${encodeURIComponent(`member2@${ORG}.example`)}`);
  const row = page.getByRole("row", { name: new RegExp(`member2@${ORG}`) });
  await row.getByRole("button", { name: /^Disable the account of/ }).click();

  const step = page.locator(".confirm-step");
  await expect(step.getByRole("heading", { name: /^Disable the account of .+\?$/ })).toBeVisible();
  await expect(step).toContainText("signed out everywhere at once");
  // nothing changed yet
  await expect(row.locator(".badge")).toHaveText("Active");
  await step.getByRole("link", { name: "Cancel" }).click();
  await expect(page.locator(".confirm-step")).toHaveCount(0);
  await expect(row.locator(".badge")).toHaveText("Active");

  await row.getByRole("button", { name: /^Disable the account of/ }).click();
  await page.getByRole("button", { name: "Yes, disable the account" }).click();
  await expect(page.getByRole("status")).toContainText("To undo, choose Enable on their row.");
  await expect(row.locator(".badge")).toHaveText("Disabled");
  await row.getByRole("button", { name: /^Enable the account of/ }).click();
  await expect(row.locator(".badge")).toHaveText("Active");
  await context.close();
});

test("without JavaScript, removing a member asks first and says they can be invited again", async ({ browser }) => {
  const { context, page } = await browserWithoutJs(browser);
  await signedIn(page, `lead@${ORG}.example`);
  await page.goto(`/o/${ORG}/members`);
  const row = page.getByRole("row", { name: new RegExp(`member2@${ORG}`) });
  await row.getByRole("button", { name: /^Remove .+ from the organization$/ }).click();

  const step = page.locator(".confirm-step");
  await expect(step.getByRole("heading", { name: /^Remove .+ from Fuerza Migrante\?$/ })).toBeVisible();
  await expect(step).toContainText("you can invite them again");
  await expect(page.getByRole("row", { name: new RegExp(`member2@${ORG}`) })).toHaveCount(1);

  await step.getByRole("button", { name: /^Yes, remove/ }).click();
  await expect(page.getByRole("status")).toContainText("To undo, invite them again below.");
  await expect(page.getByRole("row", { name: new RegExp(`member2@${ORG}`) })).toHaveCount(0);
  await context.close();
});

test("without JavaScript, archiving an organization asks first, and Restore undoes it", async ({ browser }) => {
  const { context, page } = await browserWithoutJs(browser);
  await signedIn(page, "admin@northstar.example");
  await page.goto("/movement/admin/organizations?q=Fuerza%20Migrante");
  await page.getByRole("table").getByRole("link", { name: "Fuerza Migrante", exact: true }).click();
  await page.getByRole("button", { name: "Archive organization" }).click();

  const step = page.locator(".confirm-step");
  await expect(step.getByRole("heading", { name: "Archive Fuerza Migrante?" })).toBeVisible();
  await expect(step).toContainText("lose access on their next visit");
  await expect(page.locator(".badge").first()).toHaveText("Active");

  await step.getByRole("button", { name: "Yes, archive the organization" }).click();
  await expect(page.getByRole("status")).toContainText("To undo, choose Restore organization below.");
  await expect(page.locator(".badge").first()).toHaveText("Archived");
  await page.getByRole("button", { name: "Restore organization" }).click();
  await expect(page.locator(".badge").first()).toHaveText("Active");
  await context.close();
});

test("with JavaScript, the question appears in place and takes the focus", async ({ page }) => {
  await signedIn(page, "admin@northstar.example");
  await page.goto(`/movement/admin/people?q=${encodeURIComponent(`member1@${ORG}.example`)}`);
  const row = page.getByRole("row", { name: new RegExp(`member1@${ORG}`) });
  await row.getByRole("button", { name: /^Disable the account of/ }).click();
  const heading = page.locator(".confirm-step h2");
  await expect(heading).toBeFocused();
  await page.locator(".confirm-step").getByRole("link", { name: "Cancel" }).click();
  await expect(page.locator(".confirm-step")).toHaveCount(0);
  await expect(row.locator(".badge")).toHaveText("Active");
});
