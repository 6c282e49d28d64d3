import { createHash } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { deleteOldSentEmails, enqueueEmail, sendDueEmails } from "~/models/outbox.server";
import { resetPassword } from "~/models/password-reset.server";
import { loader as accountLoader } from "~/routes/account";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { createMailer, renderEmail, noteDemoAccountsAtStart } from "~/utils/mailer.server";
import {
  answer,
  createOrganization,
  createUser,
  requestArgs,
  sessionCookie,
  TEST_PASSWORD,
  withinOneMinute,
} from "../factories";

const NEW_PASSWORD = "river stones and morning bread";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// each request comes from an address of its own unless a test says otherwise
let requests = 0;
const anotherAddress = () => `10.0.${Math.floor(++requests / 250)}.${requests % 250}`;

/** A request for a link from a client address, as the HTTP server passes it in the load context. */
function askForLink(
  email: string,
  { address = anotherAddress(), headers }: { address?: string; headers?: Record<string, string> } = {},
) {
  return answer(
    forgotAction({
      ...requestArgs("/forgot-password", { method: "POST", form: { email }, headers }),
      context: { clientAddress: address },
    }),
  );
}

function submitReset(token: string, form: Record<string, string>, cookie?: string) {
  return answer(
    resetAction(requestArgs(`/reset-password/${token}`, { method: "POST", form, params: { token }, cookie })),
  );
}

function openLink(token: string, headers: Record<string, string> = {}) {
  return answer(resetLoader(requestArgs(`/reset-password/${token}`, { params: { token }, headers })));
}

function signIn(email: string, password: string) {
  return answer(loginAction(requestArgs("/login", { method: "POST", form: { email, password } })));
}

const payloadSchema = z.object({ url: z.string(), minutes: z.number() });

