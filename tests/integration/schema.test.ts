import { beforeAll, describe, expect, test } from "vitest";
import { seedFramework } from "~/models/framework.server";
import { getDb, getPrisma } from "~/utils/db.server";

let orgId: string;
let valueId: string;
let cycleId: string;

beforeAll(async () => {
  const prisma = await getPrisma();
  await seedFramework({ prisma });
  const org = await prisma.organization.create({
    data: { slug: "schema-test", name: "Schema Test", region: "CA", sizeBand: "SMALL" },
  });
  orgId = org.id;
  valueId = (await prisma.value.findFirstOrThrow({ where: { slug: "trust-respect" } })).id;
  cycleId = (
    await prisma.cycle.create({
      data: { year: 2026, opensOn: new Date("2026-01-01"), closesOn: new Date("2026-12-31") },
    })
  ).id;
});

describe("the database protects the data", () => {
  test("the test runs on its own database in the expected mode", async () => {
    const db = await getDb();
    const [{ version }] = await db.prisma.$queryRaw<{ version: string }[]>`SELECT version()`;
    expect(version).toMatch(
      process.env.TEST_DB_MODE === "embedded" ? /PostgreSQL 1\d\.\d+ \(PGlite/ : /PostgreSQL 1\d/,
    );
    expect(
      db.applied.length +
        (
          await db.prisma.$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`
        )[0].n,
    ).toBeGreaterThan(0);
  });

  test("impacted participants can never exceed participants", async () => {
    const prisma = await getPrisma();
    await expect(
      prisma.practice.create({
        data: {
          organizationId: orgId,
          valueId,
          occurredOn: new Date("2026-03-01"),
          title: "x",
          participants: 5,
          impactedParticipants: 6,
        },
      }),
    ).rejects.toThrow(/Practice_impacted_participants/);
    const ok = await prisma.practice.create({
      data: {
        organizationId: orgId,
        valueId,
        occurredOn: new Date("2026-03-01"),
        title: "ok",
        participants: 5,
        impactedParticipants: 5,
      },
    });
    expect(ok.impactedParticipants).toBe(5);
  });

  test("commitment progress stays within 0-100", async () => {
    const prisma = await getPrisma();
    const base = { organizationId: orgId, valueId, cycleId, title: "c" };
    await expect(prisma.commitment.create({ data: { ...base, progress: 101 } })).rejects.toThrow(
      /Commitment_progress_range/,
    );
    await expect(prisma.commitment.create({ data: { ...base, progress: -1 } })).rejects.toThrow(
      /Commitment_progress_range/,
    );
    expect((await prisma.commitment.create({ data: { ...base, progress: 100 } })).progress).toBe(100);
  });

  test("one reflection per organization, value and cycle", async () => {
    const prisma = await getPrisma();
    await prisma.reflection.create({ data: { organizationId: orgId, valueId, cycleId } });
    await expect(prisma.reflection.create({ data: { organizationId: orgId, valueId, cycleId } })).rejects.toMatchObject(
      { code: "P2002" },
    );
    expect(await prisma.reflection.count({ where: { organizationId: orgId } })).toBe(1);
  });

  test("rubric levels outside 1-4 are refused", async () => {
    const prisma = await getPrisma();
    const other = (await prisma.value.findFirstOrThrow({ where: { slug: "global-awareness" } })).id;
    await expect(
      prisma.reflection.create({ data: { organizationId: orgId, valueId: other, cycleId, rubricLevel: 5 } }),
    ).rejects.toThrow(/Reflection_rubric_level_range/);
  });

  test("emails are stored in lower case only", async () => {
    const prisma = await getPrisma();
    await expect(prisma.user.create({ data: { email: "Ana@Example.org", name: "Ana" } })).rejects.toThrow(
      /User_email_lower/,
    );
  });

  test("the audit log is append-only", async () => {
    const prisma = await getPrisma();
    const event = await prisma.auditEvent.create({ data: { action: "test.event", organizationId: orgId } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "changed" } })).rejects.toThrow(
      /append-only/,
    );
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.event");
  });

  test("the framework seed is idempotent and keeps admin edits", async () => {
    const prisma = await getPrisma();
    await prisma.value.update({
      where: { slug: "trust-respect" },
      data: { name: { en: "Trust and Respect", es: "Confianza y Respeto" } },
    });
    await seedFramework({ prisma });
    expect(await prisma.value.count()).toBe(4);
    expect(await prisma.freedom.count()).toBe(5);
    expect(await prisma.rubricLevel.count()).toBe(4);
    expect((await prisma.value.findUniqueOrThrow({ where: { slug: "trust-respect" } })).name).toEqual({
      en: "Trust and Respect",
      es: "Confianza y Respeto",
    });
  });
});
