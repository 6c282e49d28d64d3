// Walks every route of the app, taken from Remix's own route manifest so a new route is covered the day it
// is added, and tries it as a member of organization A with the ids of organization B, for every method
// the route accepts and every form intent its schemas name (wherever they live: tests/routes.ts follows the
// route's imports). Each answers 404 (or asks to sign in), changes no row of B's in any table, and no
// response contains the marker planted in B's records.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { rebuildSummaries } from "~/models/summary.server";
import { getPrisma } from "~/utils/db.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";
import { type RouteModule, allIntents, appRoutes } from "../routes";

const MARKER = `MARKER-${randomUUID()}`;
const METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
// routes anyone may use; they carry no organization's ids
const PUBLIC = new Set([
  "/",
  "/login",
  "/logout",
  "/locale",
  "/locales/:lng",
  "/healthz",
  "/forgot-password",
  "/dev/outbox",
]);
// signing out would end the walking member's session and make every later answer a redirect
const SKIP = new Set(["/logout"]);
// routes identified by a secret token: an unknown token is a 404 (or 410 Gone)
const TOKEN_PARAMS = new Set(["token"]);

type Route = { id: string; file: string; url: string; params: string[]; intents: string[] };

let routes: Route[] = [];
let b: Record<string, string> = {};
let memberCookie = "";
let staffCookie = "";
let aSlug = "";

async function bodyText(res: Response) {
  return res.body ? await res.clone().text() : "";
}

/** The tables that hold an organization's rows: every table with an organizationId column, found in the database itself. */
async function tenantTables() {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'organizationId' ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}

const stable = (rows: unknown[]) =>
  rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).sort();

/**
 * Every row of organization B, whole: the organization, each tenant table's rows (practices, commitments and
 * their updates, reflections, memberships, invitations, summaries, audit events, …), and its people's accounts.
 */
async function snapshotB() {
  const prisma = await getPrisma();
  const id = b.orgId;
  const snapshot: Record<string, string[]> = {
    Organization: stable(await prisma.$queryRaw`SELECT * FROM "Organization" WHERE id = ${id}`),
    User: stable(
      await prisma.$queryRaw`SELECT u.* FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."organizationId" = ${id}`,
    ),
    Password: stable(
      await prisma.$queryRaw`SELECT p.* FROM "Password" p JOIN "Membership" m ON m."userId" = p."userId" WHERE m."organizationId" = ${id}`,
    ),
  };
  for (const table of await tenantTables()) {
    // a table name from the catalog, quoted as an identifier; the value stays a bound parameter
    const name = Prisma.raw(`"${table.replaceAll('"', '""')}"`);
    snapshot[table] = stable(await prisma.$queryRaw(Prisma.sql`SELECT * FROM ${name} WHERE "organizationId" = ${id}`));
  }
  return snapshot;
}

function fill(route: Route, values: Record<string, string>) {
  const params: Record<string, string> = {};
  for (const p of route.params) params[p] = values[p];
  const url = route.url.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeURIComponent(values[p]));
  return { url, params };
}

