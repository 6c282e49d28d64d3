import { describe, expect, test, vi } from "vitest";
import { loader as accountLoader } from "~/routes/account";
import { action as inviteAction } from "~/routes/invite.$token";
import { loader as auditLoader } from "~/routes/movement.admin.audit";
import { action as orgAdminAction, loader as orgAdminLoader } from "~/routes/movement.admin.organizations_.$orgId";
import { action as organizationsAction, loader as organizationsLoader } from "~/routes/movement.admin.organizations";
import { action as peopleAction, loader as peopleLoader } from "~/routes/movement.admin.people";
import { loader as orgLoader } from "~/routes/o.$org";
import { loader as newPracticeLoader } from "~/routes/o.$org.practices.new";
import { dayIn } from "~/utils/time-zone";
import { getPrisma } from "~/utils/db.server";
import { fixedT, localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

async function admin() {
  const user = await createUser({ coalitionRole: "ADMIN", name: "Admin" });
  return { ...user, ...(await sessionCookie(user.id)) };
}

const orgForm = (overrides: Record<string, string> = {}) => ({
  name: "Fuerza del Valle",
  region: "CA",
  sizeBand: "MEDIUM",
  languages: "en, es",
  ...overrides,
});

function createOrg(cookie: string, form: Record<string, string>) {
  return answer(organizationsAction(requestArgs("/movement/admin/organizations", { method: "POST", cookie, form })));
}

function postOrg(cookie: string, orgId: string, form: Record<string, string>) {
  return answer(
    orgAdminAction(
      requestArgs(`/movement/admin/organizations/${orgId}`, { method: "POST", cookie, params: { orgId }, form }),
    ),
  );
}

function postPeople(cookie: string, form: Record<string, string>) {
  return answer(peopleAction(requestArgs("/movement/admin/people", { method: "POST", cookie, form })));
}

describe("organizations", () => {
  test("an admin creates, edits, archives and restores an organization; archiving ends its members' access", async () => {
    const a = await admin();
    const created = await createOrg(a.cookie, orgForm());
    expect(created.status).toBe(302);
    const prisma = await getPrisma();
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "fuerza-del-valle" } });
    expect(
      await prisma.auditEvent.count({ where: { action: "organization.created", entityId: org.id, actorId: a.id } }),
    ).toBe(1);

    const list = await (
      await answer(organizationsLoader(requestArgs("/movement/admin/organizations?q=valle", { cookie: a.cookie })))
    ).json();
    expect(list.list?.organizations).toMatchObject([
      { id: org.id, name: "Fuerza del Valle", members: 0, leadEmails: [], archived: false },
    ]);

    const page = await (
      await answer(
        orgAdminLoader(
          requestArgs(`/movement/admin/organizations/${org.id}`, { cookie: a.cookie, params: { orgId: org.id } }),
        ),
      )
    ).json();
    expect(page.organization).toMatchObject({
      name: "Fuerza del Valle",
      region: "CA",
      sizeBand: "MEDIUM",
      languages: ["en", "es"],
    });
    const freedom = await prisma.freedom.findFirstOrThrow({ where: { archivedAt: null } });
    const edited = await postOrg(a.cookie, org.id, {
      intent: "update",
      version: String(page.organization.version),
      ...orgForm({
        name: "Fuerza del Valle Central",
        region: "NV",
        sizeBand: "LARGE",
        impactedLed: "on",
        focusFreedomIds: freedom.id,
      }),
    });
    expect(edited.status).toBe(302);
    const after = await prisma.organization.findUniqueOrThrow({
      where: { id: org.id },
      include: { focusFreedoms: true },
    });
    expect(after).toMatchObject({
      name: "Fuerza del Valle Central",
      slug: "fuerza-del-valle",
      region: "NV",
      sizeBand: "LARGE",
      impactedLed: true,
    });
    expect(after.focusFreedoms.map((f) => f.freedomId)).toEqual([freedom.id]);
    const updatedEvent = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "organization.updated", entityId: org.id },
    });
    expect(updatedEvent.metadata).toEqual({ fields: ["name", "region", "sizeBand", "impactedLed", "focusFreedoms"] });

    // the form still carrying the old version is refused and keeps the newer edit
    const stale = await postOrg(a.cookie, org.id, {
      intent: "update",
      version: String(page.organization.version),
      ...orgForm({ name: "Old Name" }),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).result.error[""]).toEqual(["admin:organizations.errors.stale"]);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(
      "Fuerza del Valle Central",
    );

    const member = await createUser({ memberships: [{ organizationId: org.id }] });
    const { cookie } = await sessionCookie(member.id);
    expect((await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))).status).toBe(
      200,
    );
    // the first post only asks
    const ask = await postOrg(a.cookie, org.id, { intent: "archive" });
    expect(ask.status).toBe(200);
    expect((await ask.json()).confirm).toBe(true);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).archivedAt).toBeNull();
    expect((await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))).status).toBe(
      200,
    );
    expect((await postOrg(a.cookie, org.id, { intent: "archive", confirm: "yes" })).status).toBe(302);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).archivedAt).not.toBeNull();
    expect((await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))).status).toBe(
      404,
    );
    // an archived organization cannot invite
    const invite = await postOrg(a.cookie, org.id, { intent: "invite", role: "LEAD", email: "lead@example.org" });
    expect(invite.status).toBe(400);
    expect((await invite.json()).result.error[""]).toEqual(["admin:organizations.errors.archivedInvite"]);

    expect((await postOrg(a.cookie, org.id, { intent: "restore" })).status).toBe(302);
    expect((await answer(orgLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))).status).toBe(
      200,
    );
    const actions = await prisma.auditEvent.findMany({
      where: { entityId: org.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "organization.created",
      "organization.updated",
      "organization.archived",
      "organization.restored",
    ]);
  });

  test("a duplicate name or slug, a forged freedom id and bad input are field errors, never a 500", async () => {
    const a = await admin();
    expect((await createOrg(a.cookie, orgForm({ name: "Casa Unida" }))).status).toBe(302);
    for (const name of ["Casa Unida", "casa unida", "Casa  Unida!"]) {
      const res = await createOrg(a.cookie, orgForm({ name }));
      expect(res.status, name).toBe(400);
      expect((await res.json()).error.name).toEqual(["admin:organizations.errors.nameTaken"]);
    }
    const forged = await createOrg(a.cookie, orgForm({ name: "Nueva", focusFreedomIds: "forged-id" }));
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.focusFreedomIds).toEqual(["validation.invalidChoice"]);
    const bad = await createOrg(a.cookie, {
      name: "x".repeat(101),
      region: "",
      sizeBand: "HUGE",
      languages: "y".repeat(301),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      name: ["validation.tooLong"],
      region: ["validation.required"],
      sizeBand: ["validation.invalidChoice"],
      languages: ["validation.tooLong"],
    });
    expect(await (await getPrisma()).organization.count({ where: { name: { in: ["Nueva", "Casa  Unida!"] } } })).toBe(
      0,
    );

    // renaming onto another organization's name is refused too
    const other = await createOrganization({ name: "Otra Casa" });
    const page = await (
      await answer(
        orgAdminLoader(
          requestArgs(`/movement/admin/organizations/${other.id}`, { cookie: a.cookie, params: { orgId: other.id } }),
        ),
      )
    ).json();
    const rename = await postOrg(a.cookie, other.id, {
      intent: "update",
      version: String(page.organization.version),
      ...orgForm({ name: "CASA UNIDA" }),
    });
    expect(rename.status).toBe(400);
    expect((await rename.json()).result.error.name).toEqual(["admin:organizations.errors.nameTaken"]);
  });

  test("two admins saving the same version at once: one edit lands, the other is a 409 that keeps its text", async () => {
    const a = await admin();
    const org = await createOrganization({ name: "Race Org" });
    const page = await (
      await answer(
        orgAdminLoader(
          requestArgs(`/movement/admin/organizations/${org.id}`, { cookie: a.cookie, params: { orgId: org.id } }),
        ),
      )
    ).json();
    const version = String(page.organization.version);
    const [first, second] = await Promise.all([
      postOrg(a.cookie, org.id, { intent: "update", version, ...orgForm({ name: "Race Org North" }) }),
      postOrg(a.cookie, org.id, { intent: "update", version, ...orgForm({ name: "Race Org South" }) }),
    ]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const refused = first.status === 409 ? first : second;
    const body = await refused.json();
    expect(body.result.error[""]).toEqual(["admin:organizations.errors.stale"]);
    expect(["Race Org North", "Race Org South"]).toContain(body.result.initialValue.name);
    const stored = await (await getPrisma()).organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.version).toBe(page.organization.version + 1);
    expect(
      await (await getPrisma()).auditEvent.count({ where: { action: "organization.updated", entityId: org.id } }),
    ).toBe(1);
  });

  test("an unknown organization id answers 404", async () => {
    const a = await admin();
    for (const orgId of ["nope", "x".repeat(500)]) {
      expect(
        (
          await answer(
            orgAdminLoader(
              requestArgs(`/movement/admin/organizations/${orgId}`, { cookie: a.cookie, params: { orgId } }),
            ),
          )
        ).status,
      ).toBe(404);
      expect((await postOrg(a.cookie, orgId, { intent: "archive" })).status).toBe(404);
    }
  });
});

