import { afterEach, describe, expect, test, vi } from "vitest";
import { createInvitation } from "~/models/invitation.server";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite.$token";
import { action as orgAdminAction } from "~/routes/movement.admin.organizations_.$orgId";
import { action as organizationsAction } from "~/routes/movement.admin.organizations";
import { action as peopleAction } from "~/routes/movement.admin.people";
import { loader as orgLoader } from "~/routes/o.$org";
import { action as membersAction } from "~/routes/o.$org.members";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { verifyPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/session.server";
import { DEMO_PASSWORD } from "../../demo/seed";
import { TEST_PASSWORD, answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

const NEW_PASSWORD = "river stones and morning coffee";

/** The token in the newest invitation email to this address, as the invitee would click it. */
async function tokenFor(email: string) {
  const prisma = await getPrisma();
  const row = await prisma.outboxEmail.findFirstOrThrow({
    where: { to: email, template: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  const url = (row.payload as { url: string }).url;
  return url.slice(url.lastIndexOf("/") + 1);
}

async function invite(
  email: string,
  target: { organizationId: string; role: "LEAD" | "MEMBER" } | { coalitionRole: "STAFF" | "ADMIN" },
) {
  const inviter = await createUser({ coalitionRole: "ADMIN", name: "Rosa Admin" });
  const sent = await createInvitation({
    prisma: await getPrisma(),
    inviterId: inviter.id,
    email,
    target,
    appUrl: "http://localhost",
    locale: "en",
  });
  expect(sent.ok).toBe(true);
  return tokenFor(email);
}

function accept(token: string, form: Record<string, string>, cookie?: string) {
  return answer(inviteAction(requestArgs(`/invite/${token}`, { method: "POST", form, params: { token }, cookie })));
}

const newAccount = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  name: "Lucía Pérez",
  password: NEW_PASSWORD,
  confirm: NEW_PASSWORD,
  ...overrides,
});

describe("inviting", () => {
  test("an admin creates an organization and invites its lead: an email with the link, an audit event, a hashed token", async () => {
    const admin = await createUser({ coalitionRole: "ADMIN", name: "Rosa Admin" });
    const { cookie } = await sessionCookie(admin.id);
    const prisma = await getPrisma();
    const freedom = await prisma.freedom.findFirstOrThrow({ where: { archivedAt: null } });
    const created = await answer(
      organizationsAction(
        requestArgs("/movement/admin/organizations", {
          method: "POST",
          cookie,
          form: {
            name: "Casa de la Esperanza",
            region: "TX",
            sizeBand: "SMALL",
            impactedLed: "on",
            languages: "en, es, mam",
            focusFreedomIds: freedom.id,
          },
        }),
      ),
    );
    expect(created.status).toBe(302);
    const org = await prisma.organization.findUniqueOrThrow({
      where: { slug: "casa-de-la-esperanza" },
      include: { focusFreedoms: true },
    });
    expect(created.headers.get("Location")).toBe(`/movement/admin/organizations/${org.id}`);
    expect(org).toMatchObject({ region: "TX", sizeBand: "SMALL", impactedLed: true, languages: ["en", "es", "mam"] });
    expect(org.focusFreedoms.map((f) => f.freedomId)).toEqual([freedom.id]);

    const sent = await answer(
      orgAdminAction(
        requestArgs(`/movement/admin/organizations/${org.id}`, {
          method: "POST",
          cookie,
          params: { orgId: org.id },
          form: { intent: "invite", role: "LEAD", email: "Lead@Example.org" },
        }),
      ),
    );
    expect(sent.status).toBe(302);
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "lead@example.org" } });
    expect(email.template).toBe("invitation");
    const payload = email.payload as Record<string, string>;
    expect(payload.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(payload.url.startsWith(readEnv().APP_URL.replace(/\/+$/, ""))).toBe(true);
    expect(payload).toMatchObject({ organization: "Casa de la Esperanza", role: "LEAD", inviter: "Rosa Admin" });

    const token = payload.url.slice(-43);
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: "lead@example.org" } });
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation).toMatchObject({
      organizationId: org.id,
      membershipRole: "LEAD",
      coalitionRole: null,
      acceptedAt: null,
    });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "invitation.sent", entityId: invitation.id },
    });
    expect(event).toMatchObject({
      actorId: admin.id,
      organizationId: org.id,
      entityType: "Invitation",
      metadata: { role: "LEAD" },
    });
    expect(JSON.stringify(event.metadata)).not.toContain("lead@example.org");
  });

  test("a lead invites a member; a second invitation to the same address replaces the first", async () => {
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const { cookie } = await sessionCookie(lead.id);
    const post = () =>
      answer(
        membersAction(
          requestArgs(`/o/${org.slug}/members`, {
            method: "POST",
            cookie,
            params: { org: org.slug },
            form: { intent: "invite", email: "new@example.org", role: "MEMBER" },
          }),
        ),
      );
    expect((await post()).status).toBe(302);
    const first = await tokenFor("new@example.org");
    expect((await post()).status).toBe(302);
    const prisma = await getPrisma();
    const rows = await prisma.invitation.findMany({
      where: { email: "new@example.org" },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0].revokedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({
      organizationId: org.id,
      membershipRole: "MEMBER",
      revokedAt: null,
      invitedById: lead.id,
    });
    expect((await answer(inviteLoader(requestArgs(`/invite/${first}`, { params: { token: first } })))).status).toBe(
      410,
    );
  });

  test("a member who is not the lead cannot invite: 404, and nothing is sent", async () => {
    const org = await createOrganization();
    const member = await createUser({ memberships: [{ organizationId: org.id, role: "MEMBER" }] });
    const { cookie } = await sessionCookie(member.id);
    const res = await answer(
      membersAction(
        requestArgs(`/o/${org.slug}/members`, {
          method: "POST",
          cookie,
          params: { org: org.slug },
          form: { intent: "invite", email: "x@example.org", role: "LEAD" },
        }),
      ),
    );
    expect(res.status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.invitation.count({ where: { email: "x@example.org" } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { to: "x@example.org" } })).toBe(0);
  });

  test("inviting someone who is already a member, or a malformed email, is a translated field error", async () => {
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    await createUser({ email: "already@example.org", memberships: [{ organizationId: org.id }] });
    const { cookie } = await sessionCookie(lead.id);
    const post = (form: Record<string, string>) =>
      answer(
        membersAction(
          requestArgs(`/o/${org.slug}/members`, { method: "POST", cookie, params: { org: org.slug }, form }),
        ),
      );
    const dup = await post({ intent: "invite", email: "Already@example.org", role: "MEMBER" });
    expect(dup.status).toBe(400);
    expect((await dup.json()).result.error?.email).toEqual(["invite:errors.alreadyMember"]);
    const bad = await post({ intent: "invite", email: "not an email", role: "BOSS" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error).toMatchObject({
      email: ["validation.emailInvalid"],
      role: ["validation.invalidChoice"],
    });
    const long = await post({ intent: "invite", email: `${"a".repeat(250)}@example.org`, role: "MEMBER" });
    expect((await long.json()).result.error?.email).toEqual(["validation.tooLong"]);
    expect(await (await getPrisma()).invitation.count({ where: { organizationId: org.id } })).toBe(0);
  });
});

