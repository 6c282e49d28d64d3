// A member logs a practice, reads it, edits it, updates a commitment and drafts the reflection across the four
// values; the lead submits it; without JavaScript a practice can still be logged, public with consent. Every
// page passes axe's serious checks.
import { expect, test } from "@playwright/test";
import { dayIn } from "~/utils/time-zone";
import {
  acceptInvitation,
  addOrganizationAndInviteLead,
  inviteMember,
  screenshot,
  seriousA11yViolations,
  signIn,
  type SignedIn,
} from "./helpers";

const stamp = Date.now().toString(36);
const memberEmail = `ws-member-${stamp}@example.org`;
const memberPassword = "the ocean keeps every tide";
const year = new Date().getUTCFullYear();

let lead: SignedIn;
let member: SignedIn;
let orgPath = "";

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await browser.newPage();
  const leadLink = await addOrganizationAndInviteLead(admin, `Casa Solidaria ${stamp}`, `ws-lead-${stamp}@example.org`);
  await admin.close();
  // bypassCSP only so axe can be injected for the accessibility checks
  lead = await acceptInvitation(browser, leadLink, "Luz Lead", "the hills are listening now", { bypassCSP: true });
  orgPath = new URL(lead.page.url()).pathname;
  const memberLink = await inviteMember(lead.page, orgPath, memberEmail);
  member = await acceptInvitation(browser, memberLink, "Mateo Member", memberPassword, { bypassCSP: true });
});

test.afterAll(async () => {
  await lead?.context.close();
  await member?.context.close();
});

test("a member logs a practice", async () => {
  const page = member.page;
  await page.goto(orgPath);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "org-home");
  await page.getByRole("link", { name: "Log a practice" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log a practice");
  expect(await seriousA11yViolations(page)).toEqual([]);

  // the browser checks the rules before sending: more impacted people than participants
  await page.getByRole("radio", { name: /Trust & Respect/ }).check();
  await page.getByLabel("What did you do?").fill("Know-your-rights workshop");
  await page.getByLabel("How many people took part?").fill("12");
  await page.getByLabel("How many of them are directly impacted?").fill("15");
  await page.getByLabel("How many of them are directly impacted?").blur();
  await expect(page.getByText("cannot be more than")).toBeVisible();
  await page.getByLabel("How many of them are directly impacted?").fill("9");
  await page.getByRole("checkbox", { name: /Freedom to Stay/ }).check();
  await screenshot(page, "practice-new");
  await page.getByRole("button", { name: "Save practice" }).click();
  await expect(page.getByRole("status")).toContainText("Practice saved");
  await expect(page.getByRole("link", { name: "Know-your-rights workshop" })).toBeVisible();
  await expect(page.getByText("12 participants")).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "practices");
});

