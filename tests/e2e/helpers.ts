import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Serious and critical accessibility violations reported by axe-core on the current page. */
export async function seriousA11yViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Console errors and failed requests, to prove a page hydrates cleanly. */
export function collectProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()} ${r.url()}`);
  });
  return problems;
}

/** A full-page screenshot at phone and desktop width, in SCREENSHOT_DIR (else test-results/screenshots); the
 * page is left at desktop width. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";
  for (const [label, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
  }
}

export const DEMO_PASSWORD = "north-star-demo";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The newest link of a kind ("invite" or "reset-password") written for an email, read from the development outbox. */
export async function outboxLink(page: Page, email: string, kind: "invite" | "reset-password" = "invite") {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const link = page.locator("li.card", { hasText: email }).first().locator("dd a");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`/${kind}/[A-Za-z0-9_-]{43}$`));
  return new URL(href!).pathname;
}

export const invitationLink = (page: Page, email: string) => outboxLink(page, email, "invite");

/** A new browser that accepts an invitation as a new person and is then signed in. */
export async function acceptInvitation(
  browser: Browser,
  path: string,
  name: string,
  password: string,
  options: { bypassCSP?: boolean } = {},
) {
  const context = await browser.newContext({ locale: "en-US", bypassCSP: options.bypassCSP ?? false });
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

/** As the demo admin on `page`: add an organization and invite its lead; returns the lead's invitation link. */
export async function addOrganizationAndInviteLead(page: Page, orgName: string, leadEmail: string) {
  await signIn(page, "admin@northstar.example", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/movement$/);
  await page.goto("/movement/admin/organizations");
  await page.getByLabel("Name", { exact: true }).fill(orgName);
  await page.getByLabel("Region", { exact: true }).selectOption("NM");
  await page.getByLabel("Size").selectOption("SMALL");
  await page.getByRole("button", { name: "Add organization" }).click();
  await expect(page.getByRole("status")).toContainText(`${orgName} was added`);
  await page.getByLabel("The lead's email").fill(leadEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation to ${leadEmail} written`);
  return invitationLink(page, leadEmail);
}

/** As a lead on `page` in the organization at `orgPath`: invite a member; returns the invitation link. */
export async function inviteMember(page: Page, orgPath: string, email: string) {
  await page.goto(`${orgPath}/members`);
  await page.getByLabel("Their email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation to ${email} written`);
  return invitationLink(page, email);
}

export type SignedIn = { context: BrowserContext; page: Page; problems: string[] };

/**
 * Chooses the page language as the language switch does (the `lng` cookie), so a test reads one language
 * whatever language the signed-in account has chosen for itself.
 */
export async function chooseLanguage(context: BrowserContext, lng: "en" | "es", baseURL: string) {
  const value = encodeURIComponent(Buffer.from(JSON.stringify(lng)).toString("base64"));
  await context.addCookies([{ name: "lng", value, url: baseURL }]);
}

/** Whether a TCP connection to host:port is accepted within 3 seconds. */
export function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3_000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** An IPv4 address of this machine beyond loopback, to try what the network reaches (undefined without one). */
export const otherAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === "IPv4")?.address;
