// Fixed one-minute windows counted in PostgreSQL, so a limit holds across several app instances.
import type { Prisma } from "~/utils/db.server";

export const WINDOW_MS = 60_000;

function windowStart(now: Date) {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** True when any of the keys has already reached `limit` hits in the current window. */
export async function isLimited({ prisma, keys, limit, now = new Date() }: { prisma: Prisma; keys: string[]; limit: number; now?: Date }) {
  const found = await prisma.rateLimit.findFirst({
    where: { key: { in: keys }, windowStart: windowStart(now), count: { gte: limit } },
    select: { key: true },
  });
  return found !== null;
}

/** Counts one hit against each key (an atomic upsert per key) and drops windows older than an hour. */
export async function hit({ prisma, keys, now = new Date() }: { prisma: Prisma; keys: string[]; now?: Date }) {
  const start = windowStart(now);
  await prisma.$transaction([
    ...keys.map(
      (key) => prisma.$executeRaw`
        INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
        ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1`,
    ),
    prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(start.getTime() - 60 * WINDOW_MS) } } }),
  ]);
}