/** The raw token, as the person reads it in the emailed link. */
async function emailedToken(email: string) {
  const row = await (
    await getPrisma()
  ).outboxEmail.findFirstOrThrow({ where: { to: email, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  return payloadSchema.parse(row.payload).url.split("/").pop() ?? "";
}

/** What a reset may change: the password hash, the sessions, the reset rows. */
async function accountState(userId: string) {
  const prisma = await getPrisma();
  const [password, sessions, resets] = await Promise.all([
    prisma.password.findUnique({ where: { userId }, select: { hash: true } }),
    prisma.session.findMany({ where: { userId }, select: { id: true }, orderBy: { id: "asc" } }),
    prisma.passwordReset.findMany({
      where: { userId },
      select: { id: true, usedAt: true, expiresAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return { password, sessions, resets };
}

describe("asking for a reset link", () => {
  test("a known and an unknown email get the same answer; only the known one gets an email with the link", async () => {
    await createUser({ email: "known@example.org" });
    await createUser({ email: "off@example.org", disabled: true });
    const answers = [
      await askForLink("Known@Example.org"),
      await askForLink("nobody@example.org"),
      await askForLink("off@example.org"),
    ];
    const bodies = await Promise.all(answers.map((r) => r.text()));
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/forgot-password?sent=1");
      expect(res.headers.get("Set-Cookie")).toBeNull();
      expect(bodies[i]).toBe(bodies[0]);
    }

    const prisma = await getPrisma();
    const rows = await prisma.outboxEmail.findMany({
      where: { to: { in: ["known@example.org", "nobody@example.org", "off@example.org"] } },
    });
    expect(rows.map((r) => r.to)).toEqual(["known@example.org"]);
    const payload = payloadSchema.parse(rows[0].payload);
    expect(payload.url).toMatch(new RegExp(`^${readEnv().APP_URL}/reset-password/[A-Za-z0-9_-]{43}$`));
    expect(payload.minutes).toBe(30);
    expect(rows[0].status).toBe("PENDING");
    expect(
      await prisma.auditEvent.count({
        where: { action: "auth.password_reset_requested", actor: { email: "known@example.org" } },
      }),
    ).toBe(1);

    const page = await answer(forgotLoader(requestArgs("/forgot-password?sent=1")));
    expect(await page.json()).toMatchObject({ title: "Check the outbox", sent: true, minutes: 30, mail: "OUTBOX" });
  });

  test("without APP_URL the link names the server's own address and PORT, in the email and in the log line", async () => {
    vi.stubEnv("APP_URL", undefined);
    vi.stubEnv("HOST", "127.0.0.1");
    vi.stubEnv("PORT", "3301");
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("SMTP_URL", undefined);
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    await createUser({ email: "own-port@example.org" });
    expect((await askForLink("own-port@example.org")).status).toBe(302);
    const token = await emailedToken("own-port@example.org");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await sendDueEmails({ prisma, send: createMailer() });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain(`link=http://127.0.0.1:3301/reset-password/${token}`);

    // APP_URL, when it is set, is the address links name
    vi.stubEnv("APP_URL", "https://north-star.example.org");
    expect((await askForLink("own-port@example.org")).status).toBe(302);
    const row = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: "own-port@example.org", status: "PENDING" },
    });
    expect(payloadSchema.parse(row.payload).url).toMatch(
      /^https:\/\/north-star\.example\.org\/reset-password\/[A-Za-z0-9_-]{43}$/,
    );
  });

  test("the database keeps a hash of the token, never the token itself", async () => {
    const user = await createUser({ email: "hash@example.org" });
    await askForLink("hash@example.org");
    const token = await emailedToken("hash@example.org");
    const rows = await (await getPrisma()).passwordReset.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
  });

  test("a new link replaces the previous one", async () => {
    await createUser({ email: "twice@example.org" });
    await askForLink("twice@example.org");
    const first = await emailedToken("twice@example.org");
    await askForLink("twice@example.org");
    const second = await emailedToken("twice@example.org");
    expect(second).not.toBe(first);
    expect((await openLink(first)).status).toBe(410);
    expect((await openLink(second)).status).toBe(200);
  });

  test("malformed, over-long and cross-site requests are refused without a 500", async () => {
    const bad = await askForLink("not-an-email");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error?.email).toEqual(["validation.emailInvalid"]);
    const long = await askForLink(`${"a".repeat(300)}@example.org`);
    expect(long.status).toBe(400);
    expect((await long.json()).error?.email).toEqual(["validation.tooLong"]);
    const crossSite = await answer(askForLink("known@example.org", { headers: { Origin: "https://evil.example" } }));
    expect(crossSite.status).toBe(403);
  });

  test("the 11th request within a minute for one email answers 429, and sends nothing", async () => {
    await createUser({ email: "many@example.org" });
    await withinOneMinute();
    for (let i = 0; i < 10; i++) expect((await askForLink("many@example.org")).status).toBe(302);
    const blocked = await askForLink("many@example.org");
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error).toEqual({ "": ["auth:forgot.tooMany"] });
    expect(await (await getPrisma()).outboxEmail.count({ where: { to: "many@example.org" } })).toBe(10);
  });

  test("the 11th request within a minute from one address answers 429 for any email", async () => {
    const from = { address: "203.0.113.50" };
    await withinOneMinute();
    for (let i = 0; i < 10; i++) expect((await askForLink(`guess${i}@example.org`, from)).status).toBe(302);
    const blocked = await askForLink("someone-else@example.org", from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await askForLink("someone-else@example.org", { address: "198.51.100.50" })).status).toBe(302);
  });
});

describe("using a reset link", () => {
  test("the link sets a new password once, signs out every other session and signs in with a new one", async () => {
    const org = await createOrganization();
    const user = await createUser({ email: "rosa@example.org", memberships: [{ organizationId: org.id }] });
    const laptop = await sessionCookie(user.id);
    const phone = await sessionCookie(user.id);
    await askForLink("rosa@example.org");
    const token = await emailedToken("rosa@example.org");

    const page = await openLink(token);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ title: "Choose a new password", email: "rosa@example.org" });

    const res = await submitReset(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}`);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("north-star-session="));
    expect(session).toMatch(/HttpOnly/);
    expect(cookies.some((c) => c.startsWith("north-star-toast="))).toBe(true);

    const prisma = await getPrisma();
    const sessions = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id).not.toBe(laptop.sessionId);
    expect(sessions[0].id).not.toBe(phone.sessionId);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: phone.cookie })))).status).toBe(302);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: session?.split(";")[0] })))).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { action: "auth.password_reset", actorId: user.id } })).toBe(1);

    expect((await signIn("rosa@example.org", TEST_PASSWORD)).status).toBe(400);
    expect((await signIn("rosa@example.org", NEW_PASSWORD)).status).toBe(302);

    // the second use is refused and changes nothing
    const before = await accountState(user.id);
    expect((await openLink(token)).status).toBe(410);
    const again = await submitReset(token, { password: "another long passphrase", confirm: "another long passphrase" });
    expect(again.status).toBe(410);
    expect((await again.json()).error).toEqual({ "": ["auth:reset.expired"] });
    expect(await accountState(user.id)).toEqual(before);
  });

  test("resetting on a browser that holds another account's session ends that session", async () => {
    const ana = await createUser({ email: "ana.kiosk@example.org" });
    await createUser({ email: "ben.kiosk@example.org" });
    const anas = await sessionCookie(ana.id);
    await askForLink("ben.kiosk@example.org");
    const token = await emailedToken("ben.kiosk@example.org");
    const res = await submitReset(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }, anas.cookie);
    expect(res.status).toBe(302);
    expect(await (await getPrisma()).session.count({ where: { id: anas.sessionId } })).toBe(0);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: anas.cookie })))).status).toBe(302);
  });

  // PGlite runs one statement at a time; only a PostgreSQL server lets the two resets really race
  test.runIf(process.env.TEST_DB_MODE === "postgres")(
    "of two simultaneous resets with one link, exactly one wins",
    async () => {
      const user = await createUser({ email: "race@example.org" });
      await askForLink("race@example.org");
      const token = await emailedToken("race@example.org");
      const prisma = await getPrisma();
      const results = await Promise.all([
        resetPassword({ prisma, token, password: "first of the two passwords" }),
        resetPassword({ prisma, token, password: "second of the two passwords" }),
      ]);
      expect(results.filter((r) => r.ok && r.value === user.id)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error === "gone")).toHaveLength(1);
      expect(await prisma.auditEvent.count({ where: { action: "auth.password_reset", actorId: user.id } })).toBe(1);
    },
  );

  test("an expired link is refused with a translated page and changes nothing", async () => {
    const user = await createUser({ email: "late@example.org" });
    await askForLink("late@example.org");
    const token = await emailedToken("late@example.org");
    await (
      await getPrisma()
    ).passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await accountState(user.id);

    const page = await openLink(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ title: "This link has expired or was already used", email: null });
    const spanish = await openLink(token, { "Accept-Language": "es" });
    expect((await spanish.json()).title).toBe("Este enlace venció o ya se usó");

    expect((await submitReset(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(410);
    expect(await accountState(user.id)).toEqual(before);
    expect((await signIn("late@example.org", TEST_PASSWORD)).status).toBe(302);
  });

  test("a link of a disabled account, or an unknown well-formed token, does not work", async () => {
    const user = await createUser({ email: "gone@example.org" });
    await askForLink("gone@example.org");
    const token = await emailedToken("gone@example.org");
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await openLink(token)).status).toBe(410);
    expect((await submitReset(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(410);
    expect((await openLink("A".repeat(43))).status).toBe(410);
  });

  test("a malformed token is a 404", async () => {
    for (const token of ["short", "A".repeat(44), `${"A".repeat(42)}!`]) {
      expect((await openLink(token)).status).toBe(404);
      expect((await submitReset(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(404);
    }
  });

  test("weak, short, too long, common and mismatched passwords are field errors and change nothing", async () => {
    const user = await createUser({ email: "rosalinda@example.org" });
    const other = await sessionCookie(user.id);
    await askForLink("rosalinda@example.org");
    const token = await emailedToken("rosalinda@example.org");
    const before = await accountState(user.id);

    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ password: "short", confirm: "short" }, { password: ["validation.passwordTooShort"] }],
      [
        { password: "x".repeat(129), confirm: "x".repeat(129) },
        { password: ["validation.passwordTooLong"], confirm: ["validation.passwordTooLong"] },
      ],
      [{ password: "password1234", confirm: "password1234" }, { password: ["validation.passwordCommon"] }],
      [{ password: "aaaaaaaaaaaaaaaa", confirm: "aaaaaaaaaaaaaaaa" }, { password: ["validation.passwordCommon"] }],
      [
        { password: "rosalinda says hello", confirm: "rosalinda says hello" },
        { password: ["validation.passwordContainsEmail"] },
      ],
      [{ password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }, { confirm: ["validation.passwordsDiffer"] }],
      [{}, { password: ["validation.required"], confirm: ["validation.required"] }],
    ];
    for (const [form, errors] of cases) {
      const res = await submitReset(token, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const body = await res.json();
      expect(body.error, JSON.stringify(form)).toEqual(errors);
      // a password is never sent back
      if (form.password) expect(JSON.stringify(body)).not.toContain(form.password);
    }
    expect(await accountState(user.id)).toEqual(before);
    expect((await answer(accountLoader(requestArgs("/account", { cookie: other.cookie })))).status).toBe(200);
    expect((await openLink(token)).status).toBe(200);
  });
});

/** Just enough of an SMTP server to receive messages: no TLS, no authentication. */
async function fakeSmtpServer() {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let body: string | null = null;
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (body !== null) {
          if (line === ".") {
            messages.push(body);
            body = null;
            socket.write("250 queued\r\n");
          } else body += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "DATA") {
          body = "";
          socket.write("354 go ahead\r\n");
        } else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the outbox", () => {
  async function enqueue(
    to: string,
    template: "password-reset" | "invitation",
    payload: Record<string, string | number | null>,
  ) {
    const prisma = await getPrisma();
    return prisma.$transaction((tx) => enqueueEmail(tx, { to, template, locale: "en", payload }));
  }
  const resetPayload = { url: "http://localhost:3000/reset-password/abc", minutes: 30 };

  test("the worker marks sent emails SENT; a failing send leaves them PENDING with one more attempt", async () => {
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    const a = await enqueue("out-a@example.org", "password-reset", resetPayload);
    const b = await enqueue("out-b@example.org", "password-reset", resetPayload);
    const seen: string[] = [];
    expect(await sendDueEmails({ prisma, send: async (email) => (seen.push(email.to), "SENT" as const) })).toBe(2);
    expect(seen).toEqual(["out-a@example.org", "out-b@example.org"]);
    const sent = await prisma.outboxEmail.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(sent.map((r) => r.status)).toEqual(["SENT", "SENT"]);
    expect(sent.every((r) => r.sentAt !== null)).toBe(true);
    // their links are live: once sent, the database keeps none of them
    expect(sent.map((r) => r.payload)).toEqual([{}, {}]);
    const kept = await enqueue("out-kept@example.org", "password-reset", resetPayload);
    await sendDueEmails({ prisma, send: async () => "SENT" as const, keepSent: true });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: kept.id } })).payload).toEqual(resetPayload);

    const c = await enqueue("out-c@example.org", "password-reset", resetPayload);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      await sendDueEmails({
        prisma,
        send: async () => {
          throw new Error("SMTP server unreachable");
        },
      }),
    ).toBe(0);
    // the server's log says an email did not go out, and why, without the address or the link
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(
        /^\[outbox\] could not send email \S+ \([\w-]+\), attempt 1 of \d+: SMTP server unreachable; trying again later$/,
      ),
    ]);
    warn.mockRestore();
    const failed = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: c.id } });
    expect(failed).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "SMTP server unreachable",
      sentAt: null,
    });
    expect(failed.sendAfter.getTime()).toBeGreaterThan(Date.now());
  });

  test("an email kept rather than sent is marked KEPT; sent and kept emails are deleted a day after", async () => {
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    const kept = await enqueue("kept-a@example.org", "password-reset", resetPayload);
    const sent = await enqueue("sent-a@example.org", "password-reset", resetPayload);
    await sendDueEmails({ prisma, send: async (email) => (email.to === "kept-a@example.org" ? "KEPT" : "SENT") });
    const statusOf = async (id: string) => (await prisma.outboxEmail.findUnique({ where: { id } }))?.status;
    expect([await statusOf(kept.id), await statusOf(sent.id)]).toEqual(["KEPT", "SENT"]);
    const waiting = await enqueue("waiting@example.org", "password-reset", resetPayload);
    await prisma.outboxEmail.updateMany({
      where: { id: { in: [kept.id, sent.id] } },
      data: { sentAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    await deleteOldSentEmails({ prisma });
    expect([await statusOf(kept.id), await statusOf(sent.id), await statusOf(waiting.id)]).toEqual([
      undefined,
      undefined,
      "PENDING",
    ]);
  });

  test("without SMTP_URL the mailer logs one line with the recipient and, outside production, the link; on the try-out, that it is in the outbox", async () => {
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const row = await enqueue("logged@example.org", "password-reset", resetPayload);
    await sendDueEmails({ prisma, send: createMailer({ ...readEnv(), SMTP_URL: undefined }) });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain("logged@example.org");
    expect(log.mock.calls[0][0]).toContain("Reset your North Star password");
    expect(log.mock.calls[0][0]).toContain(resetPayload.url);
    // no mail server: the email was kept, never sent, and its status says so
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("KEPT");

    log.mockClear();
    await enqueue("prod@example.org", "password-reset", resetPayload);
    await sendDueEmails({ prisma, send: createMailer({ ...readEnv(), SMTP_URL: undefined, NODE_ENV: "production" }) });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain("prod@example.org");
    expect(log.mock.calls[0][0]).not.toContain(resetPayload.url);

    // npm start's try-out (start-up found its demo accounts): the email waits in the outbox, and the line says
    // so rather than "not sent"
    noteDemoAccountsAtStart(3);
    log.mockClear();
    const tryout = await enqueue("tryout@example.org", "password-reset", resetPayload);
    await sendDueEmails({
      prisma,
      send: createMailer({
        ...readEnv(),
        SMTP_URL: undefined,
        NODE_ENV: "production",
        DEV_OUTBOX: "1",
        DATABASE_URL: undefined,
      }),
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain("tryout@example.org");
    expect(log.mock.calls[0][0]).toContain("/dev/outbox");
    expect(log.mock.calls[0][0]).not.toContain("not sent");
    expect(log.mock.calls[0][0]).not.toContain(resetPayload.url);
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: tryout.id } })).status).toBe("KEPT");
  });

  test("with SMTP_URL the mailer delivers over SMTP; an unreachable server leaves the row for a retry", async () => {
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    const smtp = await fakeSmtpServer();
    try {
      const row = await enqueue("smtp@example.org", "password-reset", resetPayload);
      await sendDueEmails({ prisma, send: createMailer({ ...readEnv(), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }) });
      expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("SENT");
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0].replace(/=\n/g, "");
      expect(message).toMatch(/^To: smtp@example\.org$/m);
      expect(message).toMatch(/^Subject: Reset your North Star password$/m);
      expect(message).toContain(resetPayload.url);
    } finally {
      await smtp.close();
    }
    const refused = await enqueue("nobody-listens@example.org", "password-reset", resetPayload);
    await sendDueEmails({ prisma, send: createMailer({ ...readEnv(), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }) });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });
  });

  test("a row with an unknown template or a bad payload is retried, not sent", async () => {
    const prisma = await getPrisma();
    await sendDueEmails({ prisma, send: async () => "SENT" as const, limit: 100 });
    const bad = await enqueue("bad@example.org", "invitation", { url: "not a url" });
    await sendDueEmails({ prisma, send: createMailer({ ...readEnv(), SMTP_URL: undefined }) });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: bad.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/Invalid "invitation" payload/);
    expect(row.lastError).not.toContain("not a url");
    await expect(
      renderEmail({ to: "x@example.org", template: "newsletter", locale: "en", payload: {} }),
    ).rejects.toThrow(/Unknown email template/);
  });
});

describe("the mailer", () => {
  const url = "http://localhost:3000/reset-password/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  test("renders the password reset email in English and Spanish, with the link", async () => {
    const en = await renderEmail({
      to: "a@example.org",
      template: "password-reset",
      locale: "en",
      payload: { url, minutes: 30 },
    });
    expect(en.subject).toBe("Reset your North Star password");
    expect(en.text).toContain(url);
    expect(en.text).toContain("30 minutes");
    const es = await renderEmail({
      to: "a@example.org",
      template: "password-reset",
      locale: "es",
      payload: { url, minutes: 30 },
    });
    expect(es.subject).toBe("Restablezca su contraseña de North Star");
    expect(es.text).toContain(url);
    expect(es.text).toContain("30 minutos");
    // an unsupported locale falls back to English
    expect(
      (
        await renderEmail({
          to: "a@example.org",
          template: "password-reset",
          locale: "fr",
          payload: { url, minutes: 30 },
        })
      ).subject,
    ).toBe(en.subject);
  });

  test("renders the invitation email in English and Spanish, for an organization and for the coalition", async () => {
    const link = "http://localhost:3000/invite/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const org = await renderEmail({
      to: "b@example.org",
      template: "invitation",
      locale: "en",
      payload: { url: link, organization: "Casa del Pueblo", role: "LEAD", inviter: "Marta\nRuiz", days: 7 },
    });
    expect(org.subject).toBe("Marta Ruiz invited you to Casa del Pueblo on North Star");
    expect(org.text).toContain(link);
    expect(org.text).toContain("Your role: Organization lead");
    expect(org.text).toContain("for 7 days");
    const coalition = await renderEmail({
      to: "b@example.org",
      template: "invitation",
      locale: "es",
      payload: { url: link, organization: null, role: "STAFF", inviter: "Marta Ruiz" },
    });
    expect(coalition.subject).toBe("Marta Ruiz le invitó al equipo de la coalición en North Star");
    expect(coalition.text).toContain(link);
    expect(coalition.text).toContain("Su rol: Equipo de la coalición");
    expect(coalition.text).not.toContain("días");
  });
});
