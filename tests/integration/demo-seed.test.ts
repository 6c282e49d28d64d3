import { beforeAll, describe, expect, test } from "vitest";
import { generateDemo, type DemoOptions } from "../../demo/data";
import { DEMO_PASSWORD, DemoSeedRefusedError, demoSignIns, seedDemo, type DemoCounts } from "../../demo/seed";
import { DEFAULT_TIME_ZONE } from "~/models/organization-options";
import { compareSummaries } from "~/models/summary.server";
import { regionTimeZone } from "~/models/time-zone-options";
import { getPrisma, type Prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

const now = new Date("2026-06-15T12:00:00Z");
const small = { orgs: 8, years: 2, seed: 1, now };
let prisma: Prisma;
let first: DemoCounts;

async function tableCounts() {
  const [
    organizations,
    users,
    passwords,
    memberships,
    cycles,
    prompts,
    commitments,
    updates,
    practices,
    practiceFreedoms,
    reflections,
  ] = await Promise.all([
    prisma.organization.count(),
    prisma.user.count(),
    prisma.password.count(),
    prisma.membership.count(),
    prisma.cycle.count(),
    prisma.cyclePrompt.count(),
    prisma.commitment.count(),
    prisma.commitmentUpdate.count(),
    prisma.practice.count(),
    prisma.practiceFreedom.count(),
    prisma.reflection.count(),
  ]);
  return {
    organizations,
    users,
    passwords,
    memberships,
    cycles,
    prompts,
    commitments,
    updates,
    practices,
    practiceFreedoms,
    reflections,
  };
}

beforeAll(async () => {
  prisma = await getPrisma();
  first = await seedDemo({ prisma, ...small });
});

describe("the demo generator", () => {
  const framework: DemoOptions["framework"] = {
    values: ["trust-respect", "leaderful-movement", "courage-creativity-discipline", "global-awareness"].map(
      (slug, i) => ({ id: `v${i}`, slug }),
    ),
    freedoms: ["thrive", "stay", "move", "work", "transform"].map((slug, i) => ({ id: `f${i}`, slug })),
    rubricLevels: [1, 2, 3, 4],
  };
  const options = { ...small, framework, passwordHash: "hash" };

  test("the same arguments give the same rows; another seed gives others", () => {
    const a = generateDemo(options);
    const b = generateDemo(options);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = generateDemo({ ...options, seed: 2 });
    expect(other.practices).not.toEqual(a.practices);
    expect(other.organizations.map((o) => o.id)).not.toEqual(a.organizations.map((o) => o.id));
  });

  test("ids are unique and shaped like the app's ids", () => {
    const rows = generateDemo({ ...options, orgs: 60, years: 4 });
    const ids = [
      rows.organizations,
      rows.users,
      rows.commitments,
      rows.commitmentUpdates,
      rows.practices,
      rows.reflections,
    ].flatMap((t) => t.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    const slugs = rows.organizations.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(rows.organizations.map((o) => o.name)).size).toBe(60);
  });
});

describe("seedDemo", () => {
  test("writes what it counts", async () => {
    const counts = await tableCounts();
    expect(counts).toMatchObject({
      organizations: 8,
      cycles: 2,
      prompts: 8,
      users: first.users,
      passwords: first.users,
      commitments: first.commitments,
      updates: first.commitmentUpdates,
      practices: first.practices,
      practiceFreedoms: first.practiceFreedoms,
      reflections: first.reflections,
    });
    expect(first.practices).toBeGreaterThan(50);
  });

  test("every role has an account, and the printed sign-ins work", async () => {
    const roles = await prisma.user.groupBy({ by: ["coalitionRole"], _count: true, orderBy: { coalitionRole: "asc" } });
    expect(roles.map((r) => [r.coalitionRole, r._count])).toEqual([
      ["NONE", first.users - 3],
      ["STAFF", 2],
      ["ADMIN", 1],
    ]);
    const orgs = await prisma.organization.findMany({
      select: { slug: true, memberships: { select: { role: true } } },
    });
    for (const org of orgs) {
      expect(org.memberships.filter((m) => m.role === "LEAD")).toHaveLength(1);
      expect(org.memberships.filter((m) => m.role === "MEMBER").length).toBeGreaterThanOrEqual(1);
    }
    const signIns = demoSignIns({ orgs: small.orgs });
    expect(signIns.map((s) => s.role)).toEqual([
      "coalition admin",
      "coalition staff",
      "org lead",
      "org member",
      "member of two orgs",
    ]);
    for (const signIn of signIns) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: signIn.email },
        select: {
          coalitionRole: true,
          memberships: { select: { role: true, organization: { select: { slug: true } } } },
        },
      });
      const memberOf = user.memberships.map((m) => `${m.role} ${m.organization.slug}`).sort();
      if (signIn.role === "coalition admin") expect(user.coalitionRole).toBe("ADMIN");
      if (signIn.role === "coalition staff") expect(user.coalitionRole).toBe("STAFF");
      if (signIn.role === "org lead") expect(memberOf).toEqual([`LEAD ${signIn.org}`]);
      if (signIn.role === "org member") expect(memberOf).toEqual([`MEMBER ${signIn.org}`]);
      if (signIn.role === "member of two orgs")
        expect(memberOf).toEqual(
          signIn
            .org!.split(", ")
            .map((slug) => `MEMBER ${slug}`)
            .sort(),
        );
    }
  });

  test("a demo account's stored hash verifies the demo password", async () => {
    const { org } = demoSignIns()[2];
    const password = await prisma.password.findFirstOrThrow({ where: { user: { email: `lead@${org}.example` } } });
    expect(await verifyPassword(password.hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(password.hash, "not-the-password")).toBe(false);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });

  test("organizations vary by region, size, leadership and language", async () => {
    const orgs = await prisma.organization.findMany({
      select: { region: true, sizeBand: true, impactedLed: true, languages: true, joinedAt: true },
    });
    expect(new Set(orgs.map((o) => o.region)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(orgs.map((o) => o.sizeBand))).toEqual(new Set(["VOLUNTEER", "SMALL", "MEDIUM", "LARGE"]));
    expect(new Set(orgs.map((o) => o.impactedLed))).toEqual(new Set([true, false]));
    for (const org of orgs) {
      expect(org.languages.slice(0, 2)).toEqual(["en", "es"]);
      expect(org.joinedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(org.joinedAt.getUTCFullYear()).toBeGreaterThanOrEqual(2025);
    }
    expect(await prisma.organizationFreedom.count()).toBeGreaterThanOrEqual(8);
  });

  test("each organization keeps its region's time zone, as a new one left to its region gets", async () => {
    const orgs = await prisma.organization.findMany({ select: { slug: true, region: true, timeZone: true } });
    const zones = new Map(orgs.map((o) => [o.slug, o.timeZone]));
    expect(zones.get("fuerza-migrante")).toBe("America/Chicago");
    expect(zones.get("comite-de-trabajadores-del-valle")).toBe("America/Los_Angeles");
    for (const org of orgs) expect(org.timeZone).toBe(regionTimeZone(org.region) ?? DEFAULT_TIME_ZONE);
    expect(new Set(orgs.map((o) => o.timeZone)).size).toBeGreaterThanOrEqual(2);
  });

  test("cycles: past years closed, this year open, a prompt per value", async () => {
    const cycles = await prisma.cycle.findMany({
      orderBy: { year: "asc" },
      select: { year: true, status: true, opensOn: true, closesOn: true, _count: { select: { prompts: true } } },
    });
    expect(cycles.map((c) => [c.year, c.status, c._count.prompts])).toEqual([
      [2025, "CLOSED", 4],
      [2026, "OPEN", 4],
    ]);
    expect(cycles[0].opensOn.toISOString().slice(0, 10)).toBe("2025-01-01");
    expect(cycles[0].closesOn.toISOString().slice(0, 10)).toBe("2025-12-31");
  });

  test("practices: every visibility, impacted participants never above participants, dated within reach", async () => {
    const visibilities = await prisma.practice.groupBy({ by: ["visibility"], _count: true });
    expect(new Set(visibilities.map((v) => v.visibility))).toEqual(new Set(["PRIVATE", "COALITION", "PUBLIC"]));
    const [checks] = await prisma.$queryRaw<
      { over: number; future: number; deleted: number; linked: number; mislinked: number; strayFreedoms: number }[]
    >`
      SELECT
        (SELECT count(*)::int FROM "Practice" WHERE "impactedParticipants" > "participants") AS "over",
        (SELECT count(*)::int FROM "Practice" WHERE "occurredOn" > ${now}::date) AS "future",
        (SELECT count(*)::int FROM "Practice" WHERE "deletedAt" IS NOT NULL) AS "deleted",
        (SELECT count(*)::int FROM "Practice" WHERE "commitmentId" IS NOT NULL) AS "linked",
        (SELECT count(*)::int FROM "Practice" p JOIN "Commitment" c ON c."id" = p."commitmentId" JOIN "Cycle" y ON y."id" = c."cycleId"
          WHERE c."organizationId" <> p."organizationId" OR c."valueId" <> p."valueId" OR y."year" <> extract(year FROM p."occurredOn")) AS "mislinked",
        (SELECT count(*)::int FROM "PracticeFreedom" pf JOIN "Practice" p ON p."id" = pf."practiceId"
          WHERE pf."organizationId" <> p."organizationId") AS "strayFreedoms"`;
    expect(checks).toMatchObject({ over: 0, future: 0, mislinked: 0, strayFreedoms: 0 });
    expect(checks.linked).toBeGreaterThan(0);
    expect(checks.deleted).toBeLessThan(first.practices / 5);
    const creators = await prisma.practice.findMany({
      select: { organizationId: true, createdBy: { select: { memberships: { select: { organizationId: true } } } } },
    });
    for (const p of creators) expect(p.createdBy!.memberships.map((m) => m.organizationId)).toContain(p.organizationId);
  });

  test("reflections: one per org, value and cycle; past cycles mostly submitted in November or December", async () => {
    const visibilities = await prisma.reflection.groupBy({ by: ["visibility"], _count: true });
    expect(new Set(visibilities.map((v) => v.visibility))).toEqual(new Set(["PRIVATE", "COALITION", "PUBLIC"]));
    const reflections = await prisma.reflection.findMany({
      select: {
        organizationId: true,
        valueId: true,
        status: true,
        submittedAt: true,
        visibility: true,
        consentToQuote: true,
        rubricLevel: true,
        cycle: { select: { year: true } },
      },
    });
    const keys = reflections.map((r) => `${r.organizationId} ${r.valueId} ${r.cycle.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of reflections) {
      expect(r.status === "SUBMITTED").toBe(r.submittedAt !== null);
      if (r.consentToQuote) expect(r.visibility).toBe("PUBLIC");
      if (r.status === "SUBMITTED") expect(r.rubricLevel).toBeGreaterThanOrEqual(1);
      if (r.submittedAt && r.cycle.year === 2025) expect(r.submittedAt.getUTCMonth()).toBeGreaterThanOrEqual(10);
      if (r.submittedAt) expect(r.submittedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const past = reflections.filter((r) => r.cycle.year === 2025);
    expect(past.filter((r) => r.status === "SUBMITTED").length / past.length).toBeGreaterThan(0.6);
    // every organization that had joined by then reflected on every value
    const joinedBy2025 = await prisma.organization.count({ where: { joinedAt: { lt: new Date("2026-01-01") } } });
    expect(past).toHaveLength(joinedBy2025 * 4);
  });

  test("commitments: progress matches status and timelines only move forward", async () => {
    const commitments = await prisma.commitment.findMany({
      select: {
        status: true,
        progress: true,
        cycle: { select: { year: true, status: true } },
        updates: { orderBy: { createdAt: "asc" }, select: { progress: true, createdAt: true, status: true } },
      },
    });
    for (const c of commitments) {
      if (c.status === "ACHIEVED") expect(c.progress).toBe(100);
      if (c.status === "PLANNED") expect(c.progress).toBe(0);
      if (c.cycle.status === "OPEN") expect(["PLANNED", "IN_PROGRESS"]).toContain(c.status);
      const progress = c.updates.map((u) => u.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      if (c.updates.length) expect(c.updates.at(-1)).toMatchObject({ progress: c.progress, status: c.status });
      for (const u of c.updates) expect(u.createdAt.getUTCFullYear()).toBe(c.cycle.year);
    }
  });

  test("summaries equal a fresh count", async () => {
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);
    expect(stored.values.length).toBeGreaterThan(0);
  });

  test("seeding again without replace is refused and changes nothing", async () => {
    const before = await tableCounts();
    await expect(seedDemo({ prisma, ...small, seed: 2 })).rejects.toThrow(DemoSeedRefusedError);
    expect(await tableCounts()).toEqual(before);
  });

  test("replace deletes the demo and writes it again, keeping other coalition staff", async () => {
    const before = await tableCounts();
    const admin = await prisma.user.create({
      data: { email: "coordinator@coalition.org", name: "Coordinator", coalitionRole: "ADMIN" },
    });
    const lead = await prisma.user.findUniqueOrThrow({ where: { email: demoSignIns()[2].email } });
    await prisma.auditEvent.create({ data: { action: "user.login", actorId: lead.id } });
    await prisma.session.create({
      data: { id: "demo-session", userId: lead.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });

    const again = await seedDemo({ prisma, ...small, replace: true });
    expect(again).toEqual(first);
    expect(await tableCounts()).toEqual({ ...before, users: before.users + 1 });
    expect(await prisma.user.findUnique({ where: { id: admin.id } })).not.toBeNull();
    expect(await prisma.session.count()).toBe(0);
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);
  });

  test("without organizations, existing cycles are reused and leftover demo accounts replaced", async () => {
    const users = await prisma.user.count();
    await prisma.organization.deleteMany({});
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { year: 2026 } });
    const prompt = { en: "Our own question", es: "Nuestra propia pregunta" };
    await prisma.cyclePrompt.updateMany({ where: { cycleId: cycle.id }, data: { prompt } });

    const counts = await seedDemo({ prisma, ...small });
    expect(counts.cycles).toBe(0);
    expect(await prisma.cycle.count()).toBe(2);
    expect((await prisma.cyclePrompt.findMany({ where: { cycleId: cycle.id } })).map((p) => p.prompt)).toEqual([
      prompt,
      prompt,
      prompt,
      prompt,
    ]);
    expect(await prisma.reflection.count({ where: { cycleId: cycle.id } })).toBeGreaterThan(0);
    expect(await prisma.user.count()).toBe(users);
  });
});
