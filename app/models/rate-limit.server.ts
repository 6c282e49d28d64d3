// Fixed one-minute windows counted in PostgreSQL, so a limit holds across several app instances.
// An attempt takes its place in a window before the work it limits is done: one upsert that returns the new
// count, so of any number of simultaneous attempts exactly `limit` see a count within the limit.
import { isIPv6 } from "node:net";
import type { Prisma } from "~/utils/db.server";

export const WINDOW_MS = 60_000;

export function windowStart(now: Date) {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** Whole seconds until the window that holds `now` ends, for a Retry-After header. */
export function secondsLeft(now: Date) {
  return Math.max(1, Math.ceil((windowStart(now).getTime() + WINDOW_MS - now.getTime()) / 1000));
}

/**
 * The part of a client address a limit counts against. One IPv6 subscriber holds a whole /64, so IPv6
 * addresses count by that prefix; IPv4 written as IPv6 (`::ffff:203.0.113.9`) counts as the IPv4 address.
 */
export function addressKey(address: string) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ""] = address.toLowerCase().split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

let cleanedWindow = 0;

/**
 * Counts one attempt against `key` in the current window and returns the count including it. Windows
 * older than an hour are dropped once per window per process.
 */
export async function take({ prisma, key, now = new Date() }: { prisma: Prisma; key: string; now?: Date }) {
  const start = windowStart(now);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  if (cleanedWindow !== start.getTime()) {
    cleanedWindow = start.getTime();
    await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(start.getTime() - 60 * WINDOW_MS) } } });
  }
  return Number(rows[0].count);
}

/** Gives back attempts taken at `now` (same window), e.g. when the attempt turned out to be a success. */
export async function giveBack({ prisma, keys, now }: { prisma: Prisma; keys: string[]; now: Date }) {
  await prisma.rateLimit.updateMany({
    where: { key: { in: keys }, windowStart: windowStart(now), count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}
