// runPrepared (app/utils/db.server.ts, decision 025): the hot statements go to the pool under Prisma's adapter,
// and must give exactly the rows $queryRaw gives, in any time zone the process runs in; a write empties the
// movement's kept figures; in a transaction the statement runs on the transaction's connection.
import { afterEach, describe, expect, test } from "vitest";
import { Prisma as Sql } from "~/generated/prisma/client";
import { getPrisma, onStatement, runPrepared } from "~/utils/db.server";
import { writesSeen } from "~/utils/write-count.server";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const typed = (day: Date, stamp: Date) => Sql.sql`
  SELECT ${day}::date AS "day", ${stamp}::timestamp(3) AS "stamp", ${stamp}::timestamptz AS "zoned",
    '2026-03-08'::date AS "literalDay", '2026-03-08 01:30:00.25'::timestamp(3) AS "literalStamp",
    9007199254740993::bigint AS "big", count(*) AS "counted", 12.50::numeric(6, 2) AS "decimal", 1.5::float8 AS "float",
    7::int AS "int", true AS "flag", NULL::text AS "nothing", ${["a", "b"]}::text[] AS "texts",
    json_build_object('n', 1, 'list', json_build_array('x')) AS "json", 'ünïcødé'::text AS "text"`;

describe("runPrepared", () => {
  for (const tz of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
    test(`gives the rows $queryRaw gives (process in ${tz})`, async () => {
      process.env.TZ = tz;
      const prisma = await getPrisma();
      const day = new Date(Date.UTC(2026, 10, 30));
      const stamp = new Date(Date.UTC(2026, 10, 30, 23, 59, 58, 123));
      const direct = await runPrepared(prisma, typed(day, stamp));
      const viaPrisma = await prisma.$queryRaw(typed(day, stamp));
      expect(direct).toEqual(viaPrisma);
      const [row] = direct as Record<string, unknown>[];
      expect(row.day).toEqual(day);
      expect(row.stamp).toEqual(stamp);
      expect(row.literalStamp).toEqual(new Date("2026-03-08T01:30:00.250Z"));
      expect(row.big).toBe(9007199254740993n);
      expect(String(row.decimal)).toBe("12.5");
    });

  test("goes to the pool, not through Prisma, and is heard by the statement listeners", async () => {
    const prisma = await getPrisma();
    const heard: string[] = [];
    const stop = onStatement((e) => heard.push(e.query));
    const prismaEvents: string[] = [];
    (prisma as unknown as { $on(e: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) =>
      prismaEvents.push(e.query),
    );
    try {
      await runPrepared(prisma, Sql.sql`SELECT ${"marker-pool"}::text AS "m"`);
    } finally {
      stop();
    }
    expect(heard.some((q) => q.includes("SELECT $1::text"))).toBe(true);
    expect(prismaEvents.some((q) => q.includes("SELECT $1::text"))).toBe(false);
  });

  test("a write to what the movement's figures read is counted; a read is not", async () => {
    const prisma = await getPrisma();
    const before = writesSeen();
    await runPrepared(prisma, Sql.sql`SELECT count(*) FROM "Practice"`);
    expect(writesSeen()).toBe(before);
    await runPrepared(
      prisma,
      Sql.sql`UPDATE "Organization" SET "name" = "name" WHERE "id" = ${"no-such-organization"} RETURNING 1`,
    );
    expect(writesSeen()).toBe(before + 1);
  });

  test("in a transaction it runs on the transaction's connection", async () => {
    const prisma = await getPrisma();
    const seen = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE "runPreparedProbe" ("n" int) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO "runPreparedProbe" VALUES (41)`;
      return runPrepared<{ n: number }>(tx, Sql.sql`SELECT "n" + ${1}::int AS "n" FROM "runPreparedProbe"`);
    });
    expect(seen).toEqual([{ n: 42 }]);
  });

  test("a failing statement throws and leaves the pool usable", async () => {
    const prisma = await getPrisma();
    await expect(runPrepared(prisma, Sql.sql`SELECT 1 / ${0}::int AS "x"`)).rejects.toThrow(/division by zero/);
    expect(await runPrepared(prisma, Sql.sql`SELECT ${2}::int AS "x"`)).toEqual([{ x: 2 }]);
  });
});