describe("an organization's time zone", () => {
  test("the admin sets it; without a zone from the browser, the practice form's today is that zone's day", async () => {
    const a = await admin();
    expect((await createOrg(a.cookie, orgForm({ name: "Isla Unida", timeZone: "Pacific/Guam" }))).status).toBe(302);
    const prisma = await getPrisma();
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "isla-unida" } });
    expect(org.timeZone).toBe("Pacific/Guam");
    const member = await createUser({ memberships: [{ organizationId: org.id }] });
    const { cookie } = await sessionCookie(member.id);
    const page = await (
      await answer(
        newPracticeLoader(requestArgs(`/o/${org.slug}/practices/new`, { cookie, params: { org: org.slug } })),
      )
    ).json();
    expect(page.calendar).toMatchObject({ timeZone: "Pacific/Guam", today: dayIn("Pacific/Guam") });

    const before = await (
      await answer(
        orgAdminLoader(
          requestArgs(`/movement/admin/organizations/${org.id}`, { cookie: a.cookie, params: { orgId: org.id } }),
        ),
      )
    ).json();
    expect(before.organization.timeZone).toBe("Pacific/Guam");
    const refused = await postOrg(a.cookie, org.id, {
      intent: "update",
      version: String(before.organization.version),
      ...orgForm({ name: "Isla Unida", timeZone: "Mars/Olympus_Mons" }),
    });
    expect(refused.status).toBe(400);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).timeZone).toBe("Pacific/Guam");
    const moved = await postOrg(a.cookie, org.id, {
      intent: "update",
      version: String(before.organization.version),
      ...orgForm({ name: "Isla Unida", timeZone: "America/New_York" }),
    });
    expect(moved.status).toBe(302);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).timeZone).toBe("America/New_York");
  });
});

