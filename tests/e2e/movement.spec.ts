// Coalition staff read the movement dashboard: with JavaScript they filter by region and year and the charts
// and tables change, and a chart's CSV downloads with exactly the table's rows; without JavaScript the same
// filters (a date range too) work as a plain form and the charts are in the HTML. A lead sees their
// organization beside the movement on the home and value pages. Every page passes axe's checks.
import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, seriousA11yViolations, signIn } from "./helpers";

const year = new Date().getUTCFullYear();
const SHOTS = process.env.SCREENSHOT_DIR;

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

async function signedIn(
  browser: Browser,
  baseURL: string,
  email: string,
  javaScriptEnabled: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only so axe can be injected
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: "en-US",
    bypassCSP: true,
    acceptDownloads: true,
  });
  await chooseLanguage(context, "en", baseURL);
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== "/login");
  return { context, page };
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [label, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A chart's card, found by the start of its title. */
const card = (page: Page, title: string | RegExp) =>
  page.locator("section.chart-card", { has: page.getByRole("heading", { level: 2, name: title }) });

/** The rows of a chart's data table as the page shows them. */
async function tableRows(page: Page, title: string | RegExp) {
  const section = card(page, title);
  return section
    .locator("table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? "")));
}

test("staff filter by region and year: the charts and tables change, and a chart's CSV is its table", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL!, "staff@northstar.example", true);
  await page.goto("/movement");
  await expect(page.getByRole("heading", { level: 1, name: "How the movement lives its values" })).toBeVisible();
  // the HTML carries each chart's drawing once: the data the page hydrates from does not repeat it, and the
  // drawings are still there once the page is hydrated
  // (this year's cycle is open: its self-ratings wait for the close and draw nothing yet)
  const html = await (await page.request.get("/movement")).text();
  // each drawn twice: wide, and narrow for a phone
  expect(html.match(/<svg id="chart-/g)).toHaveLength(10);
  expect(html.match(/<svg id="chart-[a-z]+-narrow"/g)).toHaveLength(5);
  await expect(card(page, `Where organizations place themselves on the rubric, ${year}`)).toContainText(
    "shown once its cycle has closed",
  );
  expect(html).not.toMatch(/\\u003csvg|<svg id=\\"/);
  await page.waitForFunction(() => "__remixRouter" in window);
  await expect(page.locator(".chart-figure .chart-wide svg")).toHaveCount(5);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "movement");

  const participation = `Participation, ${year}`;
  const before = await tableRows(page, participation);
  const svgBefore = await card(page, participation).locator(".chart-figure").innerHTML();
  expect(before[0][0]).toBe("Active organizations");

  await page.getByLabel("Region").selectOption("WEST");
  await page.getByLabel("Year").selectOption(String(year - 1));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year - 1}.*region=WEST`));
  const filteredTitle = `Participation, ${year - 1}`;
  await expect(card(page, filteredTitle)).toBeVisible();
  const after = await tableRows(page, filteredTitle);
  expect(after).not.toEqual(before);
  expect(await card(page, filteredTitle).locator(".chart-figure").innerHTML()).not.toBe(svgBefore);
  await expect(page.getByLabel("Region")).toHaveValue("WEST");
  expect(await seriousA11yViolations(page)).toEqual([]);

  // the practices chart's CSV, for the same filters: a BOM, the table's header and exactly its rows
  const practicesTitle = `Practices per value per month, ${year - 1} beside ${year - 2}`;
  const download = page.waitForEvent("download");
  await card(page, practicesTitle).getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  // the file names the view: its year and its region
  expect(file.suggestedFilename()).toBe(`north-star-movement-practices-${year - 1}-west.csv`);
  const bytes = fs.readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // the table, then (when a cell is hidden) an empty line and one line saying what "hidden" means
  const [table, note] = bytes.subarray(3).toString("utf8").trim().split("\r\n\r\n");
  const lines = table.split("\r\n");
  const rows = await tableRows(page, practicesTitle);
  expect(lines).toHaveLength(rows.length + 1);
  expect(lines[0].startsWith("Month,")).toBe(true);
  // month names and numbers hold no comma in the CSV; the page groups thousands with one; a hidden cell is the
  // drawing's word where the table says why
  const suppressed = "fewer than 3 organizations";
  expect(lines.slice(1).map((l) => l.split(","))).toEqual(
    rows.map((r) => r.map((c) => (c.includes(suppressed) ? "hidden" : c.replace(/,/g, "")))),
  );
  expect(note).toMatch(/^"hidden: a number from fewer than 3 organizations is not shown, nor one/);
  await context.close();
});

test("without JavaScript the filters and a date range work as a plain form, with every chart in the page", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL!, "staff@northstar.example", false);
  await page.goto("/movement");
  await expect(page.locator(".chart-figure .chart-wide svg")).toHaveCount(5);
  await page.getByLabel("From month").fill(`${year}-03`);
  await page.getByLabel("To month").fill(`${year}-08`);
  await page.getByLabel("Led by directly impacted people").selectOption("yes");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${year}-03&to=${year}-08.*impacted=yes`));
  const title = `Practices per value per month, March ${year} to August ${year}, beside a year earlier`;
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  expect((await tableRows(page, title)).map((r) => r[0])).toEqual(
    ["Mar", "Apr", "May", "Jun", "Jul", "Aug"].map((m) => `${m} ${year}`),
  );
  await expect(
    card(page, `Participation, ${year}`).getByText(
      `it covers all of ${year}, not only March ${year} to August ${year}`,
    ),
  ).toBeVisible();
  await expect(page.locator(".chart-figure .chart-wide svg")).toHaveCount(5);
  // the data table opens without a script: <details>
  await card(page, title).getByText("Data table").click();
  await expect(card(page, title).locator("table")).toBeVisible();

  // a range that does not make sense is left out, and the page says so
  await page.goto(`/movement?year=${year}&from=${year}-09&to=${year}-02`);
  await expect(page.getByRole("status").filter({ hasText: "The date range was not understood" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: `Practices per value per month, ${year} beside ${year - 1}` }),
  ).toBeVisible();
  await context.close();
});

