// The demo's published password, known to the server only by its hash (the password itself lives in demo/,
// outside the server build).
import { verify } from "@node-rs/argon2";

/**
 * The one hash the demo seed gives every demo account: the demo password hashed with a fixed salt
 * (demo/seed.ts; tests/integration/demo-guard.test.ts checks the two agree). The password is published, so a
 * fixed salt gives nothing away, and the hash is not the password.
 */
export const DEMO_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$cHVibGlzaGVkLWRlbW8tMQ$9k05rpiJUmFYp8xqV+k1lNgDciBCRBUZkQ0tylABowQ";

/**
 * True for the demo's published password: nobody may choose it for an account of their own, which no seed's
 * hash would then give away to the guard against demo accounts on a network (countDemoPasswordAccounts).
 */
export function isDemoPassword(password: string) {
  return verify(DEMO_PASSWORD_HASH, password);
}