beforeAll(async () => {
  routes = (await appRoutes()).filter((r) => !SKIP.has(r.url));

  const prisma = await getPrisma();
  const orgA = await createOrganization({ name: "Organization A" });
  const orgB = await createOrganization({ name: `Organization B ${MARKER}` });
  aSlug = orgA.slug;
  const member = await createUser({ memberships: [{ organizationId: orgA.id, role: "MEMBER" }] });
  await createUser({ memberships: [{ organizationId: orgA.id, role: "LEAD" }] });
  const leadB = await createUser({
    name: `Lead ${MARKER}`,
    email: `lead-b-${randomUUID().slice(0, 6)}@example.org`,
    memberships: [{ organizationId: orgB.id, role: "LEAD" }],
  });
  const memberB = await createUser({
    name: `Member ${MARKER}`,
    memberships: [{ organizationId: orgB.id, role: "MEMBER" }],
  });
  const staff = await createUser({ coalitionRole: "STAFF" });
  const membershipB = await prisma.membership.findFirstOrThrow({
    where: { organizationId: orgB.id, userId: memberB.id },
  });
  const invitationB = await prisma.invitation.create({
    data: {
      tokenHash: `hash-${MARKER}`,
      email: `invitee-${MARKER.toLowerCase()}@example.org`,
      organizationId: orgB.id,
      membershipRole: "MEMBER",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await prisma.auditEvent.create({
    data: { action: "organization.created", organizationId: orgB.id, metadata: { note: MARKER } },
  });
  const cycle = await prisma.cycle.upsert({
    where: { year: 2026 },
    update: {},
    create: { year: 2026, opensOn: new Date("2026-01-01"), closesOn: new Date("2026-12-31"), status: "OPEN" },
  });
  const value = await prisma.value.findFirstOrThrow({ orderBy: { position: "asc" } });
  const commitmentB = await prisma.commitment.create({
    data: {
      organizationId: orgB.id,
      valueId: value.id,
      cycleId: cycle.id,
      title: `Commitment ${MARKER}`,
      description: MARKER,
    },
  });
  const practiceB = await prisma.practice.create({
    data: {
      organizationId: orgB.id,
      valueId: value.id,
      occurredOn: new Date("2026-03-02"),
      title: `Practice ${MARKER}`,
      notes: MARKER,
      participants: 3,
      impactedParticipants: 2,
    },
  });
  const reflectionB = await prisma.reflection.create({
    data: { organizationId: orgB.id, valueId: value.id, cycleId: cycle.id, wentWell: MARKER, challenges: MARKER },
  });
  const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "asc" } });
  await prisma.practiceFreedom.create({
    data: { practiceId: practiceB.id, freedomId: freedom.id, organizationId: orgB.id },
  });
  await prisma.organizationFreedom.create({ data: { organizationId: orgB.id, freedomId: freedom.id } });
  await prisma.commitmentUpdate.create({
    data: {
      organizationId: orgB.id,
      commitmentId: commitmentB.id,
      status: "IN_PROGRESS",
      progress: 40,
      note: MARKER,
      authorId: leadB.id,
    },
  });
  await prisma.reminderPause.create({ data: { organizationId: orgB.id } });
  await rebuildSummaries({ prisma }); // B's monthly summaries, as its practices would have written them

  // every id of B a URL or a form may name, under the names routes use for them
  b = {
    org: orgB.slug,
    orgId: orgB.id,
    organizationId: orgB.id,
    membershipId: membershipB.id,
    invitationId: invitationB.id,
    userId: leadB.id,
    commitmentId: commitmentB.id,
    practiceId: practiceB.id,
    reflectionId: reflectionB.id,
    id: practiceB.id,
    value: value.slug,
    // the framework's admin pages (/movement/admin/framework/:kind/:id) are the coalition's, never a member's
    kind: "values",
    // the region admin pages (/movement/admin/regions/:code) likewise: a real region's code
    code: "CA",
    year: "2026",
    token: "A".repeat(43),
    lng: "es",
  };
  memberCookie = (await sessionCookie(member.id)).cookie;
  staffCookie = (await sessionCookie(staff.id)).cookie;
});

