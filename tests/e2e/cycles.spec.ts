// A coalition admin (without JavaScript) closes this year's cycle, prepares next year's and opens it; a lead
// (with JavaScript) submits the reflection; the tracker shows it and reminders to that organization stop.
// The admin then puts this year's cycle back as it was, for the other specs. Every page passes axe's checks.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, screenshot, seriousA11yViolations, signIn } from "./helpers";

const year = new Date().getUTCFullYear();
const next = year + 1;
const leadEmail = "lead@comite-de-trabajadores-del-valle.example";
const orgName = "Comité de Trabajadores del Valle";

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

let admin: { context: BrowserContext; page: Page };
// axe needs JavaScript: a second, scripted session of the admin checks each page the first one uses
let checker: { context: BrowserContext; page: Page };

async function signedIn(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function accessible(path: string, shot?: string) {
  await checker.page.goto(path);
  expect(await seriousA11yViolations(checker.page)).toEqual([]);
  if (shot) await screenshot(checker.page, shot);
}

test.beforeAll(async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    // bypassCSP only so axe can be injected
    const context = await browser.newContext({ javaScriptEnabled, locale: "en-US", bypassCSP: true });
    const page = await context.newPage();
    await signedIn(page, "admin@northstar.example");
    if (javaScriptEnabled) checker = { context, page };
    else admin = { context, page };
  }
});

test.afterAll(async () => {
  await admin?.context.close();
  await checker?.context.close();
});

const trackerRow = (page: Page) => page.locator("table.tracker tbody tr", { hasText: orgName });

test("without JavaScript, an admin closes this year's cycle, creates next year's and opens it", async () => {
  const page = admin.page;
  await page.goto("/movement");
  await page.getByRole("link", { name: "Reflection cycles" }).click();
  await expect(page.getByRole("heading", { name: "Reflection cycles" })).toBeVisible();
  await accessible("/movement/cycles", "cycles-list");

  await page.getByRole("link", { name: `Cycle ${year}` }).click();
  await page.getByRole("button", { name: "Close the cycle" }).click();
  // closing asks first and says what it freezes; until then the cycle is open
  const closeStep = page.getByRole("region", { name: `Close the ${year} cycle?` });
  await expect(closeStep).toContainText(/Submitted reflections are frozen: \d+ organizations? ha(s|ve) submitted/);
  await expect(closeStep).toContainText(/Drafts show as not submitted/);
  // the step is the one thing to answer: the move's own button waits until it is answered or cancelled
  await expect(page.getByRole("button", { name: "Close the cycle", exact: true })).toHaveCount(0);
  await expect(page.getByText("Open", { exact: true })).toBeVisible();
  await closeStep.getByRole("button", { name: "Yes, close the cycle" }).click();
  await expect(page.getByRole("status")).toContainText(`The ${year} cycle is closed`);

  await accessible("/movement/cycles/new", "cycle-create");
  await page.goto("/movement/cycles/new");
  await expect(page.getByLabel("Year")).toHaveValue(String(next));
  // last year's prompts are there to edit
  const firstPrompt = page.getByRole("textbox", { name: /prompt in English/ }).first();
  await expect(firstPrompt).not.toHaveValue("");
  await page.getByLabel("Opens on").fill(`${next}-03-01`);
  await page.getByLabel("Closes on").fill(`${next}-02-01`);
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByText("The close date must come after the open date.")).toBeVisible();
  await page.getByLabel("Closes on").fill(`${next}-11-30`);
  await firstPrompt.fill("What did trust make possible this year?");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("status")).toContainText(`The ${next} cycle is ready as a draft`);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Open the cycle" }).click();
  // opening asks first and says how many leads get an announcement, and where it goes: this server has no mail
  // server, so the outbox, and the button promises no email; Cancel leaves the draft as it was
  const openStep = page.getByRole("region", { name: `Open the ${next} cycle?` });
  await expect(openStep).toContainText(/announcements? for \d+ leads? (is|are) kept in the outbox at \/dev\/outbox/);
  await expect(openStep).not.toContainText("will get an email");
  await openStep.getByRole("link", { name: "Cancel" }).click();
  await expect(openStep).toHaveCount(0);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Open the cycle" }).click();
  // axe checks the step in the scripted session, which only asks and so changes nothing
  await checker.page.goto(`/movement/cycles/${next}`);
  await checker.page.getByRole("button", { name: "Open the cycle" }).click();
  await expect(checker.page.getByRole("heading", { name: `Open the ${next} cycle?` })).toBeFocused();
  expect(await seriousA11yViolations(checker.page)).toEqual([]);
  await screenshot(checker.page, "cycle-open-step");
  await openStep.getByRole("button", { name: "Yes, open the cycle", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(
    `The ${next} cycle is open. The leads' announcements were not emailed`,
  );
  await expect(trackerRow(page).locator("td").first()).toHaveText("Not started");
  await accessible(`/movement/cycles/${next}`, "cycle-page");
});

