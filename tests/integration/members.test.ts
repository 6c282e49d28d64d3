import { describe, expect, test } from "vitest";
import { createInvitation } from "~/models/invitation.server";
import { loader as orgLoader } from "~/routes/o.$org";
import { action as membersAction, loader as membersLoader } from "~/routes/o.$org.members";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

/** An organization with a lead and two members, each with a signed-in browser. */
async function team() {
  const org = await createOrganization();
  const lead = await createUser({ name: "Lead", memberships: [{ organizationId: org.id, role: "LEAD" }] });
  const ana = await createUser({ name: "Ana", memberships: [{ organizationId: org.id }] });
  const ben = await createUser({ name: "Ben", memberships: [{ organizationId: org.id }] });
  const prisma = await getPrisma();
  const membership = (userId: string) =>
    prisma.membership.findFirstOrThrow({ where: { userId, organizationId: org.id } });
  return {
    org,
    lead: { ...lead, ...(await sessionCookie(lead.id)), membership: await membership(lead.id) },
    ana: { ...ana, ...(await sessionCookie(ana.id)), membership: await membership(ana.id) },
    ben: { ...ben, ...(await sessionCookie(ben.id)), membership: await membership(ben.id) },
  };
}

function post(org: { slug: string }, cookie: string, form: Record<string, string>) {
  return answer(
    membersAction(requestArgs(`/o/${org.slug}/members`, { method: "POST", cookie, params: { org: org.slug }, form })),
  );
}

describe("members page", () => {
  test("members see names, roles and emails; only the lead sees pending invitations", async () => {
    const { org, lead, ana } = await team();
    await createInvitation({
      prisma: await getPrisma(),
      inviterId: lead.id,
      email: "pending@example.org",
      target: { organizationId: org.id, role: "MEMBER" },
      appUrl: "http://localhost",
      locale: "en",
    });
    const asMember = await (
      await answer(
        membersLoader(requestArgs(`/o/${org.slug}/members`, { cookie: ana.cookie, params: { org: org.slug } })),
      )
    ).json();
    expect(asMember.canManage).toBe(false);
    expect(asMember.members.map((m: { name: string }) => m.name)).toEqual(["Lead", "Ana", "Ben"]);
    expect(asMember.members[0]).toMatchObject({ role: "LEAD", email: lead.email });
    expect(asMember.invitations).toEqual([]);
    expect(JSON.stringify(asMember)).not.toContain("pending@example.org");
    // no user ids in the page data
    expect(JSON.stringify(asMember)).not.toContain(ana.id);

    const asLead = await (
      await answer(
        membersLoader(requestArgs(`/o/${org.slug}/members`, { cookie: lead.cookie, params: { org: org.slug } })),
      )
    ).json();
    expect(asLead.canManage).toBe(true);
    expect(asLead.invitations).toMatchObject([{ email: "pending@example.org", role: "MEMBER" }]);
  });

  test("someone from another organization gets 404", async () => {
    const { org } = await team();
    const other = await createOrganization();
    const stranger = await createUser({ memberships: [{ organizationId: other.id, role: "LEAD" }] });
    const { cookie } = await sessionCookie(stranger.id);
    expect(
      (await answer(membersLoader(requestArgs(`/o/${org.slug}/members`, { cookie, params: { org: org.slug } }))))
        .status,
    ).toBe(404);
    expect((await post(org, cookie, { intent: "invite", email: "x@example.org", role: "MEMBER" })).status).toBe(404);
  });
});