describe("a new organization's time zone", () => {
  test("left to the region, it is the zone of the region's state: New York is Eastern, Puerto Rico Atlantic", async () => {
    const a = await admin();
    const prisma = await getPrisma();
    for (const [name, region, zone] of [
      ["Unidos en Queens", "NY", "America/New_York"],
      ["Boricua Solidaria", "PR", "America/Puerto_Rico"],
      ["Arizona Unida", "AZ", "America/Phoenix"],
      ["Islas del Norte", "MP", "Pacific/Guam"],
    ]) {
      // the form's first choice, "the region's time zone", sends an empty field
      expect((await createOrg(a.cookie, orgForm({ name, region, timeZone: "" }))).status).toBe(302);
      expect((await prisma.organization.findFirstOrThrow({ where: { name } })).timeZone).toBe(zone);
    }
  });

  test("a region without a zone of its own takes the zone most of the coalition keeps", async () => {
    const a = await admin();
    const prisma = await getPrisma();
    const groups = await prisma.organization.groupBy({ by: ["timeZone"], where: { archivedAt: null }, _count: true });
    const most = Math.max(0, ...groups.map((g) => g._count));
    for (let i = 0; i <= most; i++) {
      const org = await createOrganization({ region: "IL" });
      await prisma.organization.update({ where: { id: org.id }, data: { timeZone: "America/Chicago" } });
    }
    expect((await createOrg(a.cookie, orgForm({ name: "Red Lejana", region: "X-OTHER" }))).status).toBe(302);
    expect((await prisma.organization.findFirstOrThrow({ where: { name: "Red Lejana" } })).timeZone).toBe(
      "America/Chicago",
    );
    const page = await (
      await answer(organizationsLoader(requestArgs("/movement/admin/organizations", { cookie: a.cookie })))
    ).json();
    expect(page.zoneByRegion).toEqual({ otherwise: "Central Time" });
  });

  test("any zone the server knows can be chosen, kept in its usual spelling; an unknown one is a field error", async () => {
    const a = await admin();
    const prisma = await getPrisma();
    const list = await (
      await answer(organizationsLoader(requestArgs("/movement/admin/organizations", { cookie: a.cookie })))
    ).json();
    // the United States and its territories first, by name, then every other zone
    expect(list.timeZones.us.slice(0, 2)).toEqual([
      { value: "America/New_York", name: "Eastern Time" },
      { value: "America/Chicago", name: "Central Time" },
    ]);
    expect(list.timeZones.us.map((z: { value: string }) => z.value)).toContain("America/Puerto_Rico");
    expect(list.timeZones.others).toEqual(expect.arrayContaining(["Europe/Madrid", "Asia/Tokyo", "UTC"]));
    expect(list.timeZones.others).not.toContain("America/New_York");
    expect(list.timeZones.others.length).toBeGreaterThan(300);

    expect((await createOrg(a.cookie, orgForm({ name: "Puente Ibérico", timeZone: "Europe/Madrid" }))).status).toBe(
      302,
    );
    expect((await prisma.organization.findFirstOrThrow({ where: { name: "Puente Ibérico" } })).timeZone).toBe(
      "Europe/Madrid",
    );
    expect((await createOrg(a.cookie, orgForm({ name: "Costa Este", timeZone: "america/new_york" }))).status).toBe(302);
    expect((await prisma.organization.findFirstOrThrow({ where: { name: "Costa Este" } })).timeZone).toBe(
      "America/New_York",
    );

    const before = await prisma.organization.count();
    for (const [locale, message] of [
      ["en", "Choose a time zone from the list."],
      ["es", "Elija una zona horaria de la lista."],
    ] as const) {
      const refused = await answer(
        organizationsAction(
          requestArgs("/movement/admin/organizations", {
            method: "POST",
            cookie: `${a.cookie}; ${(await localeCookie.serialize(locale)).split(";")[0]}`,
            form: orgForm({ name: "Nowhere", timeZone: "Mars/Olympus_Mons" }),
          }),
        ),
      );
      expect(refused.status).toBe(400);
      const errors = (await refused.json()).error.timeZone;
      expect(errors).toEqual(["admin:organizations.errors.timeZone"]);
      const t = await fixedT(locale, "admin");
      expect(t(errors[0])).toBe(message);
    }
    expect(await prisma.organization.count()).toBe(before);
  });

  test("an organization's page offers its own zone even when the server no longer lists it", async () => {
    const a = await admin();
    const org = await createOrganization();
    const prisma = await getPrisma();
    await prisma.organization.update({ where: { id: org.id }, data: { timeZone: "Asia/Kolkata" } });
    const page = await (
      await answer(
        orgAdminLoader(
          requestArgs(`/movement/admin/organizations/${org.id}`, { cookie: a.cookie, params: { orgId: org.id } }),
        ),
      )
    ).json();
    expect(page.form.timeZone).toBe("Asia/Kolkata");
    expect(page.timeZones.others).toContain("Asia/Kolkata");
  });
});

