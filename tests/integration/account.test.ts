// A person's own settings on /account: name, language (for emails, and pages where the browser chose none),
// and password (the current one required; other sessions end, this one stays).
import { describe, expect, test } from "vitest";
import { loader as rootLoader } from "~/root";
import { action, loader } from "~/routes/account";
import { action as forgotAction } from "~/routes/forgot-password";
import { findSessionUser } from "~/utils/session-store.server";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { verifyPassword } from "~/utils/password.server";
import {
  answer,
  createUser,
  requestArgs,
  sessionCookie,
  TEST_PASSWORD,
  toastOf,
  translated,
  withinOneMinute,
} from "../factories";

async function person(locale = "en") {
  const user = await createUser({ locale, email: `someone-${Math.random().toString(36).slice(2, 8)}@example.org` });
  return { user, ...(await sessionCookie(user.id)) };
}

function post(cookie: string, form: Record<string, string>) {
  return answer(() => action(requestArgs("/account", { method: "POST", cookie, form })));
}

const audits = async (action: string, actorId: string) =>
  (await getPrisma()).auditEvent.count({ where: { action, actorId } });

describe("name", () => {
  test("a person changes their name; an empty or overlong name is refused and changes nothing", async () => {
    const { user, cookie } = await person();
    const saved = await post(cookie, { intent: "name", name: "  Ana María Quispe " });
    expect(saved.status).toBe(302);
    expect(await toastOf(saved)).toMatchObject({ key: translated("account:name.saved") });
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ana María Quispe");
    expect(await audits("account.name_changed", user.id)).toBe(1);
    expect((await (await answer(loader(requestArgs("/account", { cookie })))).json()).name).toBe("Ana María Quispe");

    for (const [name, error] of [
      ["   ", "validation.required"],
      ["x".repeat(101), "validation.tooLong"],
    ]) {
      const res = await post(cookie, { intent: "name", name });
      expect(res.status).toBe(400);
      expect((await res.json()).result.error.name).toEqual([translated(error)]);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ana María Quispe");
  });
});

describe("language", () => {
  test("the chosen language is stored, used for emails, and is the page language when the browser chose none", async () => {
    const { user, cookie } = await person("en");
    const english = { "Accept-Language": "en-US,en;q=0.9" };
    const pageLocale = async (headers: Record<string, string>, cookies = cookie) =>
      (await (await answer(rootLoader(requestArgs("/account", { cookie: cookies, headers })))).json()).locale;
    expect(await pageLocale(english)).toBe("en");

    const saved = await post(cookie, { intent: "locale", locale: "es" });
    expect(saved.status).toBe(302);
    expect(await toastOf(saved)).toMatchObject({ key: translated("account:language.saved") });
    expect(saved.headers.get("Set-Cookie")).toContain("lng=");
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
    expect(await audits("account.locale_changed", user.id)).toBe(1);

    // another device, no language cookie, a browser asking for English: the account's Spanish wins
    const other = await sessionCookie(user.id);
    expect(await pageLocale(english, other.cookie)).toBe("es");
    // a language chosen on this browser with the switch still wins over the account's
    const chosen = (await localeCookie.serialize("en")).split(";")[0];
    expect(await pageLocale(english, `${other.cookie}; ${chosen}`)).toBe("en");
    // signed out, the browser's language applies
    expect((await (await answer(rootLoader(requestArgs("/", { headers: english })))).json()).locale).toBe("en");

    // the password-reset email goes out in the account's language
    await answer(forgotAction(requestArgs("/forgot-password", { method: "POST", form: { email: user.email } })));
    const email = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: user.email },
      orderBy: { createdAt: "desc" },
    });
    expect(email.locale).toBe("es");

    const bad = await post(cookie, { intent: "locale", locale: "fr" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.locale).toEqual([translated("validation.invalidChoice")]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("es");
  });
});

describe("password", () => {
  const NEW = "river stones under the bridge";

  test("with the current password: changed, other sessions end, this one stays", async () => {
    const { user, cookie, sessionId, token } = await person();
    const other = await sessionCookie(user.id);
    const res = await post(cookie, { intent: "password", currentPassword: TEST_PASSWORD, password: NEW, confirm: NEW });
    expect(res.status).toBe(302);
    expect(await toastOf(res)).toMatchObject({ key: translated("account:password.saved") });
    const prisma = await getPrisma();
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(stored.hash, NEW)).toBe(true);
    expect(
      (await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id),
    ).toEqual([sessionId]);
    expect(await findSessionUser({ prisma, token, idleMinutes: 60 })).not.toBeNull();
    expect(await findSessionUser({ prisma, token: other.token, idleMinutes: 60 })).toBeNull();
    expect(await audits("account.password_changed", user.id)).toBe(1);
  });

  test("a wrong current password, a weak or mismatched new one: refused with a translated error, nothing changes", async () => {
    const { user, cookie } = await person();
    const other = await sessionCookie(user.id);
    const cases: [Record<string, string>, string, string][] = [
      [
        { currentPassword: "not my password at all", password: NEW, confirm: NEW },
        "currentPassword",
        "account:password.wrong",
      ],
      [
        { currentPassword: TEST_PASSWORD, password: "short", confirm: "short" },
        "password",
        "validation.passwordTooShort",
      ],
      [
        { currentPassword: TEST_PASSWORD, password: "password1234", confirm: "password1234" },
        "password",
        "validation.passwordCommon",
      ],
      [{ currentPassword: TEST_PASSWORD, password: NEW, confirm: `${NEW}!` }, "confirm", "validation.passwordsDiffer"],
      [{ currentPassword: "", password: NEW, confirm: NEW }, "currentPassword", "validation.required"],
    ];
    const prisma = await getPrisma();
    const before = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash;
    for (const [form, field, error] of cases) {
      const res = await post(cookie, { intent: "password", ...form });
      expect(res.status, field).toBe(400);
      const body = await res.json();
      expect(body.result.error[field], field).toEqual([translated(error)]);
      // passwords never come back in the page
      expect(JSON.stringify(body)).not.toContain(NEW);
    }
    expect((await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash).toBe(before);
    expect(await prisma.session.count({ where: { id: other.sessionId } })).toBe(1);
    expect(await audits("account.password_changed", user.id)).toBe(0);
  });

  test("guessing the current password from an open session is limited like signing in", async () => {
    const { cookie } = await person();
    const wrong = { intent: "password", currentPassword: "a wrong guess here", password: NEW, confirm: NEW };
    await withinOneMinute();
    for (let i = 0; i < 10; i++) expect((await post(cookie, wrong)).status).toBe(400);
    const limited = await post(cookie, { ...wrong, currentPassword: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect((await limited.json()).result.error[""]).toEqual([translated("auth:login.tooMany")]);
  });

  test("signed out, the page and its forms ask to sign in", async () => {
    const res = await answer(() =>
      action(requestArgs("/account", { method: "POST", form: { intent: "name", name: "Nobody" } })),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });
});
