// An admin invites an organization's lead; the lead accepts, invites a member; the member signs in and
// cannot open the coalition's admin pages. Invitation links are read from the development outbox.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { collectProblems, screenshot } from "./helpers";

const DEMO_PASSWORD = "north-star-demo";
const stamp = Date.now().toString(36);
const orgName = `Raíces Unidas ${stamp}`;
const leadEmail = `lead-${stamp}@example.org`;
const memberEmail = `member-${stamp}@example.org`;
const leadPassword = "the river remembers its bed";
const memberPassword = "maize grows in straight rows";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function invitationLink(page: Page, email: string) {
  await page.goto("/dev/outbox");
  const link = page.locator("li.card", { hasText: email }).first().locator("dd a");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(href!).pathname;
}

async function acceptAs(browser: Browser, path: string, name: string, password: string) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(path);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByRole("button", { name: "Create my account and join" }).click();
  await expect(page.getByRole("status")).toContainText("Welcome to North Star");
  return { context, page, problems };
}

test.use({ locale: "en-US" });

test("an admin invites a lead, the lead invites a member, and the member cannot open admin pages", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);

  // the admin adds an organization and invites its lead
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/movement$/);
  await page.goto("/movement/admin/organizations");
  await page.getByLabel("Name", { exact: true }).fill(orgName);
  await page.getByLabel("Region", { exact: true }).fill("NM");
  await page.getByLabel("Size").selectOption("SMALL");
  await page.getByRole("button", { name: "Add organization" }).click();
  await expect(page.getByRole("status")).toContainText(`${orgName} was added`);
  await screenshot(page, "admin-organization");
  await page.getByLabel("The lead's email").fill(leadEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${leadEmail}`);

  // the lead follows the link, sets a name and password, and lands in the organization
  const leadLink = await invitationLink(page, leadEmail);
  const lead = await acceptAs(browser, leadLink, "Dolores Lead", leadPassword);
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
  await expect(lead.page.getByRole("status")).toContainText(`Invitation sent to ${memberEmail}`);
  await screenshot(lead.page, "members");

  // the member accepts, signs out, signs in again with the new password
  const memberLink = await invitationLink(lead.page, memberEmail);
  const member = await acceptAs(browser, memberLink, "Tomás Member", memberPassword);
  await member.page.getByRole("button", { name: "Sign out" }).click();
  await expect(member.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(member.page, memberEmail, memberPassword);
  await expect(member.page).toHaveURL(new RegExp(`${orgPath}$`));

  // and cannot open the admin pages: the same page as for anything that does not exist
  for (const path of ["/movement/admin/organizations", "/movement/admin/people", "/movement/admin/audit", "/movement"]) {
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

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "staff2@northstar.example", "not the right password");
  await expect(page.getByText("That email and password do not match an account")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});