test("opening a practice shows it to read; editing it is one step further", async () => {
  const page = member.page;
  await page.goto(`${orgPath}/practices`);
  await page.getByRole("link", { name: "Know-your-rights workshop" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Know-your-rights workshop");
  await expect(page.getByText("12 participants")).toBeVisible();
  await expect(page.getByText("9 directly impacted (75%)")).toBeVisible();
  await expect(page.getByText("Private", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "practice-view");

  await page.getByRole("link", { name: "Edit practice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit practice");
  // the consent is there, and greyed out until "public" is chosen
  const consent = page.getByRole("checkbox", { name: /may be named/ });
  await expect(consent).toBeDisabled();
  await page.getByRole("radio", { name: /May be quoted publicly/ }).check();
  await expect(consent).toBeEnabled();
  await consent.check();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "practice-edit");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Your changes are saved");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Know-your-rights workshop");
  await expect(page.getByText("May name your organization")).toBeVisible();
  // and the edit form shows the consent as given
  await page.getByRole("link", { name: "Edit practice" }).click();
  await expect(page.getByRole("checkbox", { name: /may be named/ })).toBeChecked();
});

test("the date starts at today where the browser is, and the server takes it", async ({ browser }) => {
  // UTC+14: most hours of the day this is already tomorrow in the organization's zone
  const zone = "Pacific/Kiritimati";
  const context = await browser.newContext({ timezoneId: zone, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, memberEmail, memberPassword);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto(`${orgPath}/practices/new`);
  const today = dayIn(zone);
  await expect(page.getByLabel("When?")).toHaveValue(today);
  await expect(page.getByText("Line Islands Time")).toBeVisible();
  await page.getByRole("radio", { name: /Trust & Respect/ }).check();
  await page.getByLabel("What did you do?").fill("Early-morning phone bank");
  await page.getByRole("button", { name: "Save practice" }).click();
  await expect(page.getByRole("status")).toContainText("Practice saved");
  await page.getByRole("link", { name: "Early-morning phone bank" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Early-morning phone bank");
  await expect(page.locator("main time")).toHaveAttribute("datetime", today);
  await expect(page.getByText("No participants counted")).toBeVisible();
  await context.close();
});

test("a value's page shows the practice just logged, and passes the accessibility checks", async () => {
  const page = member.page;
  await page.goto(`${orgPath}/values/trust-respect`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trust & Respect");
  await expect(page.getByRole("link", { name: "Know-your-rights workshop" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "value");
});

test("a member makes a commitment and adds a dated update to its timeline", async () => {
  const page = member.page;
  await page.goto(`${orgPath}/commitments/new`);
  await page.getByLabel("Value").selectOption({ label: "Trust & Respect" });
  await page.getByLabel("Title", { exact: true }).fill("Interpretation at every assembly");
  await page.getByRole("button", { name: "Save commitment" }).click();
  await expect(page.getByRole("status")).toContainText("Commitment saved");
  const update = page.locator("form", { has: page.getByRole("button", { name: "Add update" }) });
  await update.getByLabel("Status").selectOption("IN_PROGRESS");
  await update.getByLabel("Progress (%)").fill("40");
  await update.getByLabel("Note").fill("Two assemblies with Mam interpretation.");
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(page.getByRole("status")).toContainText("Update added");
  await expect(page.getByText("Two assemblies with Mam interpretation.")).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, "commitment");
});

test("a member drafts the reflection across the four values, and the lead submits it", async () => {
  const page = member.page;
  await page.goto(`${orgPath}/reflections/${year}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByText(`Value ${step} of 4`)).toBeVisible();
    await page.getByRole("radio", { name: /Practicing/ }).check();
    await page.getByLabel("What went well?").fill(`Step ${step}: more members spoke up in assemblies.`);
    if (step === 1) await screenshot(page, "reflection-step");
    await page.getByRole("button", { name: "Save draft" }).click();
    // each save moves on to the next value (the same toast text repeats, so wait for the count instead)
    await expect(page.getByText(`${step} of 4 values have a level`)).toBeVisible();
  }
  // a member cannot submit: the lead does
  await expect(page.getByRole("button", { name: "Submit the reflection" })).toHaveCount(0);

  await lead.page.goto(`${orgPath}/reflections/${year}`);
  // before submitting, the lead sees the four values with this year's practices beside them
  const overview = lead.page.getByRole("region", { name: `${year} at a glance` });
  await expect(overview.getByRole("listitem").filter({ hasText: "Draft saved, level chosen" })).toHaveCount(4);
  await expect(overview.getByText(/practices? in \d{4}|No practices logged/)).toHaveCount(4);
  await expect(lead.page.getByText("Submitted by the lead")).toHaveCount(0);
  await lead.page.getByRole("button", { name: "Submit the reflection" }).click();
  await expect(lead.page.getByRole("status")).toContainText(`The ${year} reflection was submitted`);
  await expect(lead.page.getByText(/Submitted by the lead on/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await screenshot(lead.page, "reflection-submitted");
});

test("without JavaScript, a member still logs a practice", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, memberEmail, memberPassword);
  await page.goto(`${orgPath}/practices/new`);
  // no browser zone without JavaScript: the organization's (a new one in New Mexico is on Mountain Time)
  await expect(page.getByLabel("When?")).toHaveValue(dayIn("America/Denver"));
  await page.getByRole("radio", { name: /Global Awareness/ }).check();
  await page.getByRole("radio", { name: /May be quoted publicly/ }).check();
  await page.getByRole("checkbox", { name: /may be named/ }).check();
  // the server's errors arrive translated, and what was typed is kept
  await page.getByLabel("What did you do?").fill("Solidarity call with partners abroad");
  await page.getByLabel("How many people took part?").fill("3");
  await page.getByLabel("How many of them are directly impacted?").fill("4");
  await page.getByRole("button", { name: "Save practice" }).click();
  await expect(page.getByText("cannot be more than")).toBeVisible();
  await expect(page.getByLabel("What did you do?")).toHaveValue("Solidarity call with partners abroad");
  await page.getByLabel("How many of them are directly impacted?").fill("2");
  await page.getByRole("button", { name: "Save practice" }).click();
  await expect(page.getByRole("status")).toContainText("Practice saved");
  await page.getByRole("link", { name: "Solidarity call with partners abroad" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Solidarity call with partners abroad");
  await expect(page.getByText("May name your organization")).toBeVisible();
  await context.close();
});
