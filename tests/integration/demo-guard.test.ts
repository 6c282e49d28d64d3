// While accounts with the published demo password exist, the server listens on loopback only
// (app/boot/boot.server.ts listenRefusal); the count comes from the password hashes themselves.
import { noteDemoAccountsAtStart } from "~/utils/mailer.server";
import { describe, expect, test } from "vitest";
import { httpsNote, listenRefusal, mailNote } from "~/boot/boot.server";
import { countDemoPasswordAccounts } from "~/models/demo-accounts.server";
import { DEMO_PASSWORD_HASH } from "~/utils/demo-password.server";
import { setPassword } from "~/models/user.server";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { DEMO_PASSWORD, demoPasswordHash, seedDemo } from "../../demo/seed";
import { createUser } from "../factories";

const env = (vars: Record<string, string>) => readEnv({ NODE_ENV: "test", ...vars });

describe("demo accounts and the network", () => {
  test("counted by the demo password itself: a changed password or removed demo data no longer counts", async () => {
    const prisma = await getPrisma();
    expect(await countDemoPasswordAccounts({ prisma })).toBe(0);
    await seedDemo({ prisma, orgs: 2, years: 1, seed: 7 });
    const demo = await prisma.user.count({ where: { email: { endsWith: ".example" } } });
    expect(demo).toBeGreaterThan(5);
    // a person who happens to use an .example address, with a password of their own
    await createUser({ email: "someone@northstar.example" });
    expect(await countDemoPasswordAccounts({ prisma })).toBe(demo);

    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "admin@northstar.example" },
      select: { id: true },
    });
    await setPassword({ prisma, userId: admin.id, password: "a passphrase nobody published" });
    expect(await countDemoPasswordAccounts({ prisma })).toBe(demo - 1);

    // the demo data replaced by a coalition of its own: nothing signs in with the demo password
    await prisma.password.deleteMany({
      where: { user: { email: { endsWith: ".example" }, NOT: { email: "someone@northstar.example" } } },
    });
    expect(await countDemoPasswordAccounts({ prisma })).toBe(0);
    expect(DEMO_PASSWORD).toBe("north-star-demo");
  });

  test("the server knows the demo password's hash, not the password: the seed writes that very hash", async () => {
    expect(await demoPasswordHash()).toBe(DEMO_PASSWORD_HASH);
    expect(await verifyPassword(DEMO_PASSWORD_HASH, DEMO_PASSWORD)).toBe(true);
    expect(DEMO_PASSWORD_HASH).not.toContain(DEMO_PASSWORD);
  });

  test("a database seeded before the hash was fixed still counts: accounts that share one hash", async () => {
    const prisma = await getPrisma();
    const withHash = async (email: string, hash: string) => {
      const user = await createUser({ email });
      await prisma.password.update({ where: { userId: user.id }, data: { hash } });
    };
    const oldSeedHash = await hashPassword(DEMO_PASSWORD);
    await withHash("lead@old-demo.example", oldSeedHash);
    await withHash("member1@old-demo.example", oldSeedHash);
    // two people who chose the same password still have hashes of their own
    await withHash("a@own.example", await hashPassword("the same passphrase"));
    await withHash("b@own.example", await hashPassword("the same passphrase"));
    expect(await countDemoPasswordAccounts({ prisma })).toBe(2);
  });

  test("listening beyond loopback is refused while they exist, with the way to start without them", () => {
    expect(listenRefusal({ env: env({}), demoAccounts: 141 })).toBeNull();
    expect(listenRefusal({ env: env({ HOST: "localhost" }), demoAccounts: 141 })).toBeNull();
    expect(listenRefusal({ env: env({ HOST: "::1" }), demoAccounts: 141 })).toBeNull();
    expect(listenRefusal({ env: env({ HOST: "0.0.0.0" }), demoAccounts: 0 })).toBeNull();
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      const refusal = listenRefusal({ env: env({ HOST: host, DATA_DIR: "/srv/north-star" }), demoAccounts: 141 });
      expect(refusal).toContain(
        `North Star will not listen on ${host}: 141 demo account(s) in the embedded database in /srv/north-star`,
      );
      // the reset names the folder this start used, not the default one
      expect(refusal).toContain("DATA_DIR=/srv/north-star SEED_DEMO=0 npm run db:reset");
      expect(refusal).toContain(`then start with DATA_DIR=/srv/north-star SEED_DEMO=0 HOST=${host}`);
      expect(refusal).toContain("DATA_DIR=<new folder> SEED_DEMO=0");
    }
    expect(listenRefusal({ env: env({ HOST: "0.0.0.0", DATA_DIR: "/srv/my data's" }), demoAccounts: 1 })).toContain(
      `DATA_DIR='/srv/my data'\\''s' SEED_DEMO=0 npm run db:reset`,
    );
    const onPostgres = listenRefusal({
      env: env({ HOST: "0.0.0.0", DATABASE_URL: "postgresql://north:secret@db/northstar" }),
      demoAccounts: 1,
    });
    expect(onPostgres).toContain("with the same DATABASE_URL, SEED_DEMO=0 npm run db:reset");
    expect(onPostgres).not.toContain("secret");
  });
});

describe("the start-up lines about mail", () => {
  test("say when emails reach nobody: no mail server and no outbox on this machine", () => {
    const production = { NODE_ENV: "production" };
    // npm run serve on PostgreSQL without SMTP_URL: nowhere to read an invitation
    expect(mailNote(env({ ...production, DATABASE_URL: "postgresql://db/northstar" }))).toContain(
      "SMTP_URL is not set",
    );
    // on a network, the outbox is off too
    expect(mailNote(env({ ...production, HOST: "0.0.0.0", SEED_DEMO: "0" }))).toContain("SMTP_URL is not set");
    // a mail server, or the try-out's outbox on this machine: nothing to say
    expect(
      mailNote(env({ ...production, DATABASE_URL: "postgresql://db/northstar", SMTP_URL: "smtp://mail:587" })),
    ).toBeNull();
    // the try-out: start-up found its demo accounts
    noteDemoAccountsAtStart(3);
    expect(mailNote(env({ ...production, DEV_OUTBOX: "1" }))).toBeNull();
    // an installation for real on the embedded database: no demo account, no outbox, a line about it
    noteDemoAccountsAtStart(0);
    expect(mailNote(env({ ...production, DEV_OUTBOX: "1" }))).toContain("SMTP_URL is not set");
  });
});

describe("the start-up line about HTTPS", () => {
  test("says sign-in needs HTTPS when a production server faces a network without a proxy it trusts", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://db/northstar" };
    expect(httpsNote(env({ ...production, HOST: "0.0.0.0" }))).toContain("Signing in needs HTTPS");
    // behind the TLS proxy the README describes, on this machine only, or in development: nothing to say
    expect(httpsNote(env({ ...production, HOST: "0.0.0.0", TRUST_PROXY: "1" }))).toBeNull();
    expect(httpsNote(env(production))).toBeNull();
    expect(httpsNote(env({ NODE_ENV: "development", HOST: "0.0.0.0" }))).toBeNull();
  });
});
