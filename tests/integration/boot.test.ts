// Start-up seeds the database (app/boot/boot.server.ts): the framework always, the demo coalition only into a
// fresh database and only when asked, through the demo module that server.mjs loads from outside the build.
import { describe, expect, test } from "vitest";
import { seedAtStart, seedsDemo, type DemoStart } from "~/boot/boot.server";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { createUser } from "../factories";

const env = (vars: Record<string, string>) => readEnv({ NODE_ENV: "test", ...vars });
const loadDemo = async (): Promise<DemoStart> => (await import("../../demo/start")).demoStart;

describe("seeding at start", () => {
  test("demo data by default only on the embedded database of a loopback server; SEED_DEMO decides otherwise", () => {
    expect(seedsDemo(env({}), true)).toBe(true);
    expect(seedsDemo(env({}), false)).toBe(false);
    expect(seedsDemo(env({ HOST: "0.0.0.0" }), true)).toBe(false);
    expect(seedsDemo(env({ SEED_DEMO: "0" }), true)).toBe(false);
    expect(seedsDemo(env({ SEED_DEMO: "1" }), false)).toBe(true);
  });

  test("a fresh database gets the demo coalition once; a second start adds no row", async () => {
    const prisma = await getPrisma();
    const lines: string[] = [];
    await seedAtStart({ prisma, env: env({ SEED_DEMO: "1" }), embedded: false, loadDemo, log: (l) => lines.push(l) });
    expect(lines[0]).toBe("first start: writing the demo coalition…");
    const counts = async () => [
      await prisma.organization.count(),
      await prisma.user.count(),
      await prisma.practice.count(),
      await prisma.value.count(),
    ];
    const first = await counts();
    expect(first[0]).toBe(40);
    await seedAtStart({ prisma, env: env({ SEED_DEMO: "1" }), embedded: false, loadDemo, log: (l) => lines.push(l) });
    expect(await counts()).toEqual(first);
    expect(lines).toHaveLength(2); // the "first start" line and the count, once
    const signIns = await (await loadDemo()).demoSignInLines({ prisma });
    expect(signIns[0]).toBe("demo sign-ins (password for every account: north-star-demo):");
  }, 120_000);

  test("a database with a person in it gets the framework but no demo data", async () => {
    const prisma = await getPrisma();
    await prisma.organization.deleteMany({});
    await prisma.auditEvent.deleteMany({});
    await prisma.user.deleteMany({});
    await createUser({ email: "first-admin@coalition.org", coalitionRole: "ADMIN" });
    await seedAtStart({ prisma, env: env({ SEED_DEMO: "1" }), embedded: true, loadDemo, log: () => {} });
    expect(await prisma.organization.count()).toBe(0);
    expect(await prisma.value.count()).toBeGreaterThan(0);
  });

  test("demo data asked for where the demo module cannot be loaded: one clear line, nothing written", async () => {
    const prisma = await getPrisma();
    await prisma.user.deleteMany({});
    const missing = () => Promise.reject(new Error("Cannot find package 'tsx'"));
    await expect(
      seedAtStart({ prisma, env: env({ SEED_DEMO: "1" }), embedded: false, loadDemo: missing, log: () => {} }),
    ).rejects.toThrow(/demo generator is not here.*SEED_DEMO=0/);
    expect(await prisma.organization.count()).toBe(0);
    // without demo data asked for, the module is never needed
    await seedAtStart({ prisma, env: env({ SEED_DEMO: "0" }), embedded: true, loadDemo: missing, log: () => {} });
  });
});
