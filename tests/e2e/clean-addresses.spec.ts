// A page whose form is refused keeps its own address: the regions, framework and commitments pages are routes of
// their own, not index routes, so their forms never post to "?index" and a refused post does not leave it in the
// address bar, with JavaScript or without. Their sub-pages still open on their own, inside the same layout.
// (The organizations page has the same check in accounts.spec.ts.)
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

const ORG = "comite-de-trabajadores-del-valle";
const year = new Date().getUTCFullYear();

const address = (url: string) => new URL(url).pathname + new URL(url).search;

/**
 * Rewrites one field of the page's next form posts on the way to the server, as a stale or hand-edited form
 * would send it. In flight rather than in the page: a hidden field changed in the page before hydration can be set
 * back by it, and the post would then change a real record (archive a real value) for the tests after this one.
 */
async function postsWith(page: Page, field: string, value: string) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    const body = new URLSearchParams(request.postData() ?? "");
    if (request.method() !== "POST" || !body.has(field)) return route.continue();
    body.set(field, value);
    return route.continue({ postData: body.toString() });
  });
}

async function signedIn(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`${how}, a region refused keeps the regions page's address, and a region's page opens on its own`, async ({
    browser,
  }) => {
    const { context, page } = await signedIn(browser, "admin@northstar.example", javaScriptEnabled);
    await page.goto("/movement/admin/regions");
    // a code that exists: the form comes back with its message
    await page.getByLabel("Code").fill("NM");
    await page.getByLabel("Name in English").fill("New Mexico again");
    await page.getByLabel("Name in Spanish").fill("Nuevo México otra vez");
    await page.getByLabel("Macro-region").selectOption("SOUTHWEST");
    await page.getByRole("button", { name: "Add region" }).click();
    await expect(page.getByText("A region with this code already exists.")).toBeVisible();
    expect(address(page.url())).toBe("/movement/admin/regions");

    await page.getByRole("link", { name: "Edit New Mexico" }).click();
    await expect(page).toHaveURL(/\/movement\/admin\/regions\/NM$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("New Mexico");
    await expect(page.getByRole("button", { name: "Save region" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add region" })).toHaveCount(0);
    await expect(page.locator(".subnav a[aria-current=page]")).toHaveAttribute("href", "/movement/admin/regions");
    await context.close();
  });

  test(`${how}, a framework change refused keeps the framework page's address, and a value's page opens on its own`, async ({
    browser,
  }) => {
    const { context, page } = await signedIn(browser, "admin@northstar.example", javaScriptEnabled);
    await page.goto("/movement/admin/framework");
    // archiving a value that is not there (gone since the page was drawn): refused with a 404
    const archive = page.locator("form", { has: page.getByRole("button", { name: /^Archive / }) }).first();
    await postsWith(page, "id", "no-such-value");
    await archive.getByRole("button").click();
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    expect(address(page.url())).toBe("/movement/admin/framework");
    await page.unrouteAll();

    await page.goto("/movement/admin/framework");
    await page.locator(".framework-item a[href^='/movement/admin/framework/values/']").first().click();
    await expect(page).toHaveURL(/\/movement\/admin\/framework\/values\/[^/]+$/);
    await expect(page.locator("input[name=nameEn]")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Rubric" })).toHaveCount(0);
    await expect(page.locator(".subnav a[aria-current=page]")).toHaveAttribute("href", "/movement/admin/framework");
    await context.close();
  });

  test(`${how}, a copy refused keeps the commitments page's address, and a commitment's pages open on their own`, async ({
    browser,
  }) => {
    const { context, page } = await signedIn(browser, `lead@${ORG}.example`, javaScriptEnabled);
    const base = `/o/${ORG}/commitments`;
    // the form to copy last year's unfinished commitments shows for an open year (next year's, once this one closed)
    const copy = page.locator("form.copy-forward");
    let listed = "";
    for (const y of [year, year + 1]) {
      await page.goto(`${base}?year=${y}`);
      if (await copy.count()) {
        listed = `${base}?year=${y}`;
        break;
      }
    }
    expect(listed, "a year offers to copy last year's unfinished commitments").not.toBe("");
    // a year with no cycle: the form comes back with its message, at the list's own address
    await postsWith(page, "year", "2150");
    await copy.getByRole("button").click();
    await expect(copy.locator(".field-errors")).toBeVisible();
    expect(address(page.url())).toBe(listed);
    await page.unrouteAll();

    // a new commitment's page and a commitment's page open inside the organization's pages, not in the list
    const active = page.locator(".subnav a[aria-current=page]");
    await page.locator(`a[href^="${base}/new?"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${base}/new\\?`));
    await expect(page.locator("form.copy-forward")).toHaveCount(0);
    await expect(page.locator("input[name=title]")).toBeVisible();
    await expect(active).toHaveAttribute("href", base);
    await page.goto(`${base}?year=${year}`);
    await page.locator(".commitment-row h3 a").first().click();
    await expect(page).toHaveURL(new RegExp(`${base}/[a-z0-9]+$`));
    await expect(page.locator(".commitment-row")).toHaveCount(0);
    await expect(active).toHaveAttribute("href", base);
    await context.close();
  });
}
