// Cycle reminders over a simulated month with a fixed clock: who gets which email on which day, never to a
// paused organization, never after submitting or closing, never twice when the job runs twice or at once;
// in each recipient's language, with a link to the reflection and a link that stops them.
import { beforeAll, describe, expect, test } from "vitest";
import { action as pageAction } from "~/routes/movement.cycles.$year";
import { action as stopAction, loader as stopLoader } from "~/routes/reminders.stop.$token";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { runReminders } from "~/models/reminder.server";
import { getPrisma } from "~/utils/db.server";
import { emailDelivery, renderEmail } from "~/utils/mailer.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

const YEAR = 2180;
const APP = "http://app.example";
const SECRET = "a test secret of enough length";
const at = (day: string) => new Date(`${YEAR}-${day}T09:00:00Z`);
const run = (now: Date) => runReminders({ prisma, now, appUrl: APP, secret: SECRET });

let prisma: Awaited<ReturnType<typeof getPrisma>>;

let cycleId = "";
const people: Record<string, { id: string; email: string }> = {};
const orgs: Record<string, { id: string; slug: string }> = {};
let staffCookie = "";

beforeAll(async () => {
  prisma = await getPrisma();
  const values = await prisma.value.findMany({ where: { archivedAt: null }, select: { id: true } });
  const cycle = await prisma.cycle.create({
    data: {
      year: YEAR,
      opensOn: new Date(`${YEAR}-03-01`),
      closesOn: new Date(`${YEAR}-03-31`),
      status: "OPEN",
      reminderIntervalDays: 7,
      prompts: { create: values.map((v) => ({ valueId: v.id, prompt: { en: "Q", es: "P" } })) },
    },
  });
  cycleId = cycle.id;
  for (const name of ["active", "paused", "submits", "crisis", "archived"])
    orgs[name] = await createOrganization({ name: `Org ${name}` });
  await prisma.organization.update({ where: { id: orgs.archived.id }, data: { archivedAt: new Date() } });
  const person = async (
    key: string,
    org: string,
    role: "LEAD" | "MEMBER",
    extra: { locale?: string; cycleReminders?: boolean; disabled?: boolean } = {},
  ) => {
    const u = await createUser({
      email: `${key}@example.org`,
      locale: extra.locale,
      disabled: extra.disabled,
      memberships: [{ organizationId: orgs[org].id, role }],
    });
    if (extra.cycleReminders !== undefined)
      await prisma.user.update({ where: { id: u.id }, data: { cycleReminders: extra.cycleReminders } });
    people[key] = u;
  };
  await person("lead-active", "active", "LEAD");
  await person("member-optin", "active", "MEMBER", { locale: "es", cycleReminders: true });
  await person("member-default", "active", "MEMBER");
  await person("lead-optout", "active", "LEAD", { cycleReminders: false });
  await person("lead-disabled", "active", "LEAD", { disabled: true });
  await person("lead-paused", "paused", "LEAD");
  await person("lead-submits", "submits", "LEAD", { locale: "es" });
  await person("lead-crisis", "crisis", "LEAD");
  await person("lead-archived", "archived", "LEAD");
  await prisma.reminderPause.create({ data: { organizationId: orgs.paused.id } });
  await prisma.reminderPause.create({ data: { organizationId: orgs.crisis.id, until: new Date(`${YEAR}-03-12`) } });
  staffCookie = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
});

/** Who got which reminder: "person kind:period" sorted, from the outbox's dedupe keys. */
async function sent() {
  const rows = await prisma.outboxEmail.findMany({
    where: { kind: "cycle-reminder" },
    select: { to: true, dedupeKey: true, createdAt: true },
  });
  return rows
    .map(
      (r) =>
        `${r.createdAt.toISOString().slice(5, 10)} ${r.to.split("@")[0]} ${r.dedupeKey!.split(":").slice(-2).join(":")}`,
    )
    .sort();
}

