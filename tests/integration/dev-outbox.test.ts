// /dev/outbox hands out live reset and invitation links: it serves only the person trying the app on their own
// machine (app/utils/mailer.server.ts devOutboxEnabled and devOutboxServes).
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { enqueueEmail } from "~/models/outbox.server";
import { loader as outboxLoader } from "~/routes/dev.outbox";
import { loader as forgotLoader } from "~/routes/forgot-password";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { noteDemoAccountsAtStart } from "~/utils/mailer.server";
import { answer, requestArgs } from "../factories";

// the database opens before any test changes DATABASE_URL
beforeAll(async () => {
  await getPrisma();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const LINK = "http://localhost:3000/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

async function writeEmail(to: string) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    enqueueEmail(tx, { to, template: "password-reset", locale: "en", payload: { url: LINK, minutes: 30 } }),
  );
}

/** The outbox page as a client at `peer` sees it, optionally with extra request headers. */
function openOutbox(peer: string | null, headers: Record<string, string> = {}) {
  const args = requestArgs("/dev/outbox", { headers });
  return answer(outboxLoader({ ...args, context: { peerAddress: peer, clientAddress: peer } }));
}

/** The local try-out as `npm start` runs it: production mode, embedded database, DEV_OUTBOX=1, loopback. */
function tryOut() {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("DEV_OUTBOX", "1");
  vi.stubEnv("SMTP_URL", "");
  vi.stubEnv("HOST", undefined);
  vi.stubEnv("TRUST_PROXY", undefined);
  // the test's own database stands in for the embedded one; the rule looks at DATABASE_URL separately below
  vi.stubEnv("DATABASE_URL", "");
  // start-up found the demo accounts
  noteDemoAccountsAtStart(3);
}

describe("the development outbox page", () => {
  test("shows the written emails with their links to a client on this machine in the try-out", async () => {
    await writeEmail("devpage@example.org");
    tryOut();
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const res = await openOutbox(peer);
      expect(res.status, peer).toBe(200);
      const { emails }: { emails: { to: string; subject: string | null; url: string | null }[] } = await res.json();
      const email = emails.find((e) => e.to === "devpage@example.org");
      expect(email?.subject).toBe("Reset your North Star password");
      expect(email?.url).toBe(LINK);
    }
  });

  test("an email not yet handled says it will be kept here, not that it waits to be sent, in either language", async () => {
    await writeEmail("pending@example.org");
    tryOut();
    const statusOf = async (headers: Record<string, string> = {}) => {
      const { emails }: { emails: { to: string; status: string }[] } = await (
        await openOutbox("127.0.0.1", headers)
      ).json();
      return emails.find((e) => e.to === "pending@example.org")!.status;
    };
    const row = await (await getPrisma()).outboxEmail.findFirstOrThrow({ where: { to: "pending@example.org" } });
    expect(row.status).toBe("PENDING");
    expect(await statusOf()).toBe(
      "Being kept here, not sent (no mail server): pass its link on to the person it is for",
    );
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    expect(await statusOf({ Cookie: spanish })).toBe(
      "Se guarda aquí, sin enviar (no hay servidor de correo): pasa su enlace a la persona a quien va dirigido",
    );
  });

  test("is a 404 to a client on another machine, whatever its headers claim", async () => {
    tryOut();
    for (const peer of ["192.168.1.20", "10.0.0.5", "2001:db8::1", null]) {
      expect((await openOutbox(peer)).status, String(peer)).toBe(404);
    }
    // headers never make a remote client local
    expect((await openOutbox("203.0.113.9", { "X-Forwarded-For": "127.0.0.1", "X-Real-IP": "127.0.0.1" })).status).toBe(
      404,
    );
    // a proxy on this machine connects from loopback on behalf of others: a forwarded request is refused
    expect((await openOutbox("127.0.0.1", { "X-Forwarded-For": "203.0.113.9" })).status).toBe(404);
    expect((await openOutbox("127.0.0.1", { Forwarded: "for=203.0.113.9" })).status).toBe(404);
  });

  test("is a 404 to a page of another site that rebinds its own name to this machine", async () => {
    tryOut();
    // DNS rebinding: a site's script reaches the loopback server under the site's own name, from loopback
    for (const host of ["attacker.example:3000", "127.0.0.1.nip.io", "192.0.2.2:3000"]) {
      const request = new Request(`http://${host}/dev/outbox`);
      const res = await answer(
        outboxLoader({ request, params: {}, context: { peerAddress: "127.0.0.1", clientAddress: "127.0.0.1" } }),
      );
      expect(res.status, host).toBe(404);
    }
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]) {
      const request = new Request(`http://${host}/dev/outbox`);
      const res = await answer(
        outboxLoader({ request, params: {}, context: { peerAddress: "127.0.0.1", clientAddress: "127.0.0.1" } }),
      );
      expect(res.status, host).toBe(200);
    }
  });

  test("is a 404 when a mail server is configured", async () => {
    tryOut();
    vi.stubEnv("SMTP_URL", "smtp://user:pass@mail.example.org:587");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
    vi.stubEnv("NODE_ENV", "development");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
  });

  test("is a 404 while the server listens beyond loopback or behind a proxy", async () => {
    tryOut();
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      vi.stubEnv("HOST", host);
      expect((await openOutbox("127.0.0.1")).status, host).toBe(404);
      // `npm run dev` too
      vi.stubEnv("NODE_ENV", "development");
      expect((await openOutbox("127.0.0.1")).status, host).toBe(404);
      vi.stubEnv("NODE_ENV", "production");
    }
    vi.stubEnv("HOST", "127.0.0.1");
    expect((await openOutbox("127.0.0.1")).status).toBe(200);
    vi.stubEnv("TRUST_PROXY", "1");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
  });

  test("in production mode only for the try-out on the embedded database, and never when DEV_OUTBOX=0", async () => {
    tryOut();
    vi.stubEnv("DEV_OUTBOX", undefined);
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
    // nothing links to it then
    expect((await (await answer(forgotLoader(requestArgs("/forgot-password?sent=1")))).json()).mail).toBe("NONE");
    vi.stubEnv("DEV_OUTBOX", "1");
    vi.stubEnv("DATABASE_URL", process.env.TEST_BASE_DATABASE_URL || "postgresql://app@db.internal:5432/northstar");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
    vi.stubEnv("DATABASE_URL", "");
    expect((await openOutbox("127.0.0.1")).status).toBe(200);
    expect((await (await answer(forgotLoader(requestArgs("/forgot-password?sent=1")))).json()).mail).toBe("OUTBOX");
    // an installation for real on the embedded database (no demo data): behind a proxy on this machine that adds
    // no forwarding header, every visitor would come from loopback
    vi.stubEnv("SEED_DEMO", "0");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
    expect((await (await answer(forgotLoader(requestArgs("/forgot-password?sent=1")))).json()).mail).toBe("NONE");
    vi.stubEnv("SEED_DEMO", "1");
    expect((await openOutbox("127.0.0.1")).status).toBe(200);
    // an installation for real whose first admin came before its first start: no demo account, no outbox,
    // whatever SEED_DEMO says
    vi.stubEnv("SEED_DEMO", undefined);
    noteDemoAccountsAtStart(0);
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
    expect((await (await answer(forgotLoader(requestArgs("/forgot-password?sent=1")))).json()).mail).toBe("NONE");
    noteDemoAccountsAtStart(3);
    expect((await openOutbox("127.0.0.1")).status).toBe(200);
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("DEV_OUTBOX", "0");
    expect((await openOutbox("127.0.0.1")).status).toBe(404);
  });
});
