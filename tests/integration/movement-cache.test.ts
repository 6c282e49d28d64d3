// The movement's figures kept in memory (app/models/movement-cache.server.ts): a reader gets what was read
// until this process commits a write to a table they come from (app/utils/write-count.server.ts), or until
// MOVEMENT_CACHE_SECONDS pass; each set of filters and each year is its own entry; an organization's own
// numbers are never kept. A change made over a connection of its own stands for another process's. The other
// integration tests run with the cache off (vitest.config.ts); these turn it on.
import pg from "pg";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { getOrganizationBeside } from "~/models/movement-beside.server";
import { movementCached } from "~/models/movement-cache.server";
import { readSnapshot } from "~/models/movement-snapshot.server";
import { createPractice } from "~/models/practice.server";
import { take } from "~/models/rate-limit.server";
import { createSession } from "~/utils/session-store.server";
import { getPrisma } from "~/utils/db.server";
import { changesFigures, noteWrite, writesSeen } from "~/utils/write-count.server";
import { loader as dashboardLoader } from "~/routes/movement._index";
import { answer, createUser, requestArgs, sessionCookie } from "../factories";

const YEAR = new Date().getUTCFullYear();
const BOUNDS = { from: new Date(Date.UTC(YEAR, 0, 1)), to: new Date(Date.UTC(YEAR + 1, 0, 1)) };
let valueId = "";
let actorId = "";
const orgs: Record<string, string> = {};
let saved = 0;

async function logPractice(org: string) {
  const prisma = await getPrisma();
  const result = await createPractice({
    prisma,
    organizationId: orgs[org],
    actorId,
    submissionKey: `cache-${org}-${saved++}`,
    input: {
      title: "Kept private",
      notes: "",
      occurredOn: `${YEAR}-01-10`,
      valueId,
      participants: 4,
      impactedParticipants: 1,
      visibility: "PRIVATE",
      freedomIds: [],
    },
  });
  expect(result.ok).toBe(true);
}

/** A change over a connection of its own, which this process's client does not see: as another process's. */
async function elsewhere(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
/** Adds `n` practices to the movement's yearly sums under the value, as a write elsewhere would. */
const addElsewhere = (n: number) =>
  elsewhere(
    `UPDATE "MovementValueYearSummary" SET "practiceCount" = "practiceCount" + ${n} WHERE "year" = ${YEAR} AND "valueId" = '${valueId}' AND "macroRegion" = 'WEST'`,
  );

/** The movement's practices under the value this year, as the dashboard's statement read them. */
async function practices(filters: { region?: "WEST" | "NORTHEAST" } = {}) {
  const { lookup } = await readSnapshot(await getPrisma(), { year: YEAR, ...filters }, BOUNDS);
  return lookup("valueYear")(valueId, "practiceCount").value;
}

async function beside(org: string) {
  const [item] = await getOrganizationBeside({
    prisma: await getPrisma(),
    organizationId: orgs[org],
    year: YEAR,
    minGroupSize: 1,
    valueIds: [valueId],
  });
  return item;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  valueId = (await prisma.value.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { position: "asc" } })).id;
  actorId = (await createUser()).id;
  for (const [key, region] of [
    ["west", "CA"],
    ["east", "NY"],
  ] as const) {
    orgs[key] = (
      await prisma.organization.create({
        data: { name: `Cache ${key}`, slug: `cache-${key}`, region, sizeBand: "SMALL" },
      })
    ).id;
    await logPractice(key);
  }
});