describe("who may use the admin pages", () => {
  test("coalition staff and organization members get 404 on every admin route, and nothing changes", async () => {
    const org = await createOrganization();
    const staff = await createUser({ coalitionRole: "STAFF" });
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const target = await createUser();
    const prisma = await getPrisma();
    for (const user of [staff, lead]) {
      const { cookie } = await sessionCookie(user.id);
      const params = { orgId: org.id };
      const answers = await Promise.all([
        answer(organizationsLoader(requestArgs("/movement/admin/organizations", { cookie }))),
        createOrg(cookie, orgForm({ name: "Sneaky" })),
        answer(orgAdminLoader(requestArgs(`/movement/admin/organizations/${org.id}`, { cookie, params }))),
        postOrg(cookie, org.id, { intent: "archive", confirm: "yes" }),
        postOrg(cookie, org.id, { intent: "invite", role: "LEAD", email: "sneaky@example.org" }),
        answer(peopleLoader(requestArgs("/movement/admin/people", { cookie }))),
        postPeople(cookie, { intent: "role", userId: target.id, role: "ADMIN" }),
        postPeople(cookie, { intent: "disable", userId: target.id, confirm: "yes" }),
        postPeople(cookie, { intent: "invite", email: "sneaky@example.org", role: "ADMIN" }),
        answer(auditLoader(requestArgs("/movement/admin/audit", { cookie }))),
      ]);
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 404));
    }
    expect(await prisma.organization.count({ where: { name: "Sneaky" } })).toBe(0);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).archivedAt).toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      coalitionRole: "NONE",
      disabledAt: null,
    });
    expect(await prisma.invitation.count({ where: { email: "sneaky@example.org" } })).toBe(0);
  });

  test("signed-out visitors are sent to sign in", async () => {
    const res = await answer(peopleLoader(requestArgs("/movement/admin/people")));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("people", () => {
  test("an admin changes a coalition role, but never their own", async () => {
    const a = await admin();
    const person = await createUser({ name: "Marta" });
    expect((await postPeople(a.cookie, { intent: "role", userId: person.id, role: "STAFF" })).status).toBe(302);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).coalitionRole).toBe("STAFF");
    expect(
      await prisma.auditEvent.findFirstOrThrow({
        where: { action: "user.coalition_role_changed", entityId: person.id },
      }),
    ).toMatchObject({
      actorId: a.id,
      metadata: { from: "NONE", to: "STAFF" },
    });
    const self = await postPeople(a.cookie, { intent: "role", userId: a.id, role: "NONE" });
    expect(self.status).toBe(400);
    expect((await self.json()).result.error[""]).toEqual(["admin:people.errors.self"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.id } })).coalitionRole).toBe("ADMIN");
    expect((await postPeople(a.cookie, { intent: "role", userId: "no-such-user", role: "STAFF" })).status).toBe(404);
    const bad = await postPeople(a.cookie, { intent: "role", userId: person.id, role: "OWNER" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.role).toEqual(["validation.invalidChoice"]);

    const list = await (
      await answer(peopleLoader(requestArgs("/movement/admin/people?q=marta&page=zzz", { cookie: a.cookie })))
    ).json();
    expect(list.list.people).toMatchObject([{ name: "Marta", coalitionRole: "STAFF", disabled: false, self: false }]);
  });

  test("disabling a person signs them out everywhere; enabling lets them sign in again", async () => {
    const a = await admin();
    const person = await createUser();
    const s1 = await sessionCookie(person.id);
    await sessionCookie(person.id);
    const prisma = await getPrisma();
    // the first post only asks, naming the person, and signs nobody out
    const ask = await postPeople(a.cookie, { intent: "disable", userId: person.id });
    expect(ask.status).toBe(200);
    expect((await ask.json()).confirm).toEqual({ userId: person.id, name: person.name, email: person.email });
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(2);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).toBeNull();
    expect((await postPeople(a.cookie, { intent: "disable", userId: "no-such-user" })).status).toBe(404);
    expect((await postPeople(a.cookie, { intent: "disable", userId: person.id, confirm: "yes" })).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).not.toBeNull();
    const res = await answer(accountLoader(requestArgs("/account", { cookie: s1.cookie })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.auditEvent.count({ where: { action: "user.disabled", entityId: person.id } })).toBe(1);

    const self = await postPeople(a.cookie, { intent: "disable", userId: a.id, confirm: "yes" });
    expect(self.status).toBe(400);
    expect((await postPeople(a.cookie, { intent: "disable", userId: a.id })).status).toBe(400);
    expect(self.status).toBe(400);
    expect(await prisma.session.count({ where: { userId: a.id } })).toBe(1);

    expect((await postPeople(a.cookie, { intent: "enable", userId: person.id })).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "user.enabled", entityId: person.id } })).toBe(1);
  });
});

