// A new installation without demo data: `npm run create-admin` makes the first admin, who follows the printed
// link, chooses a password and is signed in on the movement pages. The command runs as a child process, as a
// person runs it, against this file's database (embedded or PostgreSQL) and against a fresh data folder.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test, vi } from "vitest";
import { loader as movementLoader } from "~/routes/movement";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite.$token";
import { getPrisma } from "~/utils/db.server";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { answer, createOrganization, createUser, requestArgs } from "../factories";

const run = promisify(execFile);
// each test runs the command as a child process, and a new data folder runs initdb: minutes on a busy machine
vi.setConfig({ testTimeout: 300_000 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-create-admin-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PASSWORD = "lanterns over the harbour";

async function createAdmin(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv = { ...process.env, APP_URL: "https://north-star.example.org", ...env } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["scripts/create-admin.ts", ...args], {
      env: childEnv,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function linkIn(stdout: string) {
  const link = /https:\/\/north-star\.example\.org\/invite\/([A-Za-z0-9_-]{43})/.exec(stdout);
  expect(link, stdout).not.toBeNull();
  return link![1];
}

/** Follows the link as the person would: opens it, chooses a password, and returns the session cookie. */
async function claim(token: string, name = "Ana Boss") {
  const page = await (await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).json();
  expect(page.mode).toBe("create");
  const res = await answer(
    inviteAction(
      requestArgs(`/invite/${token}`, {
        method: "POST",
        params: { token },
        form: { intent: "create", name, password: PASSWORD, confirm: PASSWORD },
      }),
    ),
  );
  expect(res.status).toBe(302);
  return (res.headers.get("Set-Cookie") ?? "").split(";")[0];
}

describe("npm run create-admin", () => {
  test("on a database without demo data: the printed link sets a password and signs the admin in to /movement", async () => {
    const prisma = await getPrisma();
    expect(await prisma.user.count({ where: { coalitionRole: "ADMIN" } })).toBe(0);

    const first = await createAdmin(["--email", "Ana.Boss@Example.org", "--name", "Ana Boss"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("ana.boss@example.org is a new coalition admin");
    const firstToken = linkIn(first.stdout);

    // idempotent: no second account, a fresh link, the unused one withdrawn
    const second = await createAdmin(["--email", "ana.boss@example.org"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("The earlier link no longer works");
    const token = linkIn(second.stdout);
    expect(token).not.toBe(firstToken);
    expect(await prisma.user.count({ where: { email: "ana.boss@example.org" } })).toBe(1);
    expect(
      (await answer(inviteLoader(requestArgs(`/invite/${firstToken}`, { params: { token: firstToken } })))).status,
    ).toBe(410);
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { email: "ana.boss@example.org", revokedAt: null },
    });
    expect(Math.round((invitation.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);

    // the page offers the name given on the command line
    expect(
      (await (await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).json()).name,
    ).toBe("Ana Boss");
    const cookie = await claim(token);
    const movement = await answer(movementLoader(requestArgs("/movement", { cookie })));
    expect(movement.status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "ana.boss@example.org" },
      select: { coalitionRole: true, name: true, password: { select: { hash: true } } },
    });
    expect(user).toMatchObject({ coalitionRole: "ADMIN", name: "Ana Boss" });
    expect(user.password?.hash).toMatch(/^\$argon2id\$/);
    // the link works once
    expect((await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).status).toBe(410);

    // once the password is set, another run changes nothing and hands out no link
    const third = await createAdmin(["--email", "ana.boss@example.org"]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain("already has a password");
    expect(third.stdout).not.toContain("/invite/");
    expect(third.stdout).toContain("ana.boss@example.org is a coalition admin");

    // a staff member with a password, raised to admin by the command, is told that the run changed the role
    await prisma.user.create({
      data: {
        email: "sam.staff@example.org",
        name: "Sam",
        coalitionRole: "STAFF",
        password: { create: { hash: "x" } },
      },
    });
    const raised = await createAdmin(["--email", "sam.staff@example.org"]);
    expect(raised.code, raised.stderr).toBe(0);
    expect(raised.stdout).toContain("sam.staff@example.org was coalition staff and is now a coalition admin");
  });

  test("never takes a password on the command line, and refuses a bad email", async () => {
    const password = await createAdmin(["--email", "p@example.org", "--password", "secret secret secret"]);
    expect(password.code).toBe(2);
    expect(password.stderr).toContain("chosen in the browser");
    const blank = await createAdmin(["--email", "blank@example.org", "--name", "\u3164"]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain("something visible");
    const bad = await createAdmin(["--email", "not-an-email"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"not-an-email" is not an email address');
    expect(await (await getPrisma()).user.count({ where: { email: "p@example.org" } })).toBe(0);
  });

  test("refuses a member of an organization: coalition admins are not members of organizations", async () => {
    const org = await createOrganization();
    const member = await createUser({ email: "lead-not-admin@example.org", memberships: [{ organizationId: org.id }] });
    const refused = await createAdmin(["--email", member.email]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("coalition admins are not members of organizations");
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).coalitionRole).toBe("NONE");
  });

  test("on the embedded database: a fresh data folder gets the admin and no demo data", async () => {
    const dataDir = path.join(tmp, "fresh");
    const r = await createAdmin(["--email", "first@example.org"], {
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      SEED_DEMO: undefined,
      DB_POOL_MAX: undefined,
    });
    expect(r.code, r.stderr).toBe(0);
    linkIn(r.stdout);
    const db = await startEmbeddedDb({ dataDir: path.join(dataDir, "pglite") });
    try {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const users = await client.query(`SELECT email, "coalitionRole" FROM "User"`);
      const organizations = await client.query(`SELECT count(*)::int AS n FROM "Organization"`);
      const values = await client.query(`SELECT count(*)::int AS n FROM "Value"`);
      await client.end();
      expect(users.rows).toEqual([{ email: "first@example.org", coalitionRole: "ADMIN" }]);
      expect(organizations.rows[0].n).toBe(0);
      // the framework is there for the admin to start from
      expect(values.rows[0].n).toBeGreaterThan(0);
    } finally {
      await db.stop();
    }
  });

  test("refuses, with what to do, while a running server holds the embedded database", async () => {
    const dataDir = path.join(tmp, "held");
    const holder = await startEmbeddedDb({ dataDir: path.join(dataDir, "pglite") });
    try {
      const r = await createAdmin(["--email", "held@example.org"], { DATABASE_URL: undefined, DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is in use by another process (pid ${process.pid})`);
      expect(r.stderr).toContain("Stop the server");
      expect(r.stdout).not.toContain("/invite/");
    } finally {
      await holder.stop();
    }
  });
});
