// Test data and signed-in requests, written through the app's own models against the test's database.
import { randomUUID } from "node:crypto";
import type { CoalitionRole, MembershipRole } from "~/generated/prisma/client";
import { expect } from "vitest";
import { resources } from "~/locales/resources";
import { createSession } from "~/utils/session-store.server";
import { getPrisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Result } from "~/utils/result";
import { commitSessionCookie } from "~/utils/session.server";
export { answer } from "./answer";
export { toastOf } from "./setup/matchers";

export const TEST_PASSWORD = "a long test passphrase";
let passwordHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8);

export async function createOrganization(overrides: { name?: string; slug?: string; region?: string } = {}) {
  const prisma = await getPrisma();
  const id = unique();
  return prisma.organization.create({
    data: {
      name: overrides.name ?? `Organization ${id}`,
      slug: overrides.slug ?? `org-${id}`,
      region: overrides.region ?? "CA",
      sizeBand: "SMALL",
    },
  });
}

export async function createUser(
  overrides: {
    email?: string;
    name?: string;
    coalitionRole?: CoalitionRole;
    memberships?: { organizationId: string; role?: MembershipRole }[];
    disabled?: boolean;
    locale?: string;
  } = {},
) {
  const prisma = await getPrisma();
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  return prisma.user.create({
    data: {
      email: overrides.email ?? `person-${unique()}@example.org`,
      name: overrides.name ?? "Test Person",
      locale: overrides.locale ?? "en",
      coalitionRole: overrides.coalitionRole ?? "NONE",
      disabledAt: overrides.disabled ? new Date() : null,
      password: { create: { hash } },
      memberships: {
        create: (overrides.memberships ?? []).map((m) => ({
          organizationId: m.organizationId,
          role: m.role ?? "MEMBER",
        })),
      },
    },
  });
}

/** A Cookie header for a new session of the user, as the browser would send it after signing in. */
export async function sessionCookie(userId: string) {
  const prisma = await getPrisma();
  const session = await createSession({ prisma, userId, maxDays: 7 });
  const setCookie = await commitSessionCookie(session.token, session.expiresAt);
  return { cookie: setCookie.split(";")[0], sessionId: session.sessionId, token: session.token };
}

/** Loader/action arguments for a request as a browser on this site would send it. */
export function requestArgs(
  path: string,
  {
    method = "GET",
    cookie,
    form,
    headers = {},
    params = {},
  }: {
    method?: string;
    cookie?: string;
    form?: Record<string, string>;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
) {
  const h = new Headers(headers);
  if (cookie) h.set("Cookie", cookie);
  if (method !== "GET" && !h.has("Origin")) h.set("Origin", "http://localhost");
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: h,
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { request, params, context: {} };
}

/** A message key as shown: present, and translated, in both languages. */
export function translated(key: string) {
  const [ns, path] = key.includes(":") ? key.split(":") : ["common", key];
  for (const lang of ["en", "es"] as const) {
    const text = path
      .split(".")
      .reduce<unknown>(
        (o, k) => (o as Record<string, unknown> | undefined)?.[k],
        resources[lang][ns as keyof (typeof resources)["en"]],
      );
    expect(typeof text, `${lang} ${key}`).toBe("string");
  }
  return key;
}

/** The value of a model call the test expects to succeed; a failure fails the test with its error. */
export async function valueOf<T>(result: Promise<Result<T>> | Result<T>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected success, got ${settled.error}`);
  return settled.value;
}

/** Limits count in fixed one-minute windows: start a run only when the current window has time left for it. */
export async function withinOneMinute(seconds = 20) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
