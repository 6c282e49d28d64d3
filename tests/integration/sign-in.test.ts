import { describe, expect, test } from "vitest";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as accountLoader } from "~/routes/account";
import { getPrisma } from "~/utils/db.server";
import {
  answer,
  createOrganization,
  createUser,
  requestArgs,
  sessionCookie,
  TEST_PASSWORD,
  withinOneMinute,
} from "../factories";

// each request comes from an address of its own unless a test says otherwise
let requests = 0;
const anotherAddress = () => `10.0.${Math.floor(++requests / 250)}.${requests % 250}`;

/** A sign-in from a client address (as the HTTP server passes it in the load context) and a browser's cookie. */
async function signIn(
  email: string,
  password: string,
  { address = anotherAddress(), cookie }: { address?: string; cookie?: string } = {},
) {
  return answer(
    loginAction({
      ...requestArgs("/login", { method: "POST", form: { email, password }, cookie }),
      context: { clientAddress: address },
    }),
  );
}

const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0];

describe("sign in", () => {
  test("the right password signs in with a fresh session cookie and lands on the organization", async () => {
    const org = await createOrganization();
    const user = await createUser({ email: "ana@example.org", memberships: [{ organizationId: org.id }] });
    const res = await signIn("Ana@Example.org ", TEST_PASSWORD);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}`);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/);
    const prisma = await getPrisma();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);

    const again = await signIn("ana@example.org", TEST_PASSWORD);
    expect(cookieOf(again)).not.toBe(cookieOf(res));
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
  });

  test("a wrong password, an unknown email and a disabled account get the same answer", async () => {
    await createUser({ email: "ben@example.org" });
    await createUser({ email: "off@example.org", disabled: true });
    const answers = await Promise.all([
      signIn("ben@example.org", "not the password at all"),
      signIn("nobody@example.org", TEST_PASSWORD),
      signIn("off@example.org", TEST_PASSWORD),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const [i, r] of answers.entries()) {
      expect(r.status).toBe(400);
      expect(r.headers.get("Set-Cookie")).toBeNull();
      expect(bodies[i].error).toEqual({ "": ["auth:login.failed"] });
    }
    // the password never comes back in the reply
    expect(JSON.stringify(bodies)).not.toContain("not the password at all");
  });

  test("malformed and over-long input is a field error, never a 500", async () => {
    const res = await signIn("not-an-email", "x".repeat(500));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error?.email).toEqual(["validation.emailInvalid"]);
    expect(body.error?.password).toEqual(["validation.passwordTooLong"]);
    const missing = await answer(loginAction(requestArgs("/login", { method: "POST", form: {} })));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error?.email).toEqual(["validation.required"]);
  });

  test("the 11th failure within a minute for one email answers 429, even with the right password", async () => {
    await createUser({ email: "cora@example.org" });
    await withinOneMinute();
    for (let i = 0; i < 10; i++) expect((await signIn("cora@example.org", `wrong password ${i}`)).status).toBe(400);
    const blocked = await signIn("cora@example.org", TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error).toEqual({ "": ["auth:login.tooMany"] });
    expect(blocked.headers.get("Set-Cookie")).toBeNull();
  });

  test("the 11th failure within a minute from one address answers 429 for any email", async () => {
    await createUser({ email: "dan@example.org" });
    // the ten failures and the eleventh attempt fall in one fixed window
    await withinOneMinute();
    for (let i = 0; i < 10; i++)
      expect((await signIn(`guess${i}@example.org`, "wrong password!", { address: "203.0.113.9" })).status).toBe(400);
    const blocked = await signIn("dan@example.org", TEST_PASSWORD, { address: "203.0.113.9" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // another address is not affected
    expect((await signIn("dan@example.org", TEST_PASSWORD, { address: "198.51.100.7" })).status).toBe(302);
  });

  test("a signed-in person visiting /login goes to their start page", async () => {
    const user = await createUser({ coalitionRole: "STAFF" });
    const { cookie } = await sessionCookie(user.id);
    const res = await answer(loginLoader(requestArgs("/login", { cookie })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/movement");
  });

  test("redirectTo is honoured only for paths on this site", async () => {
    await createUser({ email: "eva@example.org" });
    const ok = await answer(
      loginAction(
        requestArgs("/login", {
          method: "POST",
          form: { email: "eva@example.org", password: TEST_PASSWORD, redirectTo: "/account" },
        }),
      ),
    );
    expect(ok.headers.get("Location")).toBe("/account");
    const evil = await answer(
      loginAction(
        requestArgs("/login", {
          method: "POST",
          form: { email: "eva@example.org", password: TEST_PASSWORD, redirectTo: "https://evil.example/" },
        }),
      ),
    );
    expect(evil.headers.get("Location")).toBe("/orgs");
  });
});

describe("sign out", () => {
  test("signing out deletes this session only; the cookie no longer works", async () => {
    const user = await createUser();
    const here = await sessionCookie(user.id);
    const there = await sessionCookie(user.id);
    const res = await answer(logoutAction(requestArgs("/logout", { method: "POST", cookie: here.cookie, form: {} })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    const refused = await answer(accountLoader(requestArgs("/account", { cookie: here.cookie })));
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    expect((await answer(accountLoader(requestArgs("/account", { cookie: there.cookie })))).status).toBe(200);
  });

  test("signing out of all devices revokes every session server-side", async () => {
    const user = await createUser();
    const a = await sessionCookie(user.id);
    const b = await sessionCookie(user.id);
    await answer(
      logoutAction(requestArgs("/logout", { method: "POST", cookie: a.cookie, form: { scope: "everywhere" } })),
    );
    expect(await (await getPrisma()).session.count({ where: { userId: user.id } })).toBe(0);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: b.cookie })))).status).toBe(302);
    expect(
      await (await getPrisma()).auditEvent.count({ where: { action: "auth.sign_out_everywhere", actorId: user.id } }),
    ).toBe(1);
  });
});

describe("sessions", () => {
  test("an idle session expires after the idle timeout", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    await (
      await getPrisma()
    ).session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });
    expect((await answer(accountLoader(requestArgs("/account", { cookie: s.cookie })))).status).toBe(302);
    expect(await (await getPrisma()).session.count({ where: { id: s.sessionId } })).toBe(0);
  });

  test("a session ends at its absolute lifetime even when active", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    await (
      await getPrisma()
    ).session.update({
      where: { id: s.sessionId },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect((await answer(accountLoader(requestArgs("/account", { cookie: s.cookie })))).status).toBe(302);
  });

  test("an active session is kept alive and its last activity recorded", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    const prisma = await getPrisma();
    await prisma.session.update({
      where: { id: s.sessionId },
      data: { lastSeenAt: new Date(Date.now() - 100 * 60_000) },
    });
    expect((await answer(accountLoader(requestArgs("/account", { cookie: s.cookie })))).status).toBe(200);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  test("a disabled account is signed out on its next request", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await answer(accountLoader(requestArgs("/account", { cookie: s.cookie })))).status).toBe(302);
  });

  test("a tampered cookie is treated as no session", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    const [name, value] = s.cookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}${value.slice(-3) === "abc" ? "abd" : "abc"}`;
    const res = await answer(accountLoader(requestArgs("/account", { cookie: tampered })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    const garbage = await answer(accountLoader(requestArgs("/account", { cookie: `${name}=%%%not-base64` })));
    expect(garbage.status).toBe(302);
  });

  test("signing in on a browser that holds a session ends that session, whoever's it was", async () => {
    const ana = await createUser({ email: "ana.shared@example.org" });
    const ben = await createUser({ email: "ben.shared@example.org" });
    const prisma = await getPrisma();
    const anas = await sessionCookie(ana.id);
    const again = await signIn("ana.shared@example.org", TEST_PASSWORD, { cookie: anas.cookie });
    expect(again.status).toBe(302);
    expect(await prisma.session.count({ where: { id: anas.sessionId } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: ana.id } })).toBe(1);

    // Ben signs in on the computer Ana used: her session is over, not merely hidden behind his cookie
    const anaCookie = cookieOf(again);
    const bens = await signIn("ben.shared@example.org", TEST_PASSWORD, { cookie: anaCookie });
    expect(bens.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: ana.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: ben.id } })).toBe(1);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: anaCookie })))).status).toBe(302);

    // a failed sign-in ends nothing
    const bensCookie = cookieOf(bens);
    expect((await signIn("ana.shared@example.org", "not her password", { cookie: bensCookie })).status).toBe(400);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: bensCookie })))).status).toBe(200);
  });

  test("the session row stores a hash, not the token in the cookie", async () => {
    const user = await createUser();
    const s = await sessionCookie(user.id);
    const rows = await (await getPrisma()).session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(rows.map((r) => r.id)).not.toContain(s.token);
  });
});
