// The demo accounts that can still be signed into with the published demo password. The server refuses to
// listen beyond loopback while any exist (app/boot/boot.server.ts), so it recognises them without carrying the
// password itself: the demo generator and its password live in demo/, outside the server build.
import { DEMO_PASSWORD_HASH } from "~/utils/demo-password.server";
import type { Prisma } from "~/utils/db.server";

/** Every demo address ends with this (addresses under .example never receive mail). */
export const DEMO_EMAIL_SUFFIX = ".example";

/**
 * How many active demo accounts still have the seed's password: its hash (DEMO_PASSWORD_HASH), or, for a
 * database seeded before the salt was fixed, a hash that several demo accounts share. argon2 salts each hash
 * at random, so two people who choose the same password still get different hashes; a shared one was written
 * by a seed. A person who changes their own password drops out, and so does everyone once the demo data is gone.
 */
export async function countDemoPasswordAccounts({ prisma }: { prisma: Prisma }) {
  const hashes = await prisma.password.groupBy({
    by: ["hash"],
    where: { user: { email: { endsWith: DEMO_EMAIL_SUFFIX }, disabledAt: null } },
    _count: { _all: true },
  });
  return hashes
    .filter((h) => h.hash === DEMO_PASSWORD_HASH || h._count._all > 1)
    .reduce((sum, h) => sum + h._count._all, 0);
}