describe("removing and handing over", () => {
  test("the lead removes a member: the member's next request to the organization is a 404", async () => {
    const { org, lead, ana } = await team();
    expect(
      (await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie: ana.cookie, params: { org: org.slug } }))))
        .status,
    ).toBe(200);
    const res = await post(org, lead.cookie, { intent: "remove", membershipId: ana.membership.id, confirm: "yes" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}/members`);
    expect(
      (await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie: ana.cookie, params: { org: org.slug } }))))
        .status,
    ).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { id: ana.membership.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "member.removed", entityId: ana.membership.id },
    });
    expect(event).toMatchObject({ actorId: lead.id, organizationId: org.id, metadata: { role: "MEMBER" } });
    // the account itself stays
    expect(await prisma.user.count({ where: { id: ana.id } })).toBe(1);
  });

  test("the first post only asks: it names the member, changes nothing, and a bad confirmation is refused", async () => {
    const { org, lead, ana } = await team();
    const ask = await post(org, lead.cookie, { intent: "remove", membershipId: ana.membership.id });
    expect(ask.status).toBe(200);
    expect((await ask.json()).confirm).toEqual({ membershipId: ana.membership.id, name: "Ana", email: ana.email });
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { id: ana.membership.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "member.removed", entityId: ana.membership.id } })).toBe(0);
    const wrong = await post(org, lead.cookie, { intent: "remove", membershipId: ana.membership.id, confirm: "maybe" });
    expect(wrong.status).toBe(400);
    expect(await prisma.membership.count({ where: { id: ana.membership.id } })).toBe(1);
    // another organization's member is a 404 already at the question
    const other = await team();
    expect((await post(org, lead.cookie, { intent: "remove", membershipId: other.ana.membership.id })).status).toBe(
      404,
    );
  });

  test("the last lead cannot be removed", async () => {
    const { org, lead } = await team();
    const res = await post(org, lead.cookie, { intent: "remove", membershipId: lead.membership.id, confirm: "yes" });
    expect(res.status).toBe(409);
    expect((await res.json()).result.error[""]).toEqual(["org:members.errors.lastLead"]);
    expect(await (await getPrisma()).membership.count({ where: { id: lead.membership.id, role: "LEAD" } })).toBe(1);
  });

  test("handing over swaps the roles in one step", async () => {
    const { org, lead, ana } = await team();
    const res = await post(org, lead.cookie, { intent: "handOver", membershipId: ana.membership.id });
    expect(res.status).toBe(302);
    const prisma = await getPrisma();
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: ana.membership.id } })).role).toBe("LEAD");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: lead.membership.id } })).role).toBe("MEMBER");
    expect(await prisma.auditEvent.count({ where: { action: "member.role_changed", organizationId: org.id } })).toBe(2);
    // the former lead can no longer manage members
    expect((await post(org, lead.cookie, { intent: "remove", membershipId: ana.membership.id })).status).toBe(404);
    // handing over to yourself is refused
    const self = await post(org, ana.cookie, { intent: "handOver", membershipId: ana.membership.id });
    expect(self.status).toBe(400);
    expect((await self.json()).result.error[""]).toEqual(["org:members.errors.handOverSelf"]);
  });

  test("a membership or invitation id from another organization answers 404 and nothing changes", async () => {
    const { org, lead } = await team();
    const other = await team();
    const invitation = await createInvitation({
      prisma: await getPrisma(),
      inviterId: other.lead.id,
      email: "elsewhere@example.org",
      target: { organizationId: other.org.id, role: "MEMBER" },
      appUrl: "http://localhost",
      locale: "en",
    });
    const forms: Record<string, string>[] = [
      { intent: "remove", membershipId: other.ana.membership.id },
      { intent: "remove", membershipId: other.ana.membership.id, confirm: "yes" },
      { intent: "handOver", membershipId: other.ana.membership.id },
      { intent: "remove", membershipId: "not-an-id" },
      { intent: "revoke", invitationId: invitation.ok ? invitation.value.invitationId : "" },
    ];
    for (const form of forms) {
      expect((await post(org, lead.cookie, form)).status, JSON.stringify(form)).toBe(404);
    }
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { organizationId: other.org.id } })).toBe(3);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: other.ana.membership.id } })).role).toBe("MEMBER");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: lead.membership.id } })).role).toBe("LEAD");
    expect(await prisma.invitation.count({ where: { email: "elsewhere@example.org", revokedAt: null } })).toBe(1);
  });

  test("a member who is not the lead gets 404 for every intent, and nothing changes", async () => {
    const { org, lead, ana, ben } = await team();
    const forms: Record<string, string>[] = [
      { intent: "invite", email: "friend@example.org", role: "MEMBER" },
      { intent: "remove", membershipId: ben.membership.id },
      { intent: "remove", membershipId: ben.membership.id, confirm: "yes" },
      { intent: "remove", membershipId: lead.membership.id },
      { intent: "handOver", membershipId: ana.membership.id },
      { intent: "revoke", invitationId: "anything" },
      { intent: "nonsense" },
    ];
    for (const form of forms) {
      expect((await post(org, ana.cookie, form)).status, JSON.stringify(form)).toBe(404);
    }
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { organizationId: org.id } })).toBe(3);
    expect(await prisma.invitation.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("the lead withdraws an invitation and its link stops working", async () => {
    const { org, lead } = await team();
    const sent = await createInvitation({
      prisma: await getPrisma(),
      inviterId: lead.id,
      email: "maybe@example.org",
      target: { organizationId: org.id, role: "MEMBER" },
      appUrl: "http://localhost",
      locale: "en",
    });
    if (!sent.ok) throw new Error("invitation not sent");
    expect((await post(org, lead.cookie, { intent: "revoke", invitationId: sent.value.invitationId })).status).toBe(
      302,
    );
    const prisma = await getPrisma();
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: sent.value.invitationId } })).revokedAt,
    ).not.toBeNull();
    expect(
      await prisma.auditEvent.count({ where: { action: "invitation.revoked", entityId: sent.value.invitationId } }),
    ).toBe(1);
    // twice is a 404: nothing open by that id any more
    expect((await post(org, lead.cookie, { intent: "revoke", invitationId: sent.value.invitationId })).status).toBe(
      404,
    );
  });

  test("the invitation email is in the language of the inviter's page, unless the invitee's account has its own", async () => {
    const { org, lead } = await team();
    const prisma = await getPrisma();
    await prisma.user.update({ where: { id: lead.id }, data: { locale: "es" } });
    const onPage = async (lng: "en" | "es") => `${lead.cookie}; ${(await localeCookie.serialize(lng)).split(";")[0]}`;
    const emailLocale = async (cookie: string, email: string) => {
      expect((await post(org, cookie, { intent: "invite", email, role: "MEMBER" })).status).toBe(302);
      return (await prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: "invitation" } })).locale;
    };
    // the lead's own language is Spanish, but the page they invite from is in English
    expect(await emailLocale(await onPage("en"), "new-en@example.org")).toBe("en");
    // no choice on the page: it opens in the lead's language, and so does the email
    expect(await emailLocale(lead.cookie, "new-es@example.org")).toBe("es");
    await prisma.user.update({ where: { id: lead.id }, data: { locale: "en" } });
    expect(await emailLocale(await onPage("es"), "nuevo@example.org")).toBe("es");
    // someone who already signs in reads their own language, whatever the inviter's page
    await createUser({ email: "has-account@example.org", locale: "es" });
    expect(await emailLocale(await onPage("en"), "has-account@example.org")).toBe("es");
    // an account nobody has signed in with (no password) chose no language: the page's
    await prisma.user.create({ data: { email: "no-password@example.org", name: "Nadie", locale: "en" } });
    expect(await emailLocale(await onPage("es"), "no-password@example.org")).toBe("es");
  });
});