test("a lead submits the reflection; the tracker changes and the reminder for that organization stops", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "en-US" });
  // the demo lead's own language may be Spanish; this test reads English
  await chooseLanguage(context, "en", baseURL!);
  const page = await context.newPage();
  await signedIn(page, leadEmail);
  await page.goto("/o/comite-de-trabajadores-del-valle");
  await expect(page.getByRole("heading", { name: `The ${next} reflection is open` })).toBeVisible();
  await expect(page.getByText("What did trust make possible this year?")).toBeVisible();
  await screenshot(page, "org-home-open-cycle");
  await page.getByRole("link", { name: "Go to the reflection" }).click();
  await expect(page.getByText("What did trust make possible this year?")).toBeVisible();
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByText(`Value ${step} of 4`)).toBeVisible();
    await page.getByRole("radio", { name: /Practicing/ }).check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText(`${step} of 4 values have a level`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Submit the reflection" }).click();
  await expect(page.getByRole("status")).toContainText(`The ${next} reflection was submitted`);
  await context.close();

  const admin_ = admin.page;
  await admin_.goto(`/movement/cycles/${next}`);
  const row = trackerRow(admin_);
  await expect(row.locator("td").first()).toHaveText("Submitted");
  await expect(row.getByRole("button", { name: /^Remind/ })).toHaveCount(0);
  // the try-out has no mail server: the help promises no email, it says the outbox keeps the reminders
  await expect(
    admin_.getByText(/^Write a reminder now for every organization .*in the outbox at \/dev\/outbox/),
  ).toBeVisible();
  await admin_.getByRole("button", { name: "Remind all who have not submitted" }).click();
  // it asks first, saying how many reminders would be written and where they go
  await expect(admin_.getByRole("heading", { name: `Write a reminder for ${next} now?` })).toBeVisible();
  await expect(admin_.getByText(/reminders? (?:is|are) written .* kept in the outbox/)).toBeVisible();
  await admin_.getByRole("button", { name: "Yes, write the reminders" }).click();
  // the try-out has no mail server: the toast says the reminders were written and kept in the outbox
  await expect(admin_.getByRole("status")).toContainText(/\d+ reminders? written\. .*in the outbox/);
  // the development outbox lists what was written: reminders, but none to this organization's lead
  await admin_.goto("/dev/outbox");
  await expect(admin_.getByText(/A reminder: the \d{4} reflection of/).first()).toBeVisible();
  await expect(admin_.locator("li.card", { hasText: leadEmail }).filter({ hasText: "A reminder" })).toHaveCount(0);
});

test("the admin closes next year's cycle and reopens this year's with a reason", async () => {
  const page = admin.page;
  await page.goto(`/movement/cycles/${next}`);
  await page.getByRole("button", { name: "Close the cycle" }).click();
  await page.getByRole("button", { name: "Yes, close the cycle" }).click();
  await expect(page.getByRole("status")).toContainText(`The ${next} cycle is closed`);
  await page.goto(`/movement/cycles/${year}`);
  await page.getByLabel("Why reopen it?").fill("The year continues: next year's cycle was a rehearsal.");
  await page.getByRole("button", { name: "Reopen the cycle" }).click();
  await expect(page.getByRole("status")).toContainText(`The ${year} cycle is open again`);
});
