// Limits on password checks and reset requests, under concurrency, by email, by client address and site-wide.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createInvitation } from "~/models/invitation.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as inviteAction } from "~/routes/invite.$token";
import { action as loginAction } from "~/routes/login";
import { getPrisma } from "~/utils/db.server";
import { passwordChecks } from "~/utils/password.server";
import {
  answer,
  createOrganization,
  createUser,
  requestArgs,
  TEST_PASSWORD,
  translated,
  withinOneMinute,
} from "../factories";

// every test starts with no attempts counted, whatever the tests before it tried this minute
beforeEach(async () => {
  await (await getPrisma()).rateLimit.deleteMany();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

type From = { address?: string; headers?: Record<string, string>; cookie?: string };

/** A form post as the HTTP server hands it over: the client's address comes in the load context. */
function post(
  path: string,
  form: Record<string, string>,
  { address = "192.0.2.1", headers, cookie }: From = {},
  params: Record<string, string> = {},
) {
  return {
    ...requestArgs(path, { method: "POST", form, headers, cookie, params }),
    context: { clientAddress: address, peerAddress: address },
  };
}

const signIn = (email: string, password: string, from?: From) =>
  answer(loginAction(post("/login", { email, password }, from)));
const askForLink = (email: string, from?: From) => answer(forgotAction(post("/forgot-password", { email }, from)));

async function expectTooMany(res: Response, message: string) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("Retry-After"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await res.json()).error).toEqual({ "": [translated(message)] });
  expect(res.headers.get("Set-Cookie")).toBeNull();
}

describe("one email", () => {
  test("100 simultaneous wrong passwords: at most 10 reach the password check, the rest answer 429", async () => {
    const user = await createUser({ email: "target@example.org" });
    await withinOneMinute();
    const before = passwordChecks();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signIn("target@example.org", `guess number ${i}`, { address: `198.51.100.${i}` }),
      ),
    );
    expect(passwordChecks() - before).toBeLessThanOrEqual(10);
    expect(answers.filter((r) => r.status === 400).length).toBeLessThanOrEqual(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(90);
    await expectTooMany(refused[0], "auth:login.tooMany");
    const prisma = await getPrisma();
    expect(
      await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: user.id } }),
    ).toBeLessThanOrEqual(10);
    // the right password waits for the window to end as well
    expect((await signIn("target@example.org", TEST_PASSWORD)).status).toBe(429);
  });

  test("an existing account's password on an invitation is limited the same way", async () => {
    const org = await createOrganization();
    await createUser({ email: "invited@example.org" });
    const inviter = await createUser({ coalitionRole: "ADMIN" });
    const prisma = await getPrisma();
    await createInvitation({
      prisma,
      inviterId: inviter.id,
      email: "invited@example.org",
      target: { organizationId: org.id, role: "MEMBER" },
      appUrl: "http://localhost",
      locale: "en",
    });
    const row = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: "invited@example.org", template: "invitation" },
    });
    const token = String((row.payload as { url: string }).url.split("/").pop());
    await withinOneMinute();
    const before = passwordChecks();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        answer(
          inviteAction(
            post(
              `/invite/${token}`,
              { intent: "join", password: `guess number ${i}` },
              { address: `198.51.100.${i}` },
              { token },
            ),
          ),
        ),
      ),
    );
    expect(passwordChecks() - before).toBeLessThanOrEqual(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    await expectTooMany(refused[0], "auth:login.tooMany");
    expect(await prisma.membership.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("30 simultaneous reset requests for one email send at most 10 emails", async () => {
    await createUser({ email: "flooded@example.org" });
    await withinOneMinute();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => askForLink("flooded@example.org", { address: `198.51.100.${i}` })),
    );
    expect(answers.filter((r) => r.status === 302).length).toBeLessThanOrEqual(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    await expectTooMany(refused[0], "auth:forgot.tooMany");
    expect(await (await getPrisma()).outboxEmail.count({ where: { to: "flooded@example.org" } })).toBeLessThanOrEqual(
      10,
    );
  });
});

