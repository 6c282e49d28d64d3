// The demo accounts that can still be signed into with the published demo password. The server refuses to
// listen beyond loopback while any exist (app/boot/boot.server.ts), so it recognises them without carrying the
// password itself: the demo generator and its password live in demo/, outside the server build.
import { verify } from "@node-rs/argon2";
import type { Prisma } from "~/utils/db.server";

/** Every demo address ends with this (addresses under .example never receive mail). */
export const DEMO_EMAIL_SUFFIX = ".example";

/**
 * The one hash the demo seed gives every demo account: the demo password hashed with a fixed salt
 * (demo/seed.ts; tests/integration/demo-guard.test.ts checks the two agree). The password is published, so a
 * fixed salt gives nothing away, and the hash is not the password.
 */
export const DEMO_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$cHVibGlzaGVkLWRlbW8tMQ$9k05rpiJUmFYp8xqV+k1lNgDciBCRBUZkQ0tylABowQ";

/**
 * How many active demo accounts still have the seed's password: the hash above, or, for a database seeded
 * before the salt was fixed, a hash that several demo accounts share. argon2 salts each hash at random, so two
 * people who choose the same password still get different hashes; a shared one was written by a seed. A person
 * who changes their own password drops out, and so does everyone once the demo data is gone.
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

/**
 * True for the demo's published password, recognised by its hash (the server does not carry the password):
 * nobody may choose it for an account of their own, which no seed's hash would then give away.
 */
export function isDemoPassword(password: string) {
  return verify(DEMO_PASSWORD_HASH, password);
}