beforeEach(() => {
  vi.stubEnv("MOVEMENT_CACHE_SECONDS", "30");
  noteWrite(); // nothing read by an earlier test is kept
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("what counts as a write", () => {
  test("a committed write to what the figures read counts; a read, a rolled-back write, a session and a sign-in attempt do not", async () => {
    const prisma = await getPrisma();
    let seen = writesSeen();
    await prisma.value.findMany();
    await practices({ region: "NORTHEAST" });
    expect(writesSeen()).toBe(seen);

    await logPractice("west"); // a transaction: counted when it commits
    expect(writesSeen()).toBeGreaterThan(seen);
    seen = writesSeen();
    await prisma.organization.update({ where: { id: orgs.west }, data: { name: "Cache west" } }); // on its own
    expect(writesSeen()).toBeGreaterThan(seen);

    seen = writesSeen();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: orgs.west }, data: { sizeBand: "LARGE" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await createSession({ prisma, userId: actorId, maxDays: 1 });
    await take({ prisma, key: "sign-in:someone@example.org" }); // a sign-in attempt is counted against its limit
    await prisma.$executeRaw`UPDATE "Session" SET "lastSeenAt" = now() WHERE "userId" = ${actorId}`;
    expect(writesSeen()).toBe(seen);
  });

  test("the statements are told apart by the tables they write; an unfamiliar one counts", () => {
    expect(changesFigures(`SELECT 1 FROM "Practice" FOR UPDATE`)).toBe(false);
    expect(changesFigures(`/* prepared */ WITH grid AS (SELECT 1) SELECT * FROM grid`)).toBe(false);
    expect(changesFigures(`INSERT INTO "public"."Session" ("id") VALUES ($1)`)).toBe(false);
    expect(changesFigures(`WITH a AS (INSERT INTO "RateLimit" VALUES (1) RETURNING 1) SELECT 1`)).toBe(false);
    expect(
      changesFigures(
        `INSERT INTO "RateLimit" ("key", "count") VALUES ($1, 1) ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1`,
      ),
    ).toBe(false);
    expect(changesFigures(`SELECT 1 FROM "OrganizationYear" y WHERE true FOR NO KEY UPDATE OF y`)).toBe(false);
    expect(changesFigures(`UPDATE "public"."Practice" SET "title" = $1`)).toBe(true);
    expect(
      changesFigures(
        `INSERT INTO "PracticeMonthlySummary" AS t VALUES (1) ON CONFLICT ("k") DO UPDATE SET "n" = t."n" + 1`,
      ),
    ).toBe(true);
    expect(
      changesFigures(
        `WITH claim AS (INSERT INTO "SubmissionKey" VALUES (1)), e AS (INSERT INTO "AuditEvent" VALUES (1)) SELECT 1`,
      ),
    ).toBe(true);
    expect(changesFigures(`DELETE FROM "OrganizationYear"`)).toBe(true);
    expect(changesFigures(`ALTER TABLE "Practice" ADD COLUMN "x" int`)).toBe(true);
  });
});

describe("the dashboard's sums", () => {
  test("are kept while this process commits nothing, and read afresh after it commits a write", async () => {
    const before = await practices();
    await addElsewhere(1000);
    expect(await practices()).toBe(before);
    await logPractice("west");
    expect(await practices()).toBe(before + 1001);
    await addElsewhere(-1000);
    noteWrite();
  });

  test("are kept per filters: a region's entry never answers for another region or for none", async () => {
    const west = await practices({ region: "WEST" });
    const east = await practices({ region: "NORTHEAST" });
    const all = await practices();
    expect(west).toBeGreaterThan(0);
    expect(east).toBeGreaterThan(0);
    expect(all).toBe(west + east);
  });

  test("are kept for MOVEMENT_CACHE_SECONDS at most", async () => {
    vi.stubEnv("MOVEMENT_CACHE_SECONDS", "1");
    const before = await practices();
    await addElsewhere(7);
    expect(await practices()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await practices()).toBe(before + 7);
    await addElsewhere(-7);
  });

  test("with MOVEMENT_CACHE_SECONDS=0 are read afresh every time", async () => {
    vi.stubEnv("MOVEMENT_CACHE_SECONDS", "0");
    const before = await practices();
    await addElsewhere(5);
    expect(await practices()).toBe(before + 5);
    await addElsewhere(-5);
  });

  test("cannot be changed by a reader: what is kept is frozen", async () => {
    const { data } = await readSnapshot(await getPrisma(), { year: YEAR }, BOUNDS);
    expect(() => data.values.push(data.values[0])).toThrow(TypeError);
  });

  test("a statement under way while a write commits is not what the readers after that write get", async () => {
    const prisma = await getPrisma();
    const before = await practices({ region: "WEST" });
    noteWrite();
    const reading = readSnapshot(prisma, { year: YEAR, region: "WEST" }, BOUNDS);
    await logPractice("west");
    await reading;
    expect(await practices({ region: "WEST" })).toBe(before + 1);
  });

  test("more readers of new entries at once than it keeps are all answered", async () => {
    const keys = Array.from({ length: 700 }, (_, i) => i);
    const answers = await Promise.all(
      keys.map((i) =>
        movementCached(`test many ${i}`, async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { i };
        }),
      ),
    );
    expect(answers.map((a) => a.i)).toEqual(keys);
  });
});

describe("the dashboard page", () => {
  test("is drawn from the kept figures, the same until a write, then with the write in it", async () => {
    vi.stubEnv("MIN_GROUP_SIZE", "1"); // two organizations here: every number shown
    const cookie = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
    const participants = async () => {
      const res = await answer(() => dashboardLoader(requestArgs(`/movement?year=${YEAR}`, { cookie })));
      const data = (await res.json()) as { charts: { id: string; table: { rows: { cells: (number | null)[] }[] } }[] };
      return data.charts.find((c) => c.id === "participants")!.table.rows[0].cells[0];
    };
    const participantsElsewhere = (n: number) =>
      elsewhere(
        `UPDATE "MovementValueYearSummary" SET "participants" = "participants" + ${n} WHERE "year" = ${YEAR} AND "valueId" = '${valueId}' AND "macroRegion" = 'WEST'`,
      );
    const first = await participants();
    expect(first).toBeGreaterThan(0);
    await participantsElsewhere(1000);
    expect(await participants()).toBe(first);
    await logPractice("east"); // 4 participants
    expect(await participants()).toBe(first! + 1004);
    await participantsElsewhere(-1000);
    noteWrite();
  });
});

describe("the group figures beside an organization", () => {
  test("are kept for every organization alike, while each organization's own numbers are read afresh", async () => {
    const west = await beside("west");
    const east = await beside("east");
    // the organization's own row and the distribution the group statistics come from: it moves 40 buckets up
    const slot = `ascii(right('${orgs.east}', 1)) % 8`;
    const band = `(SELECT "sizeBand" FROM "OrganizationYear" WHERE "organizationId" = '${orgs.east}' AND "year" = ${YEAR})`;
    await elsewhere(
      `UPDATE "OrganizationValueYearSummary" SET "practiceCount" = "practiceCount" + 40 WHERE "organizationId" = '${orgs.east}' AND "valueId" = '${valueId}' AND "year" = ${YEAR};
      UPDATE "MovementValueYearDistribution" SET "organizations" = "organizations" - 1 WHERE "year" = ${YEAR} AND "valueId" = '${valueId}'
        AND "sizeBand" = ${band} AND "measure" = 'practices' AND "bucket" = ${east.own.practices} AND "slot" = ${slot};
      INSERT INTO "MovementValueYearDistribution" ("year", "valueId", "sizeBand", "measure", "bucket", "slot", "organizations")
      VALUES (${YEAR}, '${valueId}', ${band}, 'practices', ${east.own.practices + 40}, ${slot}, 1)
      ON CONFLICT ("year", "valueId", "sizeBand", "measure", "bucket", "slot") DO UPDATE SET "organizations" = "MovementValueYearDistribution"."organizations" + 1`,
    );
    const eastAfter = await beside("east");
    expect(eastAfter.own.practices).toBe(east.own.practices + 40);
    expect(eastAfter.practices).toEqual(east.practices);
    expect((await beside("west")).practices).toEqual(west.practices);
    noteWrite();
    // two organizations: the median is halfway between them, shown to the whole practice
    const median = (await beside("west")).practices?.median;
    expect(median).not.toBe(west.practices?.median);
    expect(median).toBe(Math.round((west.own.practices + eastAfter.own.practices) / 2));
  });
});
