import { expect, test } from "@playwright/test";
import { collectProblems, screenshot, seriousA11yViolations } from "./helpers";

test.describe("landing page", () => {
  test.use({ locale: "en-US" });

  test("shows the vision, the Five Freedoms and the Core Values, and switches to Spanish for good", async ({
    page,
  }) => {
    const problems = collectProblems(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Living our values, together");
    await expect(page.getByTestId("vision")).toContainText("All people have inherent dignity and value");
    const values = page.getByTestId("values").getByRole("heading");
    await expect(values).toHaveText([
      "Trust & Respect",
      "Leaderful Movement That Centers Directly Impacted People",
      "Courage, Creativity, and Discipline",
      "Global Awareness and Engagement",
    ]);
    await expect(page.getByTestId("freedoms").getByRole("heading")).toHaveCount(5);
    await screenshot(page, "landing-en");

    await page.getByRole("button", { name: "Español" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vivir nuestros valores, juntas y juntos");
    await expect(values).toHaveText([
      "Confianza y Respeto",
      "Movimiento con Muchos Liderazgos que Centra a las Personas Directamente Afectadas",
      "Valentía, Creatividad y Disciplina",
      "Conciencia y Compromiso Global",
    ]);
    await expect(page.getByTestId("freedoms")).toContainText("Libertad para Quedarse");
    await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-pressed", "true");

    // the choice sticks: a new visit in the same browser is still Spanish, although the browser asks for English
    await page.goto("/");
    await expect(page.getByTestId("values").getByRole("heading").first()).toHaveText("Confianza y Respeto");
    await screenshot(page, "landing-es");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByTestId("values").getByRole("heading").first()).toHaveText("Trust & Respect");
    expect(problems).toEqual([]);
  });

  test("has no serious accessibility problems in either language", async ({ browser }) => {
    // axe is injected as an inline script, which the page's CSP rightly forbids
    const context = await browser.newContext({ bypassCSP: true, locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Español" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

test.describe("a Spanish-speaking browser", () => {
  test.use({ locale: "es-MX" });

  test("gets Spanish from the first page", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByTestId("values").getByRole("heading").first()).toHaveText("Confianza y Respeto");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "en-US" });

  test("the language switch still works", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Español" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vivir nuestros valores, juntas y juntos");
  });
});

test("/healthz answers 200 while the database answers", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "up" });
});