describe("the reminder job over a month", () => {
  test("sends exactly the expected reminders, once each, whatever runs twice or at once", async () => {
    const values = await prisma.value.findMany({ where: { archivedAt: null }, select: { id: true } });
    // before the cycle opens: nothing
    expect(await run(new Date(`${YEAR}-02-27T09:00:00Z`))).toBe(0);
    for (let d = 1; d <= 31; d++) {
      const day = `03-${String(d).padStart(2, "0")}`;
      if (day === "03-10") {
        // the "submits" organization submits its year
        await prisma.reflection.createMany({
          data: values.map((v) => ({
            organizationId: orgs.submits.id,
            valueId: v.id,
            cycleId,
            rubricLevel: 3,
            status: "SUBMITTED" as const,
            submittedAt: at(day),
          })),
        });
      }
      // the job runs twice a day, the second time on two instances at once
      await run(at(day));
      await Promise.all([run(new Date(at(day).getTime() + 3_600_000)), run(new Date(at(day).getTime() + 3_600_000))]);
    }
    expect(await sent()).toEqual(
      [
        // the first period ends a week after opening; the third would come less than a week before the closing one
        "03-08 lead-active periodic:1",
        "03-08 member-optin periodic:1",
        "03-08 lead-submits periodic:1",
        "03-15 lead-active periodic:2",
        "03-15 member-optin periodic:2",
        "03-24 lead-active closing:0",
        "03-24 member-optin closing:0",
        // paused until the 12th: its first reminder comes after the pause, the next a full week later
        "03-13 lead-crisis periodic:1",
        "03-20 lead-crisis periodic:2",
        "03-24 lead-crisis closing:0",
      ].sort(),
    );
    // on and after the close date, and once the cycle is closed, nothing more
    expect(await run(new Date(`${YEAR}-04-02T09:00:00Z`))).toBe(0);
    await prisma.cycle.update({ where: { id: cycleId }, data: { status: "CLOSED" } });
    expect(await run(at("03-26"))).toBe(0);
    await prisma.cycle.update({ where: { id: cycleId }, data: { status: "OPEN" } });
  });

  test("each email is in its recipient's language, links to the reflection, and its stop link works without signing in", async () => {
    const [es] = await prisma.outboxEmail.findMany({
      where: { kind: "cycle-reminder", to: people["member-optin"].email },
      orderBy: { createdAt: "asc" },
      take: 1,
    });
    const [en] = await prisma.outboxEmail.findMany({
      where: { kind: "cycle-reminder", to: people["lead-active"].email },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    const spanish = await renderEmail(es);
    expect(spanish.subject).toBe(`Un recordatorio: la reflexión ${YEAR} de Org active`);
    expect(spanish.text).toContain(`${APP}/o/${orgs.active.slug}/reflections/${YEAR}`);
    const english = await renderEmail(en);
    expect(english.subject).toBe(`One week left: the ${YEAR} reflection of Org active`);
    expect(english.unsubscribeUrl).toMatch(new RegExp(`^${APP}/reminders/stop/`));

    // the stop link's token is signed with the app's secret: the job run here used another one
    const payload = es.payload as { stopUrl: string };
    const forged = payload.stopUrl.split("/").pop()!;
    expect(
      (await answer(() => stopLoader(requestArgs(`/reminders/stop/${forged}`, { params: { token: forged } })))).status,
    ).toBe(404);
    const { sessionSecret } = await import("~/utils/session.server");
    const { stopRemindersToken } = await import("~/models/reminder-token.server");
    const token = stopRemindersToken({ secret: sessionSecret(), userId: people["member-optin"].id });
    expect(
      (await answer(() => stopLoader(requestArgs(`/reminders/stop/${token}`, { params: { token } })))).status,
    ).toBe(200);
    const stopped = await answer(() =>
      stopAction(
        requestArgs(`/reminders/stop/${token}`, {
          method: "POST",
          params: { token },
          headers: { Origin: "null" },
          form: { "List-Unsubscribe": "One-Click" },
        }),
      ),
    );
    expect(stopped.status).toBe(403); // a cross-site form post is refused
    const oneClick = await answer(() =>
      stopAction(
        requestArgs(`/reminders/stop/${token}`, {
          method: "POST",
          params: { token },
          form: { "List-Unsubscribe": "One-Click" },
        }),
      ),
    );
    expect(oneClick.status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: people["member-optin"].id } })).cycleReminders).toBe(
      false,
    );
  });
});

