import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum cost (m = 19 MiB, t = 2, p = 1); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// how many passwords this process has checked: what a rate limit has to keep down
let checks = 0;

/** A fixed `salt` only for a password that is public anyway (the demo's, demo/seed.ts); otherwise a random one. */
export function hashPassword(password: string, { salt }: { salt?: Uint8Array } = {}) {
  return hash(password, salt ? { ...OPTIONS, salt } : OPTIONS);
}

export function verifyPassword(hashed: string, password: string) {
  checks += 1;
  return verify(hashed, password);
}

/** Passwords checked by this process so far. */
export function passwordChecks() {
  return checks;
}
