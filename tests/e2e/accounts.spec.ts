// An admin invites an organization's lead; the lead accepts, invites a member; the member signs in and
// cannot open the coalition's admin pages. Invitation links are read from the development outbox.
import { expect, test } from "@playwright/test";
import {
  acceptInvitation,
  chooseLanguage,
  addOrganizationAndInviteLead,
  collectProblems,
  DEMO_PASSWORD,
  invitationLink,
  outboxLink,
  screenshot,
  signIn,
} from "./helpers";

const stamp = Date.now().toString(36);
const orgName = `Raíces Unidas ${stamp}`;
const leadEmail = `lead-${stamp}@example.org`;
const memberEmail = `member-${stamp}@example.org`;
const leadPassword = "the river remembers its bed";
const memberPassword = "maize grows in straight rows";

test.use({ locale: "en-US" });

test("an admin invites a lead, the lead invites a member, and the member cannot open admin pages", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);

  // the admin adds an organization and invites its lead
  const leadLink = await addOrganizationAndInviteLead(page, orgName, leadEmail);
  await page.goBack();
  await screenshot(page, "admin-organization");

  // the lead follows the link, sets a name and password, and lands in the organization
  const lead = await acceptInvitation(browser, leadLink, "Dolores Lead", leadPassword);
  await expect(lead.page).toHaveURL(/\/o\/[a-z0-9-]+$/);
  await expect(lead.page.getByRole("heading", { level: 1 })).toContainText(orgName);
  const orgPath = new URL(lead.page.url()).pathname;

  // the link works once
  const again = await browser.newContext();
  const againPage = await again.newPage();
  const reused = await againPage.goto(leadLink);
  expect(reused?.status()).toBe(410);
  await again.close();

  // the lead invites a member
  await lead.page.goto(`${orgPath}/members`);
  await lead.page.getByLabel("Their email").fill(memberEmail);
  await lead.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(lead.page.getByRole("status")).toContainText(`Invitation to ${memberEmail} written`);
  await screenshot(lead.page, "members");

  // the member accepts, signs out, signs in again with the new password
  const memberLink = await invitationLink(lead.page, memberEmail);
  const member = await acceptInvitation(browser, memberLink, "Tomás Member", memberPassword);
  await member.page.getByRole("button", { name: "Sign out" }).click();
  await expect(member.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(member.page, memberEmail, memberPassword);
  await expect(member.page).toHaveURL(new RegExp(`${orgPath}$`));

  // and cannot open the admin pages: the same page as for anything that does not exist
  for (const path of [
    "/movement/admin/organizations",
    "/movement/admin/people",
    "/movement/admin/audit",
    "/movement",
  ]) {
    const res = await member.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(member.page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  }

  expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
  expect(lead.problems).toEqual([]);
  expect(member.problems.filter((p) => !p.includes("404"))).toEqual([]);
  await lead.context.close();
  await member.context.close();
});

test("adding an organization keeps the address clean, refused or added, with JavaScript and without", async ({
  browser,
}) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/movement$/);
    await page.goto("/movement/admin/organizations");
    // no name: the form comes back with its message, at the page's own address (no "?index")
    await page.getByRole("button", { name: "Add organization" }).click();
    await expect(page.locator(".field-errors").first()).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/movement/admin/organizations");
    const name = `Clean Address ${javaScriptEnabled ? "js" : "html"} ${stamp}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Region", { exact: true }).selectOption("NM");
    await page.getByLabel("Size").selectOption("SMALL");
    await page.getByRole("button", { name: "Add organization" }).click();
    await expect(page.getByRole("status")).toContainText(`${name} was added`);
    expect(page.url()).toMatch(/\/movement\/admin\/organizations\/[a-z0-9]+$/);
    await context.close();
  }
});

test("pending invitations line their withdraw buttons up, one size and one column, at every width", async ({
  page,
}) => {
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/movement$/);
  // a short address and a long one: the long one's text wraps, the short one's does not
  for (const email of [`s-${stamp}@example.org`, `a-rather-long-address-for-the-coalition-${stamp}@example.org`]) {
    await page.goto("/movement/admin/people");
    await page.getByLabel("Their email address").fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(email);
  }
  await page.goto("/movement/admin/people");
  const buttons = page.locator("li.form-actions").getByRole("button", { name: /^Withdraw/ });
  for (const width of [360, 800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const boxes = await buttons.evaluateAll((list) =>
      list.map((b) => {
        const r = b.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.width), Math.round(r.height)];
      }),
    );
    expect(boxes.length, String(width)).toBeGreaterThanOrEqual(2);
    expect(new Set(boxes.map((b) => b.join(","))).size, `${width}: ${JSON.stringify(boxes)}`).toBe(1);
  }
  await screenshot(page, "pending-invitations");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "staff2@northstar.example", "not the right password");
  await expect(page.getByText("That email and password do not match an account")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("a person who forgot their password gets a link that works once and signs them in", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = "member1@fuerza-migrante.example"; // every demo organization has at least one member
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If an account exists for that email")).toBeVisible();
  // an unknown address gets exactly the same answer
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@example.org");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If an account exists for that email")).toBeVisible();

  const link = await outboxLink(page, email, "reset-password");
  const context = await browser.newContext({ locale: "en-US" });
  // this browser chose English: the demo person may have chosen Spanish for their account
  await chooseLanguage(context, "en", baseURL!);
  const person = await context.newPage();
  const problems = collectProblems(person);
  await person.goto(link);
  await person.getByLabel("New password").fill("a brand new passphrase here");
  await person.getByLabel("Type the password again").fill("a brand new passphrase here");
  await person.getByRole("button", { name: "Save the new password" }).click();
  await expect(person.getByRole("status")).toContainText("Your password is changed");
  await expect(person).toHaveURL(/\/o\/fuerza-migrante$/);
  expect(problems).toEqual([]);

  // the link is spent, and the old password no longer works
  expect((await page.goto(link))?.status()).toBe(410);
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByText("That email and password do not match an account")).toBeVisible();
  await context.close();
});