describe("reminders chosen by people and sent by staff", () => {
  test("a lead turns reminders off and on again on the account page", async () => {
    const cookie = (await sessionCookie(people["lead-active"].id)).cookie;
    const before = await (await answer(accountLoader(requestArgs("/account", { cookie })))).json();
    expect(before.reminders).toMatchObject({ receives: true, chosen: false });
    const off = await answer(() =>
      accountAction(requestArgs("/account", { method: "POST", cookie, form: { intent: "reminders", receives: "no" } })),
    );
    expect(off.status).toBe(302);
    expect((await (await answer(accountLoader(requestArgs("/account", { cookie })))).json()).reminders).toMatchObject({
      receives: false,
      chosen: true,
    });
    const bad = await answer(() =>
      accountAction(
        requestArgs("/account", { method: "POST", cookie, form: { intent: "reminders", receives: "maybe" } }),
      ),
    );
    expect(bad.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: people["lead-active"].id } })).cycleReminders).toBe(
      false,
    );
    await answer(
      accountAction(
        requestArgs("/account", { method: "POST", cookie, form: { intent: "reminders", receives: "yes" } }),
      ),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: people["lead-active"].id } })).cycleReminders).toBe(
      true,
    );
  });

  test("staff remind one organization or all that have not submitted, once a day; pause and resume are audited", async () => {
    const post = (form: Record<string, string>) =>
      answer(() =>
        pageAction(
          requestArgs(`/movement/cycles/${YEAR}`, {
            method: "POST",
            cookie: staffCookie,
            form,
            params: { year: String(YEAR) },
          }),
        ),
      );
    const manual = () =>
      prisma.outboxEmail.findMany({ where: { dedupeKey: { contains: ":manual:" } }, select: { to: true } });
    expect((await post({ intent: "remind", organizationId: orgs.active.id })).status).toBe(302);
    expect((await manual()).map((e) => e.to)).toEqual([people["lead-active"].email]);
    // reminding all asks first, saying how many emails would go, and sends nothing: the one organization left
    // (the other is paused) was reminded by hand today already, so none would
    const ask = await post({ intent: "remind" });
    expect(ask.status).toBe(200);
    expect((await ask.json()).remindAll).toEqual({ emails: 0, organizations: 0 });
    expect(await manual()).toHaveLength(1);
    expect((await post({ intent: "remind", confirm: "yes" })).status).toBe(302);
    expect((await post({ intent: "remind", confirm: "yes" })).status).toBe(302);
    // all who have not submitted and are not paused (the crisis pause lasts until March of the cycle's year), once a day
    expect((await manual()).map((e) => e.to)).toEqual([people["lead-active"].email]);
    await prisma.reminderPause.update({ where: { organizationId: orgs.crisis.id }, data: { until: null } });
    expect((await post({ intent: "resume", organizationId: orgs.crisis.id })).status).toBe(302);
    // now one organization's lead would get one
    expect((await (await post({ intent: "remind" })).json()).remindAll).toEqual({ emails: 1, organizations: 1 });
    expect((await post({ intent: "remind", confirm: "yes" })).status).toBe(302);
    expect((await manual()).map((e) => e.to).sort()).toEqual(
      [people["lead-active"].email, people["lead-crisis"].email].sort(),
    );

    expect((await post({ intent: "pause", organizationId: orgs.active.id, until: "" })).status).toBe(302);
    expect((await post({ intent: "resume", organizationId: orgs.paused.id })).status).toBe(302);
    expect(await prisma.reminderPause.findMany({ select: { organizationId: true } })).toEqual(
      expect.arrayContaining([{ organizationId: orgs.active.id }]),
    );
    expect(await prisma.reminderPause.count({ where: { organizationId: orgs.paused.id } })).toBe(0);
    const actions = (
      await prisma.auditEvent.findMany({ where: { action: { startsWith: "reminder." } }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["reminder.sent", "reminder.paused", "reminder.resumed", "reminder.preference_changed"]),
    );
    // each reminder's event records what became of its emails, for the audit log to word it (sent or kept)
    const sentEvents = await prisma.auditEvent.findMany({
      where: { action: "reminder.sent" },
      select: { metadata: true },
    });
    expect(sentEvents.length).toBeGreaterThan(0);
    for (const e of sentEvents) expect(e.metadata).toMatchObject({ delivery: emailDelivery() });
    expect((await post({ intent: "pause", organizationId: "no-such-org" })).status).toBe(404);
  });
});