describe("tenancy: every route, every method, as a member of A with B's ids", () => {
  test("the walk covers the app's routes", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        "/",
        "/login",
        "/o/:org",
        "/movement",
        "/movement/organizations",
        "/movement/organizations.csv",
        "/movement/shared",
      ]),
    );
  });

  test("the walk tries every form intent the app names, those in models and components included", async () => {
    const tried = new Set(routes.flatMap((r) => r.intents));
    expect((await allIntents()).filter((intent) => !tried.has(intent))).toEqual([]);
    // intents whose schemas live in models/ reach the routes that parse them
    const intentsOf = (file: string) => routes.find((r) => r.file === file)?.intents ?? [];
    expect(intentsOf("routes/o.$org.reflections.$year/route.tsx")).toEqual(
      expect.arrayContaining(["save", "submit", "reopen"]),
    );
    expect(intentsOf("routes/movement.cycles.$year.tsx")).toEqual(
      expect.arrayContaining(["open", "close", "remind", "pause", "resume"]),
    );
    expect(intentsOf("routes/o.$org.commitments_.$commitmentId.tsx")).toEqual(
      expect.arrayContaining(["update", "edit"]),
    );
    expect(intentsOf("routes/account.tsx")).toEqual(
      expect.arrayContaining(["name", "locale", "password", "reminders"]),
    );
  });

  test("the snapshot holds every kind of B's records, so a change to any of them would show", async () => {
    const snapshot = await snapshotB();
    for (const table of [
      "Practice",
      "PracticeFreedom",
      "Commitment",
      "CommitmentUpdate",
      "Reflection",
      "Membership",
      "Invitation",
      "AuditEvent",
      "PracticeMonthlySummary",
      "OrganizationFreedomYearSummary",
      "OrganizationFreedom",
      "ReminderPause",
      "User",
    ]) {
      expect(snapshot[table]?.length ?? 0, table).toBeGreaterThan(0);
    }
    expect(snapshot.Practice.join()).toContain(MARKER);
    // a change to one row of a child table shows, and undoing it restores the snapshot
    const prisma = await getPrisma();
    const update = await prisma.commitmentUpdate.findFirstOrThrow({ where: { organizationId: b.orgId } });
    await prisma.commitmentUpdate.update({ where: { id: update.id }, data: { progress: 41 } });
    expect(await snapshotB()).not.toEqual(snapshot);
    await prisma.commitmentUpdate.update({ where: { id: update.id }, data: { progress: update.progress } });
    expect(await snapshotB()).toEqual(snapshot);
  });

  test("routes naming B in the URL answer 404 for every method (an unknown token: 404 or 410)", async () => {
    const before = await snapshotB();
    const checked: string[] = [];
    for (const route of routes.filter((r) => r.params.length && !PUBLIC.has(r.url))) {
      const unknownParam = route.params.find((p) => !(p in b));
      expect(
        unknownParam,
        `${route.file}: add a value of organization B for :${unknownParam} to this test`,
      ).toBeUndefined();
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const { url, params } = fill(route, b);
      const calls: [string, (() => Promise<unknown>) | undefined][] = [
        ["GET", mod.loader && (() => mod.loader!(requestArgs(url, { cookie: memberCookie, params })))],
        ...METHODS.flatMap((method) =>
          [undefined, ...route.intents].map(
            (intent) =>
              [
                `${method} ${intent ?? ""}`,
                mod.action &&
                  (() =>
                    mod.action!(
                      requestArgs(url, {
                        method,
                        cookie: memberCookie,
                        params,
                        form: { ...b, ...(intent ? { intent } : {}) },
                      }),
                    )),
              ] as [string, (() => Promise<unknown>) | undefined],
          ),
        ),
      ];
      for (const [label, call] of calls) {
        if (!call) continue;
        const res = await answer(call);
        const where = `${label} ${url} (${route.file})`;
        const tokenRoute = route.params.some((p) => TOKEN_PARAMS.has(p));
        // signed in, so never a redirect to sign in: only the same 404 an unknown id gets
        if (tokenRoute) expect([400, 404, 410], where).toContain(res.status);
        else expect(res.status, where).toBe(404);
        expect(await bodyText(res), where).not.toContain(MARKER);
        checked.push(where);
      }
    }
    expect(checked.length).toBeGreaterThan(0);
    expect(await snapshotB()).toEqual(before);
  });

  test("A's own routes with B's ids in the URL or the form change nothing of B's and never show it", async () => {
    const before = await snapshotB();
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const { url, params } = fill(route, { ...b, org: aSlug });
      const calls: [string, (() => Promise<unknown>) | undefined][] = [
        [
          "GET",
          mod.loader &&
            (() =>
              mod.loader!(
                requestArgs(`${url}?${new URLSearchParams(b)}`, { cookie: memberCookie, params: { ...params } }),
              )),
        ],
        ...[undefined, ...route.intents].map(
          (intent) =>
            [
              `POST ${intent ?? ""}`,
              mod.action &&
                (() =>
                  mod.action!(
                    requestArgs(url, {
                      method: "POST",
                      cookie: memberCookie,
                      params,
                      form: { ...b, ...(intent ? { intent } : {}) },
                    }),
                  )),
            ] as [string, (() => Promise<unknown>) | undefined],
        ),
      ];
      for (const [label, call] of calls) {
        if (!call) continue;
        const res = await answer(call);
        const where = `${label} ${url} (${route.file})`;
        expect(res.status, where).toBeLessThan(500);
        expect(await bodyText(res), where).not.toContain(MARKER);
      }
    }
    expect(await snapshotB()).toEqual(before);
  });

  test("coalition pages are a 404 for an organization member, for every method", async () => {
    for (const route of routes.filter((r) => r.url.startsWith("/movement"))) {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const { url, params } = fill(route, b);
      if (mod.loader)
        expect(
          (await answer(() => mod.loader!(requestArgs(url, { cookie: memberCookie, params })))).status,
          `GET ${url}`,
        ).toBe(404);
      // every coalition page answers posts itself: the framework's 405 would tell a member the page exists
      expect(mod.action, `${route.file} has no action`).toBeTypeOf("function");
      expect(
        (await answer(() => mod.action!(requestArgs(url, { method: "POST", cookie: memberCookie, params, form: b }))))
          .status,
        `POST ${url}`,
      ).toBe(404);
    }
  });

  test("coalition staff are not members: every organization page of B is a 404 for them too", async () => {
    for (const route of routes.filter((r) => r.url.startsWith("/o/"))) {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const { url, params } = fill(route, b);
      if (mod.loader) {
        const res = await answer(() => mod.loader!(requestArgs(url, { cookie: staffCookie, params })));
        expect(res.status, `GET ${url}`).toBe(404);
        expect(await bodyText(res)).not.toContain(MARKER);
      }
      if (mod.action)
        expect(
          (await answer(() => mod.action!(requestArgs(url, { method: "POST", cookie: staffCookie, params, form: b }))))
            .status,
          `POST ${url}`,
        ).toBe(404);
    }
  });

  test("the walking member's session is still alive, so no answer above was a sign-in redirect in disguise", async () => {
    const mod = (await import(/* @vite-ignore */ path.resolve("app", "routes/account.tsx"))) as RouteModule;
    expect((await answer(() => mod.loader!(requestArgs("/account", { cookie: memberCookie })))).status).toBe(200);
  });

  test("without a session, every non-public route asks to sign in (or is a 404 for a token it does not know)", async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(r.url))) {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const { url, params } = fill(route, b);
      const tokenRoute = route.params.some((p) => TOKEN_PARAMS.has(p));
      if (mod.loader) {
        const res = await answer(() => mod.loader!(requestArgs(url, { params })));
        if (tokenRoute) expect([404, 410], `GET ${url}`).toContain(res.status);
        else {
          expect(res.status, `GET ${url}`).toBe(302);
          expect(res.headers.get("Location"), `GET ${url}`).toMatch(/^\/login/);
        }
        expect(await bodyText(res)).not.toContain(MARKER);
      }
    }
  });
});