describe("accepting", () => {
  test("a new person sets a name and password, is signed in with a new session, and is a member; the link works once", async () => {
    const org = await createOrganization();
    const token = await invite("lucia@example.org", { organizationId: org.id, role: "LEAD" });
    const page = await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })));
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data).toMatchObject({
      email: "lucia@example.org",
      role: "LEAD",
      organization: org.name,
      inviter: "Rosa Admin",
      mode: "create",
    });

    const res = await accept(token, newAccount());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}`);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/north-star-session=/);
    expect(setCookie).toMatch(/north-star-toast=/);

    const prisma = await getPrisma();
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "lucia@example.org" },
      include: { password: true, memberships: true },
    });
    expect(user.name).toBe("Lucía Pérez");
    expect(await verifyPassword(user.password!.hash, NEW_PASSWORD)).toBe(true);
    expect(user.memberships).toMatchObject([{ organizationId: org.id, role: "LEAD" }]);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(
      await prisma.auditEvent.count({
        where: { action: "invitation.accepted", actorId: user.id, organizationId: org.id },
      }),
    ).toBe(1);

    // the new session opens the organization
    const cookie = setCookie.match(/north-star-session=[^;]+/)![0];
    expect((await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))).status).toBe(
      200,
    );

    // single use
    expect((await accept(token, newAccount({ name: "Someone Else" }))).status).toBe(410);
    expect((await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).status).toBe(410);
    expect(await prisma.user.count({ where: { email: "lucia@example.org" } })).toBe(1);
  });

  test("an expired link is refused and creates nothing", async () => {
    const org = await createOrganization();
    const token = await invite("late@example.org", { organizationId: org.id, role: "MEMBER" });
    const prisma = await getPrisma();
    await prisma.invitation.updateMany({
      where: { email: "late@example.org" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).status).toBe(410);
    expect((await accept(token, newAccount())).status).toBe(410);
    expect(await prisma.user.count({ where: { email: "late@example.org" } })).toBe(0);
  });

  test("malformed and unknown tokens answer 404, never 500", async () => {
    for (const token of ["short", "x".repeat(43), "%00%00", "a".repeat(500)]) {
      expect(
        (await answer(inviteLoader(requestArgs(`/invite/${encodeURIComponent(token)}`, { params: { token } })))).status,
      ).toBe(404);
      expect((await accept(token, newAccount())).status).toBe(404);
    }
    expect((await answer(inviteLoader(requestArgs("/invite/", { params: {} })))).status).toBe(404);
  });

  test("weak, common, mismatched passwords and over-long names are translated field errors and create nothing", async () => {
    const org = await createOrganization();
    const token = await invite("weak@example.org", { organizationId: org.id, role: "MEMBER" });
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [newAccount({ password: "short", confirm: "short" }), { password: ["validation.passwordTooShort"] }],
      [newAccount({ password: "password1234", confirm: "password1234" }), { password: ["validation.passwordCommon"] }],
      // the demo's published password: an account of one's own with it would pass the guard against demo accounts
      [newAccount({ password: DEMO_PASSWORD, confirm: DEMO_PASSWORD }), { password: ["validation.passwordPublished"] }],
      [
        newAccount({ password: "x".repeat(129), confirm: "x".repeat(129) }),
        { password: ["validation.passwordTooLong"] },
      ],
      [newAccount({ confirm: "something else entirely" }), { confirm: ["validation.passwordsDiffer"] }],
      [
        newAccount({ password: "weak-and-long-enough", confirm: "weak-and-long-enough" }),
        { password: ["validation.passwordContainsEmail"] },
      ],
      [newAccount({ name: "n".repeat(101) }), { name: ["validation.tooLong"] }],
      [newAccount({ name: "" }), { name: ["validation.required"] }],
      [{ intent: "hack" }, { intent: ["validation.invalidChoice"] }],
    ];
    for (const [form, errors] of cases) {
      const res = await accept(token, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const body = await res.json();
      expect(body.error).toMatchObject(errors);
      expect(JSON.stringify(body)).not.toContain(form.password ?? "never");
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
    const prisma = await getPrisma();
    expect(await prisma.user.count({ where: { email: "weak@example.org" } })).toBe(0);
    expect((await prisma.invitation.findFirstOrThrow({ where: { email: "weak@example.org" } })).acceptedAt).toBeNull();
  });

  test("an existing account proves itself with its current password and gains the membership", async () => {
    const home = await createOrganization();
    const other = await createOrganization();
    const person = await createUser({ email: "both@example.org", memberships: [{ organizationId: home.id }] });
    const token = await invite("both@example.org", { organizationId: other.id, role: "MEMBER" });
    const page = await (await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).json();
    expect(page.mode).toBe("join");

    const wrong = await accept(token, { intent: "join", password: "not my password at all" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.password).toEqual(["invite:errors.wrongPassword"]);
    const creating = await accept(token, newAccount());
    expect(creating.status).toBe(400);
    expect((await creating.json()).error[""]).toEqual(["invite:errors.accountExists"]);

    const res = await accept(token, { intent: "join", password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/orgs");
    const prisma = await getPrisma();
    const memberships = await prisma.membership.findMany({
      where: { userId: person.id },
      orderBy: { organizationId: "asc" },
    });
    expect(memberships.map((m) => m.organizationId).sort()).toEqual([home.id, other.id].sort());
    // the name and password stay as they were
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Test Person");
  });

  test("someone signed in as the invited account accepts without typing the password again", async () => {
    const org = await createOrganization();
    const person = await createUser({ email: "signed@example.org" });
    const { cookie, sessionId } = await sessionCookie(person.id);
    const token = await invite("signed@example.org", { organizationId: org.id, role: "MEMBER" });
    const page = await (
      await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token }, cookie })))
    ).json();
    expect(page.mode).toBe("confirm");
    const res = await accept(token, { intent: "join" }, cookie);
    expect(res.status).toBe(302);
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { userId: person.id, organizationId: org.id } })).toBe(1);
    // a new session replaces the old one
    expect(await prisma.session.count({ where: { id: sessionId } })).toBe(0);
  });

  test("an accepted LEAD invitation to an organization with a lead makes two leads", async () => {
    const org = await createOrganization();
    await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const token = await invite("second@example.org", { organizationId: org.id, role: "LEAD" });
    expect((await accept(token, newAccount())).status).toBe(302);
    expect(await (await getPrisma()).membership.count({ where: { organizationId: org.id, role: "LEAD" } })).toBe(2);
  });

  test("a coalition staff invitation gives the STAFF role and lands on the movement pages", async () => {
    const admin = await createUser({ coalitionRole: "ADMIN" });
    const { cookie } = await sessionCookie(admin.id);
    const sent = await answer(
      peopleAction(
        requestArgs("/movement/admin/people", {
          method: "POST",
          cookie,
          form: { intent: "invite", email: "staff@example.org", role: "STAFF" },
        }),
      ),
    );
    expect(sent.status).toBe(302);
    const prisma = await getPrisma();
    expect(await prisma.invitation.findFirstOrThrow({ where: { email: "staff@example.org" } })).toMatchObject({
      coalitionRole: "STAFF",
      organizationId: null,
    });
    const token = await tokenFor("staff@example.org");
    const res = await accept(token, newAccount());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/movement");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "staff@example.org" },
      include: { memberships: true },
    });
    expect(user.coalitionRole).toBe("STAFF");
    expect(user.memberships).toEqual([]);
  });

  test("an invitation to an archived organization no longer works", async () => {
    const org = await createOrganization();
    const token = await invite("arch@example.org", { organizationId: org.id, role: "MEMBER" });
    await (await getPrisma()).organization.update({ where: { id: org.id }, data: { archivedAt: new Date() } });
    expect((await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })))).status).toBe(410);
    expect((await accept(token, newAccount())).status).toBe(410);
  });
});

describe("coalition staff and admins are not members of organizations", () => {
  test("an admin invited to lead an organization is refused, at the invitation and at the link", async () => {
    const org = await createOrganization();
    const admin = await createUser({ coalitionRole: "ADMIN", email: "second-admin@example.org" });
    const inviter = await createUser({ coalitionRole: "ADMIN" });
    const post = await answer(
      orgAdminAction(
        requestArgs(`/movement/admin/organizations/${org.id}`, {
          method: "POST",
          cookie: (await sessionCookie(inviter.id)).cookie,
          params: { orgId: org.id },
          form: { intent: "invite", email: admin.email, role: "LEAD" },
        }),
      ),
    );
    expect(post.status).toBe(400);
    expect((await post.json()).result.error?.email).toEqual(["invite:errors.coalitionAccount"]);
    const prisma = await getPrisma();
    expect(await prisma.invitation.count({ where: { email: admin.email } })).toBe(0);

    // an invitation made before the account joined the coalition team is refused at the link
    const person = await createUser({ email: "became-staff@example.org" });
    const token = await invite(person.email, { organizationId: org.id, role: "LEAD" });
    await prisma.user.update({ where: { id: person.id }, data: { coalitionRole: "STAFF" } });
    const accepted = await accept(token, { intent: "join", password: TEST_PASSWORD });
    expect(accepted.status).toBe(400);
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(0);
  });

  test("two invitations accepted at once, one to the team and one to an organization, make the account one of them", async () => {
    const org = await createOrganization();
    const person = await createUser({ email: "both-at-once@example.org" });
    const toTeam = await invite(person.email, { coalitionRole: "STAFF" });
    const toOrg = await invite(person.email, { organizationId: org.id, role: "MEMBER" });
    const answers = await Promise.all([
      accept(toTeam, { intent: "join", password: TEST_PASSWORD }),
      accept(toOrg, { intent: "join", password: TEST_PASSWORD }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
    const prisma = await getPrisma();
    const account = await prisma.user.findUniqueOrThrow({
      where: { id: person.id },
      select: { coalitionRole: true, _count: { select: { memberships: true } } },
    });
    expect(account.coalitionRole !== "NONE" && account._count.memberships > 0).toBe(false);
  });

  test("a member of an organization is not invited to the coalition team, nor made staff", async () => {
    const org = await createOrganization();
    const member = await createUser({ email: "org-member@example.org", memberships: [{ organizationId: org.id }] });
    const admin = await createUser({ coalitionRole: "ADMIN" });
    const cookie = (await sessionCookie(admin.id)).cookie;
    const invited = await answer(
      peopleAction(
        requestArgs("/movement/admin/people", {
          method: "POST",
          cookie,
          form: { intent: "invite", email: member.email, role: "STAFF" },
        }),
      ),
    );
    expect(invited.status).toBe(400);
    expect((await invited.json()).result.error?.email).toEqual(["invite:errors.organizationAccount"]);
    const raised = await answer(
      peopleAction(
        requestArgs("/movement/admin/people", {
          method: "POST",
          cookie,
          form: { intent: "role", userId: member.id, role: "ADMIN" },
        }),
      ),
    );
    expect(raised.status).toBe(400);
    expect((await raised.json()).result.error[""]).toEqual(["admin:people.errors.hasMemberships"]);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).coalitionRole).toBe("NONE");
  });
});

describe("a server that sends no email", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  /** Production without SMTP_URL: no email reaches anyone and no outbox page shows one. */
  function noEmail() {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DEV_OUTBOX", "0");
  }

  test("each page that invites answers with the link, once, for the inviter to pass on; the link works", async () => {
    noEmail();
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const admin = await createUser({ coalitionRole: "ADMIN" });
    const leadCookie = (await sessionCookie(lead.id)).cookie;
    const adminCookie = (await sessionCookie(admin.id)).cookie;
    const posts = [
      {
        email: "link-member@example.org",
        send: () =>
          membersAction(
            requestArgs(`/o/${org.slug}/members`, {
              method: "POST",
              cookie: leadCookie,
              params: { org: org.slug },
              form: { intent: "invite", email: "link-member@example.org", role: "MEMBER" },
            }),
          ),
      },
      {
        email: "link-staff@example.org",
        send: () =>
          peopleAction(
            requestArgs("/movement/admin/people", {
              method: "POST",
              cookie: adminCookie,
              form: { intent: "invite", email: "link-staff@example.org", role: "STAFF" },
            }),
          ),
      },
      {
        email: "link-lead@example.org",
        send: () =>
          orgAdminAction(
            requestArgs(`/movement/admin/organizations/${org.id}`, {
              method: "POST",
              cookie: adminCookie,
              params: { orgId: org.id },
              form: { intent: "invite", email: "link-lead@example.org", role: "LEAD" },
            }),
          ),
      },
    ];
    for (const { email, send } of posts) {
      const res = await answer(send());
      expect(res.status, email).toBe(200);
      // no toast cookie carries it
      expect(res.headers.get("Set-Cookie") ?? "", email).not.toContain("invite");
      const body = (await res.json()) as { inviteLink: { email: string; url: string } | null };
      expect(body.inviteLink?.email, email).toBe(email);
      // the same link the (undelivered) email holds, which opens the invitation
      const token = await tokenFor(email);
      expect(body.inviteLink?.url, email).toBe(`${readEnv().APP_URL.replace(/\/+$/, "")}/invite/${token}`);
      const opened = await answer(inviteLoader(requestArgs(`/invite/${token}`, { params: { token } })));
      expect(opened.status, email).toBe(200);
    }
  });

  test("with email delivered the inviter gets a toast and never the link", async () => {
    noEmail();
    vi.stubEnv("SMTP_URL", "smtp://mail.example.org:587");
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const res = await answer(
      membersAction(
        requestArgs(`/o/${org.slug}/members`, {
          method: "POST",
          cookie: (await sessionCookie(lead.id)).cookie,
          params: { org: org.slug },
          form: { intent: "invite", email: "mailed@example.org", role: "MEMBER" },
        }),
      ),
    );
    expect(res.status).toBe(302);
    const token = await tokenFor("mailed@example.org");
    expect(await res.text()).not.toContain(token);
    expect(res.headers.get("Set-Cookie") ?? "").not.toContain(token);
  });
});