describe("one client", () => {
  test("one password sprayed across many emails from one address: 10 checks, then 429 whatever X-Forwarded-For says", async () => {
    await createUser({ email: "owner@example.org" });
    await withinOneMinute();
    const before = passwordChecks();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(`person${i}@example.org`, "Summer2026!", {
          address: "203.0.113.9",
          headers: { "X-Forwarded-For": `10.0.${i}.1`, "X-Real-IP": `10.1.${i}.1` },
        }),
      ),
    );
    expect(passwordChecks() - before).toBeLessThanOrEqual(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    await expectTooMany(refused[0], "auth:login.tooMany");
    // the address is refused even for the right password; another address is not affected
    expect((await signIn("owner@example.org", TEST_PASSWORD, { address: "203.0.113.9" })).status).toBe(429);
    expect((await signIn("owner@example.org", TEST_PASSWORD, { address: "203.0.113.10" })).status).toBe(302);
  });

  test("a successful sign-in gives back only its own attempt: it cannot buy more guesses", async () => {
    await createUser({ email: "mine@example.org" });
    await withinOneMinute();
    const from = { address: "203.0.113.20" };
    for (let i = 0; i < 10; i++) {
      expect((await signIn("mine@example.org", TEST_PASSWORD, from)).status).toBe(302);
      expect((await signIn(`victim${i}@example.org`, "wrong password!", from)).status).toBe(400);
    }
    await expectTooMany(await signIn("victim10@example.org", "wrong password!", from), "auth:login.tooMany");
  });

  test("the addresses of one IPv6 /64 share a limit; IPv4 written as IPv6 counts as the IPv4 address", async () => {
    await withinOneMinute();
    for (let i = 0; i < 10; i++)
      expect(
        (await signIn(`v6-${i}@example.org`, "wrong password!", { address: `2001:db8:1:2::${i + 1}` })).status,
      ).toBe(400);
    expect(
      (await signIn("v6-x@example.org", "wrong password!", { address: "2001:db8:1:2:ffff:ffff:ffff:fff0" })).status,
    ).toBe(429);
    expect((await signIn("v6-y@example.org", "wrong password!", { address: "2001:db8:1:3::1" })).status).toBe(400);

    for (let i = 0; i < 10; i++)
      expect((await askForLink(`v4-${i}@example.org`, { address: "203.0.113.77" })).status).toBe(302);
    expect((await askForLink("v4-x@example.org", { address: "::ffff:203.0.113.77" })).status).toBe(429);
  });
});

describe("the whole site", () => {
  test("past the ceiling of failures a minute, only a browser that signed in to the account before may try", async () => {
    vi.stubEnv("FAILED_SIGN_INS_PER_MINUTE", "5");
    await createUser({ email: "regular@example.org" });
    await withinOneMinute();
    // the person signed in on this browser earlier: it carries the device cookie
    const earlier = await signIn("regular@example.org", TEST_PASSWORD, { address: "192.0.2.50" });
    expect(earlier.status).toBe(302);
    const device = earlier.headers.getSetCookie().find((c) => c.startsWith("north-star-device="));
    expect(device).toBeDefined();

    // a spray from many addresses, each well under its own limit
    for (let i = 0; i < 5; i++)
      expect((await signIn(`sprayed${i}@example.org`, "Summer2026!", { address: `198.51.100.${i}` })).status).toBe(400);
    const before = passwordChecks();
    await expectTooMany(
      await signIn("sprayed9@example.org", "Summer2026!", { address: "198.51.100.9" }),
      "auth:login.busy",
    );
    const newcomer = await signIn("regular@example.org", TEST_PASSWORD, { address: "192.0.2.51" });
    await expectTooMany(newcomer, "auth:login.busy");
    expect(passwordChecks()).toBe(before);

    const regular = await signIn("regular@example.org", TEST_PASSWORD, {
      address: "192.0.2.51",
      cookie: device?.split(";")[0],
    });
    expect(regular.status).toBe(302);
    // the cookie is for that account only
    await expectTooMany(
      await signIn("sprayed1@example.org", "Summer2026!", { address: "192.0.2.51", cookie: device?.split(";")[0] }),
      "auth:login.busy",
    );
    // reset requests have their own ceiling of requests a minute
    for (let i = 0; i < 5; i++)
      expect((await askForLink(`reset${i}@example.org`, { address: `198.51.100.${i}` })).status).toBe(302);
    await expectTooMany(await askForLink("reset9@example.org", { address: "198.51.100.9" }), "auth:forgot.tooMany");
  });
});
