// Cookies this server reads are signed with SESSION_SECRET: a toast set by anyone else is ignored, and the
// secret rotates (several comma-separated secrets: the first signs, every one verifies).
import { afterAll, describe, expect, test, vi } from "vitest";
import { loader as rootLoader } from "~/root";
import { readEnv } from "~/utils/env.server";
import { createSession } from "~/utils/session-store.server";
import { redirectWithToast } from "~/utils/toast.server";
import { getPrisma } from "~/utils/db.server";
import { answer, createUser, requestArgs, toastOf } from "../factories";

const unsignedToast = (value: unknown) =>
  `north-star-toast=${encodeURIComponent(Buffer.from(JSON.stringify(value)).toString("base64"))}`;

describe("the toast cookie", () => {
  const forged = {
    key: "practice:toast.deleted",
    undo: { action: "/o/somewhere/practices/x", fields: { intent: "restore" } },
  };

  test("one written by this server shows on the next page", async () => {
    const res = await redirectWithToast("/", forged);
    expect(await toastOf(res)).toMatchObject(forged);
    const page = await answer(rootLoader(requestArgs("/", { cookie: res.headers.get("Set-Cookie")!.split(";")[0] })));
    expect((await page.json()).toast).toMatchObject(forged);
  });

  test("a forged one, unsigned or signed with another secret, is ignored and cleared: no message, no form to post", async () => {
    const page = await answer(rootLoader(requestArgs("/", { cookie: unsignedToast(forged) })));
    expect((await page.json()).toast).toBeNull();
    expect(page.headers.get("Set-Cookie")).toMatch(/^north-star-toast=; .*Max-Age=0/);

    const genuine = (await redirectWithToast("/", forged)).headers.get("Set-Cookie")!.split(";")[0];
    const [name, value] = genuine.split("=");
    const resigned = `${name}=${value.replace(/\.[^.]*$/, ".c2lnbmVkIGVsc2V3aGVyZQ")}`;
    expect((await (await answer(rootLoader(requestArgs("/", { cookie: resigned })))).json()).toast).toBeNull();
  });

  test("an undo form never points at another site", async () => {
    for (const action of ["//evil.example/steal", "/\\evil.example", "https://evil.example/"]) {
      expect(
        await toastOf(
          await redirectWithToast("/", {
            key: "practice:toast.deleted",
            undo: { action, fields: { intent: "restore" } },
          }),
        ),
      ).toBeNull();
    }
  });
});

describe("SESSION_SECRET rotation", () => {
  const OLD = "old-secret-0123456789abcdef";
  const NEW = "new-secret-0123456789abcdef";
  const saved = process.env.SESSION_SECRET;
  afterAll(() => {
    if (saved === undefined) delete process.env.SESSION_SECRET;
    else process.env.SESSION_SECRET = saved;
    delete (globalThis as { __northStarSessionSecrets?: string[] }).__northStarSessionSecrets;
  });

  /** The app's session and auth modules as a server started with this SESSION_SECRET has them. */
  async function startedWith(secret: string) {
    process.env.SESSION_SECRET = secret;
    delete (globalThis as { __northStarSessionSecrets?: string[] }).__northStarSessionSecrets;
    vi.resetModules(); // the environment is parsed once per process: a fresh module is a fresh start
    return { session: await import("~/utils/session.server"), auth: await import("~/utils/auth.server") };
  }

  const asRequest = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] } });

  test("a session signed with the old secret still signs in; new cookies are signed with the first", async () => {
    const prisma = await getPrisma();
    const user = await createUser();
    const old = await startedWith(OLD);
    const { token, expiresAt } = await createSession({ prisma, userId: user.id, maxDays: 7 });
    const before = await old.session.commitSessionCookie(token, expiresAt);

    const rotated = await startedWith(`${NEW}, ${OLD}`);
    expect((await rotated.auth.getUser(asRequest(before)))?.id).toBe(user.id);
    const after = await rotated.session.commitSessionCookie(token, expiresAt);
    expect(after).not.toBe(before);

    // signed with the first secret: a server that knows only NEW reads it, one that knows only OLD does not
    expect(await (await startedWith(NEW)).session.readSessionToken(asRequest(after))).toBe(token);
    expect(await (await startedWith(OLD)).session.readSessionToken(asRequest(after))).toBeNull();
    // once OLD is dropped, the cookies it signed no longer sign in
    expect(await (await startedWith(NEW)).auth.getUser(asRequest(before))).toBeNull();
  });

  test("a reminder's stop link sent before the rotation still opens; one signed with neither secret is a 404", async () => {
    const { stopRemindersToken } = await import("~/models/reminder-token.server");
    const user = await createUser();
    await startedWith(`${NEW},${OLD}`);
    const { loader } = await import("~/routes/reminders.stop.$token");
    const open = (token: string) =>
      answer(() => loader(requestArgs(`/reminders/stop/${token}`, { params: { token } })));
    expect((await open(stopRemindersToken({ secret: OLD, userId: user.id }))).status).toBe(200);
    expect((await open(stopRemindersToken({ secret: NEW, userId: user.id }))).status).toBe(200);
    expect((await open(stopRemindersToken({ secret: "another-secret-0123456789", userId: user.id }))).status).toBe(404);
  });

  test("every secret in the list needs 16 characters", () => {
    expect(readEnv({ NODE_ENV: "test", SESSION_SECRET: `${NEW},${OLD}` }).SESSION_SECRET).toEqual([NEW, OLD]);
    expect(() => readEnv({ NODE_ENV: "test", SESSION_SECRET: `${NEW},short` })).toThrow(
      /SESSION_SECRET: each comma-separated secret needs at least 16 characters/,
    );
  });
});
