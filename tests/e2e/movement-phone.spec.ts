// The movement dashboard on a phone, 360 pixels wide: the page shows each chart's narrow drawing, whose words
// stay at least 11 pixels tall on screen, and the page does not scroll sideways; on a desktop the wide
// drawing shows instead. Screenshots of both widths in both languages go to SCREENSHOT_DIR when it is set.
import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, signIn } from "./helpers";

const SHOTS = process.env.SCREENSHOT_DIR;
test.use({ locale: "en-US" });

/** Each shown chart's smallest word on screen: its text box's height and its type's size times the drawing's scale. */
async function smallestWords(page: Page) {
  return page.locator(".chart-figure svg").evaluateAll((svgs) =>
    svgs
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .map((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "");
        // one line of type: a text without a second line under it
        const oneLine = texts.filter((t) => t.querySelectorAll("tspan").length <= 1);
        return {
          id: svg.id,
          texts: texts.length,
          box: Math.min(...oneLine.map((t) => t.getBoundingClientRect().height)),
          font: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
        };
      }),
  );
}

for (const lng of ["en", "es"] as const) {
  test(`at 360 pixels (${lng}) every shown chart is the phone's drawing, its words at least 11 pixels tall`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "en-US" });
    await chooseLanguage(context, "en", baseURL!);
    const page = await context.newPage();
    await signIn(page, "staff@northstar.example", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/login");
    await chooseLanguage(context, lng, baseURL!);
    await page.goto("/movement");
    await expect(page.locator("h1")).toHaveText(lng === "en" ? "How the movement lives its values" : /valores/);
    const phone = await smallestWords(page);
    expect(phone.length).toBeGreaterThanOrEqual(4);
    for (const chart of phone) {
      expect(chart.id, "the narrow drawing shows").toMatch(/-narrow$/);
      expect(chart.texts, chart.id).toBeGreaterThan(2);
      expect(chart.box, `${chart.id}: a line of text's height on screen`).toBeGreaterThanOrEqual(11);
      expect(chart.font, `${chart.id}: its type's size on screen`).toBeGreaterThanOrEqual(11);
    }
    // nothing on the page is wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/movement-360-${lng}.png`, fullPage: true });

    await page.setViewportSize({ width: 1280, height: 900 });
    const desktop = await smallestWords(page);
    for (const chart of desktop) {
      expect(chart.id, "the wide drawing shows").not.toMatch(/-narrow$/);
      expect(chart.font, chart.id).toBeGreaterThanOrEqual(11);
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/movement-1280-${lng}.png`, fullPage: true });
    await context.close();
  });
}
