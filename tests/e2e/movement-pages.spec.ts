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

test("a filter form's address names only the filters set, with JavaScript and without", async () => {
  for (const page of [scripted.page, plain.page]) {
    await page.goto("/movement/organizations");
    await page.getByRole("combobox", { name: "Region" }).selectOption("WEST");
    await page.getByRole("button", { name: "Show" }).click();
    // the form sent every field; the address keeps the year (always set) and the region only
    await expect(page).toHaveURL(new RegExp(`/movement/organizations\\?year=${year}&region=WEST$`));
    await expect(page.getByRole("combobox", { name: "Region" })).toHaveValue("WEST");

    await page.goto("/movement/shared");
    await page.getByLabel("Search the text or an organization’s name").fill("comite");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/movement\/shared\?.*q=comite/);
    expect(new URL(page.url()).search).not.toMatch(/=(&|$)/);
  }
  // an old bookmark with empty fields opens the same page, at the clean address
  const page = plain.page;
  await page.goto(`/movement/organizations?q=&year=${year}&region=WEST&size=&impacted=&state=`);
  await expect(page).toHaveURL(new RegExp(`/movement/organizations\\?year=${year}&region=WEST$`));
  await expect(page.getByRole("heading", { level: 2, name: /organizations? in/ })).toBeVisible();
});

test("on a 360 px phone the tracker's filters line up and its table says it scrolls sideways, by touch or keyboard", async () => {
  const page = scripted.page;
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    await page.goto("/movement/organizations");
    const form = page.getByRole("form", { name: "Filter organizations" });
    const controls = form.locator("select, input[type=search]");
    const boxes = await controls.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: Math.round(r.x), width: Math.round(r.width), height: Math.round(r.height), right: r.right };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    // one column: every control starts at the same edge, as wide and as tall as the others, inside the screen
    expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.width)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.height)).size).toBe(1);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(360);
    // the long label stays with its own control
    const impacted = page.getByRole("combobox", { name: "Led by directly impacted people" });
    await expect(impacted).toBeVisible();
    const labelBox = await form.getByText("Led by directly impacted people").boundingBox();
    const selectBox = await impacted.boundingBox();
    expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(selectBox!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // the table scrolls inside its own region, which says so and is named
    // named by the table's caption, apart from the section around it (named by the count)
    const region = page.getByRole("region", { name: `Organizations taking part in ${year}` });
    await expect(region).toHaveAccessibleDescription(/scrolls sideways/);
    await expect(page.getByText("On a narrow screen the table scrolls sideways")).toBeVisible();
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // the keyboard reaches it (Tab) and scrolls it (arrow keys)
    await page.getByRole("link", { name: "Download CSV" }).focus();
    await page.keyboard.press("Tab");
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/movement-organizations-360.png`, fullPage: true });

    // on a wide screen the table fits and the hint is not shown
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.getByText("On a narrow screen the table scrolls sideways")).toBeHidden();
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(false);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