describe("audit log", () => {
  test("lists events newest first and pages with ?before; a malformed ?before shows the first page", async () => {
    const a = await admin();
    const prisma = await getPrisma();
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, () => ({ action: "auth.sign_in", actorId: a.id, entityType: "Session" })),
    });
    const first = await answer(auditLoader(requestArgs("/movement/admin/audit", { cookie: a.cookie })));
    expect(first.status).toBe(200);
    const one = await first.json();
    expect(one.events).toHaveLength(50);
    expect(one.events[0].actor).toEqual({ name: "Admin", email: a.email });
    const ids = one.events.map((e: { id: string }) => BigInt(e.id));
    expect([...ids].sort((x, y) => (x > y ? -1 : 1))).toEqual(ids);
    expect(one.nextBefore).toBe(one.events[49].id);

    const two = await (
      await answer(auditLoader(requestArgs(`/movement/admin/audit?before=${one.nextBefore}`, { cookie: a.cookie })))
    ).json();
    expect(two.events.length).toBeGreaterThan(0);
    expect(two.events.every((e: { id: string }) => BigInt(e.id) < BigInt(String(one.nextBefore)))).toBe(true);

    for (const before of ["abc", "-1", "0", "1e5", "9".repeat(40), ""]) {
      const res = await answer(
        auditLoader(requestArgs(`/movement/admin/audit?before=${encodeURIComponent(before)}`, { cookie: a.cookie })),
      );
      expect(res.status, before).toBe(200);
      expect((await res.json()).events[0].id).toBe(one.events[0].id);
    }
  });

  test("an email's event says what became of the email: sent, kept in the outbox, or not emailed", async () => {
    const a = await admin();
    const org = await createOrganization();
    const prisma = await getPrisma();
    const label = async (email: string, cookie = a.cookie) => {
      const invitation = await prisma.invitation.findFirstOrThrow({ where: { email }, select: { id: true } });
      const event = await prisma.auditEvent.findFirstOrThrow({
        where: { action: "invitation.sent", entityId: invitation.id },
        select: { id: true },
      });
      const page = (await (await answer(auditLoader(requestArgs("/movement/admin/audit", { cookie })))).json()) as {
        events: { id: string; label: string; details: [string, string][] }[];
      };
      const shown = page.events.find((e) => e.id === event.id.toString())!;
      // the delivery words the event; it is not repeated among the details
      expect(shown.details.map(([k]) => k)).not.toContain("delivery");
      return shown.label;
    };
    const invite = (email: string) => postOrg(a.cookie, org.id, { intent: "invite", role: "LEAD", email });
    try {
      // the try-out: no mail server, the outbox page keeps the email
      vi.stubEnv("SMTP_URL", "");
      vi.stubEnv("DEV_OUTBOX", "1");
      expect((await invite("kept@example.org")).status).toBe(302);
      expect(await label("kept@example.org")).toBe("Invitation kept in the outbox, not emailed (no mail server)");
      const spanish = `${a.cookie}; ${(await localeCookie.serialize("es")).split(";")[0]}`;
      expect(await label("kept@example.org", spanish)).toBe(
        "Invitación guardada en la bandeja de salida, sin enviar por correo (no hay servidor de correo)",
      );
      // no mail server and no outbox: the page shows the link to the inviter
      vi.stubEnv("DEV_OUTBOX", "0");
      expect((await invite("shown@example.org")).status).toBe(200);
      expect(await label("shown@example.org")).toBe(
        "Invitation not emailed (no mail server): its link was shown to whoever invited",
      );
      vi.stubEnv("SMTP_URL", "smtp://user:pass@mail.example.org:587");
      expect((await invite("emailed@example.org")).status).toBe(302);
      expect(await label("emailed@example.org")).toBe("Invitation sent");
    } finally {
      vi.unstubAllEnvs();
    }
    // a reminder's event too; one written before the delivery was recorded reads "sent"
    await prisma.auditEvent.createMany({
      data: [
        { action: "reminder.sent", actorId: a.id, entityType: "Cycle", metadata: { emails: 2, delivery: "OUTBOX" } },
        { action: "reminder.sent", actorId: a.id, entityType: "Cycle", metadata: { emails: 3 } },
        { action: "invitation.sent", entityType: "Invitation", metadata: { role: "ADMIN", delivery: "PRINTED" } },
      ],
    });
    const page = (await (
      await answer(auditLoader(requestArgs("/movement/admin/audit", { cookie: a.cookie })))
    ).json()) as { events: { label: string; details: [string, string][] }[] };
    expect(page.events.slice(0, 3)).toEqual([
      expect.objectContaining({ label: "Invitation link printed by create-admin, not emailed" }),
      expect.objectContaining({ label: "Reminder sent", details: [["emails", "3"]] }),
      expect.objectContaining({
        label: "Reminder kept in the outbox, not emailed (no mail server)",
        details: [["emails", "2"]],
      }),
    ]);
  });

  test("no audit metadata holds a password, a token or an invitee's email", async () => {
    const a = await admin();
    const org = await createOrganization();
    expect(
      (await postOrg(a.cookie, org.id, { intent: "invite", role: "LEAD", email: "secret-lead@example.org" })).status,
    ).toBe(302);
    const prisma = await getPrisma();
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "secret-lead@example.org" } });
    const token = (email.payload as { url: string }).url.slice(-43);
    const password = "a private passphrase of mine";
    const wrong = await answer(
      inviteAction(
        requestArgs(`/invite/${token}`, {
          method: "POST",
          params: { token },
          form: { intent: "create", name: "Lead", password, confirm: "different" },
        }),
      ),
    );
    expect(wrong.status).toBe(400);
    const ok = await answer(
      inviteAction(
        requestArgs(`/invite/${token}`, {
          method: "POST",
          params: { token },
          form: { intent: "create", name: "Lead", password, confirm: password },
        }),
      ),
    );
    expect(ok.status).toBe(302);
    const events = await prisma.auditEvent.findMany({ select: { metadata: true, entityId: true } });
    const text = JSON.stringify(events);
    expect(text).not.toContain(password);
    expect(text).not.toContain(token);
    expect(text).not.toContain("secret-lead@example.org");
    const page = JSON.stringify(
      await (await answer(auditLoader(requestArgs("/movement/admin/audit", { cookie: a.cookie })))).json(),
    );
    expect(page).toContain("invitation.accepted");
    expect(page).not.toContain(token);
  });
});
