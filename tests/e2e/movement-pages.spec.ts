// Coalition staff follow participation and read what organizations shared: from the movement sub-header, with
// filters in the URL, a CSV download, and the same pages with JavaScript off. Every page passes axe's checks.
import fs from "node:fs";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, seriousA11yViolations, signIn } from "./helpers";

const year = new Date().getUTCFullYear();
const SHOTS = process.env.SCREENSHOT_DIR;

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

let scripted: { context: BrowserContext; page: Page };
let plain: { context: BrowserContext; page: Page };

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [label, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/${name}-${label}-top.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    // bypassCSP only so axe can be injected
    const context = await browser.newContext({
      javaScriptEnabled,
      locale: "en-US",
      bypassCSP: true,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, "staff@northstar.example", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/login");
    if (javaScriptEnabled) scripted = { context, page };
    else plain = { context, page };
  }
});

test.afterAll(async () => {
  await scripted?.context.close();
  await plain?.context.close();
});

const rows = (page: Page) => page.locator("table.tracker tbody tr");

test("staff open the participation tracker, filter it, sort it and download its CSV", async () => {
  const page = scripted.page;
  await page.goto("/movement");
  const nav = page.getByRole("navigation", { name: "Movement" });
  await expect(nav.getByRole("link")).toHaveText([
    "Dashboard",
    "Organizations",
    "Shared with the coalition",
    "Reflection cycles",
  ]);
  await nav.getByRole("link", { name: "Organizations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizations taking part" })).toBeVisible();
  const all = await rows(page).count();
  expect(all).toBeGreaterThan(3);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement-organizations");

  await page.getByRole("combobox", { name: "Region" }).selectOption("WEST");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/region=WEST/);
  // the address changes as the new page's data arrives; the table follows on the next render
  const regions = rows(page).locator("td:nth-child(2) .status-line");
  await expect.poll(async () => [...new Set(await regions.allTextContents())]).toEqual(["West"]);
  const west = await rows(page).count();
  expect(west).toBeLessThan(all);

  await page.getByRole("link", { name: "Sort by Practices in" }).click();
  await expect(page).toHaveURL(/sort=practices/);
  await page.getByRole("link", { name: "Sort by Practices in" }).click();
  await expect(page).toHaveURL(/dir=desc/);
  const practices = async () =>
    (await rows(page).locator("td.numeric").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
  await expect.poll(async () => (await practices()).some((n, i, all) => i > 0 && n > all[i - 1])).toBe(false);
  expect(await rows(page).count()).toBe(west);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  // the file names the view: its year and its region, not its order
  expect(download.suggestedFilename()).toBe(`north-star-organizations-${year}-west.csv`);
  const csv = fs.readFileSync(await download.path(), "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain("Organization,Region,Macro-region,Last practice");
  expect(lines).toHaveLength(west + 1);
  for (const line of lines.slice(1)) expect(line).toContain(",West,");
});

test("staff read what organizations shared, filter it and switch to reflections", async () => {
  const page = scripted.page;
  await page
    .getByRole("navigation", { name: "Movement" })
    .getByRole("link", { name: "Shared with the coalition" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Shared with the coalition" })).toBeVisible();
  const entries = page.locator("ol.shared-list > li");
  await expect(entries.first()).toBeVisible();
  await expect(page.getByText("Only our organization")).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement-shared");

  await page.getByRole("combobox", { name: "Year" }).selectOption(String(year));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  await expect
    .poll(async () =>
      (await entries.locator(".status-line").allTextContents()).filter((l) => !l.includes(String(year))),
    )
    .toEqual([]);
  await expect(entries.first()).toBeVisible();

  await page.getByRole("link", { name: /reflections?$/ }).click();
  await expect(page).toHaveURL(/kind=reflections/);
  await expect(page.getByRole("link", { name: /reflections?$/ })).toHaveAttribute("aria-current", "page");
  await expect(entries.first().getByText("What went well?")).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement-shared-reflections");
});

test("without JavaScript both pages load, filter and page through the URL", async () => {
  const page = plain.page;
  await page.goto("/movement/organizations");
  await page.getByRole("combobox", { name: "Size" }).selectOption("SMALL");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/size=SMALL/);
  await expect(page.getByRole("heading", { level: 2, name: /organizations? in/ })).toBeVisible();
  await page.getByLabel("Search by name").fill("zzzz-nothing");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No organization matches these filters.")).toBeVisible();

  await page.goto("/movement/shared");
  await page.getByLabel("Search the text or an organization’s name").fill("zzzz-nothing");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=zzzz-nothing/);
  await expect(page.getByText("Nothing shared matches these filters.")).toBeVisible();
  await page.goto("/movement/shared");
  // the demo data shares far more than one page of practices
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
});

test("a search without accents finds accented names, and a page past the end says how many pages there are", async () => {
  const page = scripted.page;
  await page.goto("/movement/organizations");
  await page.getByLabel("Search by name").fill("comite");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=comite/);
  await expect(rows(page).getByRole("rowheader", { name: "Comité de Trabajadores del Valle" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement-organizations-accent");

  await page.goto("/movement/shared");
  await page.getByLabel("Search the text or an organization’s name").fill("COMITE");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=COMITE/);
  const entries = page.locator("ol.shared-list > li");
  await expect.poll(async () => (await entries.allTextContents()).filter((t) => !/comit[eé]/i.test(t))).toEqual([]);
  await expect(entries.first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement-shared-accent");

  await page.goto("/movement/shared?page=9999");
  const pastEnd = page.getByText(/^There are only \d+ pages\./);
  await expect(pastEnd).toBeVisible();
  await expect(page.getByText("Nothing shared matches these filters.")).toHaveCount(0);
  await shoot(page, "movement-shared-past-end");
  const last = Number((await pastEnd.textContent())?.match(/\d+/)?.[0]);
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${last}$`));
  await expect(page.getByText(`Page ${last} of ${last}`)).toBeVisible();
  await expect(entries.first()).toBeVisible();

  await page.goto("/movement/organizations?page=99");
  await expect(page.getByText("There is only one page.")).toBeVisible();
  await expect(page.getByText("No organization matches these filters.")).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