test("a lead sees their organization beside the movement on the home page and a value page", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL!, "lead@comite-de-trabajadores-del-valle.example", true);
  await page.goto("/o/comite-de-trabajadores-del-valle");
  const beside = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Your organization beside the movement" }),
  });
  await expect(beside).toBeVisible();
  await expect(beside.getByRole("heading", { level: 3 })).toHaveCount(4);
  await expect(
    beside.getByText(/^Compared with (the \d+ organizations of your size|all \d+ active organizations)/).first(),
  ).toBeVisible();
  await expect(beside.getByText(/You logged \d+ practices?\./).first()).toBeVisible();
  await expect(beside.getByText(/Half of the organizations logged [\d.]+ or fewer/).first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "org-home");

  const valueName = (await page.locator(".value-card h2 a").first().textContent())!;
  await page.locator(".value-card h2 a").first().click();
  await page.waitForURL(/\/values\//);
  await expect(page.getByRole("heading", { level: 1, name: valueName })).toBeVisible();
  const onValue = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Your organization beside the movement" }),
  });
  await expect(onValue.getByText(/You logged \d+ practices?\./)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, "value-page");
  await context.close();
});

test("a practice a lead saves is in the movement's figures on staff's next page, though the server keeps them between writes", async ({
  browser,
  baseURL,
}) => {
  const staff = await signedIn(browser, baseURL!, "staff@northstar.example", true);
  const lead = await signedIn(browser, baseURL!, "lead@comite-de-trabajadores-del-valle.example", true);
  const title = `Participants and directly impacted participants per value, ${year}`;
  const participants = async () => {
    await staff.page.goto(`/movement?year=${year}`);
    const row = (await tableRows(staff.page, title)).find((r) => r[0].startsWith("Trust & Respect"));
    return Number(row![1].replace(/\D/g, ""));
  };
  const before = await participants();
  expect(before).toBeGreaterThan(0);
  expect(await participants()).toBe(before); // read again with nothing written: the same

  await lead.page.goto("/o/comite-de-trabajadores-del-valle/practices/new");
  await lead.page.getByRole("radio", { name: /Trust & Respect/ }).check();
  await lead.page.getByLabel("What did you do?").fill("Neighbourhood assembly");
  await lead.page.getByLabel("How many people took part?").fill("37");
  await lead.page.getByLabel("How many of them are directly impacted?").fill("20");
  await lead.page.getByRole("button", { name: "Save practice" }).click();
  await expect(lead.page.getByRole("status")).toContainText("Practice saved");

  expect(await participants()).toBe(before + 37);
  await staff.context.close();
  await lead.context.close();
});
