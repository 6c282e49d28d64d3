// Annual cycles: who may see and run them, the state machine with its audit trail, one open cycle at a time,
// the prompts organizations see per year, the submission tracker and its CSV, and a fresh install where an
// admin's first cycle lets an organization commit and reflect.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { action as commitAction } from "~/routes/o.$org.commitments_.new";
import { loader as homeLoader } from "~/routes/o.$org._index";
import { action as reflectionAction, loader as reflectionLoader } from "~/routes/o.$org.reflections.$year/route";
import { loader as listLoader } from "~/routes/movement.cycles._index";
import { action as newAction, loader as newLoader } from "~/routes/movement.cycles.new";
import { action as pageAction, loader as pageLoader } from "~/routes/movement.cycles.$year";
import { action as editAction, loader as editLoader } from "~/routes/movement.cycles.$year_.edit";
import { loader as csvLoader } from "~/routes/movement.cycles.$year_.tracker[.csv]";
import { getPrisma } from "~/utils/db.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, toastOf, translated } from "../factories";
import { localeCookie } from "~/utils/i18next.server";

let values: { id: string; slug: string }[] = [];
let admin = "";
let staff = "";
let member = "";

beforeAll(async () => {
  const prisma = await getPrisma();
  values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  const org = await createOrganization();
  admin = (await sessionCookie((await createUser({ coalitionRole: "ADMIN" })).id)).cookie;
  staff = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  member = (await sessionCookie((await createUser({ memberships: [{ organizationId: org.id }] })).id)).cookie;
});

const get = (
  loader: (a: ReturnType<typeof requestArgs>) => Promise<unknown>,
  path: string,
  cookie: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) => answer(() => loader(requestArgs(path, { cookie, params, headers })));
const post = (
  action: (a: ReturnType<typeof requestArgs>) => Promise<unknown>,
  path: string,
  cookie: string,
  form: Record<string, string>,
  params: Record<string, string> = {},
) => answer(() => action(requestArgs(path, { method: "POST", cookie, form, params })));

const cycleForm = (year: number, form: Record<string, string> = {}) => ({
  year: String(year),
  opensOn: `${year}-02-01`,
  closesOn: `${year}-11-30`,
  reminderIntervalDays: "7",
  ...Object.fromEntries(
    values.flatMap((v, i) => [
      [`prompts[${i}].valueId`, v.id],
      [`prompts[${i}].en`, `${year} question ${i}`],
      [`prompts[${i}].es`, `Pregunta ${year} ${i}`],
    ]),
  ),
  ...form,
});
const createAs = (cookie: string, year: number, form: Record<string, string> = {}) =>
  post(newAction, "/movement/cycles/new", cookie, cycleForm(year, form));
/** The first post of a form on the cycle's page: an open or a close only asks (and changes nothing). */
const ask = (cookie: string, year: number, intent: string, form: Record<string, string> = {}) =>
  post(pageAction, `/movement/cycles/${year}`, cookie, { intent, ...form }, { year: String(year) });
/** A move as the admin makes it: an open or a close through its confirmation step. */
const move = (cookie: string, year: number, intent: string, form: Record<string, string> = {}) =>
  ask(cookie, year, intent, intent === "open" || intent === "close" ? { confirm: "yes", ...form } : form);
const statusOf = async (year: number) =>
  (await (await getPrisma()).cycle.findUniqueOrThrow({ where: { year } })).status;
const auditOf = async (year: number) => {
  const prisma = await getPrisma();
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { year } });
  return (
    await prisma.auditEvent.findMany({
      where: { entityType: "Cycle", entityId: cycle.id, action: { startsWith: "cycle." } },
      orderBy: { id: "asc" },
    })
  ).map((e) => ({
    action: e.action,
    metadata: e.metadata,
  }));
};
type FormAnswer = { error: Record<string, string[]> };
// the cycle's page answers with its intent and confirmation step beside the form result
const formError = async (res: Response) => {
  const body = (await res.json()) as FormAnswer | { result: FormAnswer };
  return ("result" in body ? body.result : body).error;
};

describe("before the first cycle", () => {
  test("the new cycle form says it is the first one instead of offering last year's prompts", async () => {
    expect(await (await getPrisma()).cycle.count()).toBe(0);
    const data = await (await get(newLoader, "/movement/cycles/new", admin)).json();
    expect(data.firstCycle).toBe(true);
    expect(data.defaultValue.prompts.every((p: { en: string; es: string }) => p.en === "" && p.es === "")).toBe(true);
  });
});

describe("permissions", () => {
  test("admins see the list with the create link; staff read it without; members get a 404", async () => {
    const asAdmin = await get(listLoader, "/movement/cycles", admin);
    expect(asAdmin.status).toBe(200);
    expect((await asAdmin.json()).canManage).toBe(true);
    const asStaff = await get(listLoader, "/movement/cycles", staff);
    expect(asStaff.status).toBe(200);
    expect((await asStaff.json()).canManage).toBe(false);
    expect((await get(listLoader, "/movement/cycles", member)).status).toBe(404);
  });

  test("only admins create, edit and move cycles; staff read the page and CSV; members get 404 everywhere", async () => {
    expect((await get(newLoader, "/movement/cycles/new", staff)).status).toBe(404);
    expect((await createAs(staff, 2150)).status).toBe(404);
    expect((await createAs(member, 2150)).status).toBe(404);
    expect(await (await getPrisma()).cycle.count({ where: { year: 2150 } })).toBe(0);
    expect((await createAs(admin, 2150)).status).toBe(302);
    const params = { year: "2150" };
    expect((await get(editLoader, "/movement/cycles/2150/edit", staff, params)).status).toBe(404);
    expect((await post(editAction, "/movement/cycles/2150/edit", staff, cycleForm(2150), params)).status).toBe(404);
    expect((await move(staff, 2150, "open")).status).toBe(404);
    expect(await statusOf(2150)).toBe("DRAFT");
    const page = await get(pageLoader, "/movement/cycles/2150", staff, params);
    expect(page.status).toBe(200);
    expect((await page.json()).transitions).toEqual([]);
    expect((await get(csvLoader, "/movement/cycles/2150/tracker.csv", staff, params)).status).toBe(200);
    for (const res of [
      await get(pageLoader, "/movement/cycles/2150", member, params),
      await get(csvLoader, "/movement/cycles/2150/tracker.csv", member, params),
      await move(member, 2150, "remind"),
    ])
      expect(res.status).toBe(404);
    expect((await get(pageLoader, "/movement/cycles/1999", admin, { year: "1999" })).status).toBe(404);
    expect((await get(pageLoader, "/movement/cycles/abc", admin, { year: "abc" })).status).toBe(404);
  });
});

describe("creating and editing", () => {
  test("the form is prefilled with the latest cycle's prompts and the next year", async () => {
    const data = await (await get(newLoader, "/movement/cycles/new", admin)).json();
    expect(data.defaultValue.year).toBeGreaterThanOrEqual(2151);
    expect(data.defaultValue.prompts.map((p: { en: string }) => p.en)).toEqual(
      values.map((_, i) => `2150 question ${i}`),
    );
    expect(data.defaultValue.prompts[0].es).toBe("Pregunta 2150 0");
    expect(data.firstCycle).toBe(false);
  });

  test("bad dates, a taken year and a missing prompt are field errors that create nothing", async () => {
    const before = await (await getPrisma()).cycle.count();
    const backwards = await createAs(admin, 2160, { closesOn: "2160-01-01" });
    expect(backwards.status).toBe(400);
    expect((await formError(backwards)).closesOn).toEqual([translated("cycle:errors.closeBeforeOpen")]);
    const taken = await createAs(admin, 2150);
    expect((await formError(taken)).year).toEqual([translated("cycle:errors.yearTaken")]);
    const empty = await createAs(admin, 2160, { "prompts[0].es": "" });
    expect((await formError(empty))["prompts[0].es"]).toBeDefined();
    const interval = await createAs(admin, 2160, { reminderIntervalDays: "0" });
    expect((await formError(interval)).reminderIntervalDays).toEqual([translated("cycle:errors.interval")]);
    expect(await (await getPrisma()).cycle.count()).toBe(before);
  });

  test("a draft is edited with its version; an open cycle is not editable", async () => {
    const prisma = await getPrisma();
    const params = { year: "2150" };
    const { defaultValue } = await (await get(editLoader, "/movement/cycles/2150/edit", admin, params)).json();
    const saved = await post(
      editAction,
      "/movement/cycles/2150/edit",
      admin,
      { ...cycleForm(2150, { "prompts[0].en": "Edited question" }), version: String(defaultValue.version) },
      params,
    );
    expect(saved.status).toBe(302);
    expect((await toastOf(saved))?.key).toBe(translated("cycle:edit.saved"));
    const prompt = await prisma.cyclePrompt.findFirstOrThrow({
      where: { cycle: { year: 2150 }, valueId: values[0].id },
    });
    expect(prompt.prompt).toEqual({ en: "Edited question", es: "Pregunta 2150 0" });
    const stale = await post(
      editAction,
      "/movement/cycles/2150/edit",
      admin,
      { ...cycleForm(2150), version: String(defaultValue.version) },
      params,
    );
    expect(stale.status).toBe(409);
    expect((await auditOf(2150)).map((e) => e.action)).toEqual(["cycle.created", "cycle.updated"]);
  });
});

describe("the state machine", () => {
  test("every refused move answers with an error and changes nothing; every allowed one is audited", async () => {
    const prisma = await getPrisma();
    const org = await createOrganization();
    const lead = await createUser({ locale: "es", memberships: [{ organizationId: org.id, role: "LEAD" }] });
    await createUser({ memberships: [{ organizationId: org.id, role: "MEMBER" }] });
    const year = 2150;

    // DRAFT: close and reopen are refused
    for (const intent of ["close", "reopen"]) {
      const res = await move(admin, year, intent, { reason: "why not" });
      expect(res.status).toBe(409);
      expect((await formError(res))[""]).toEqual([translated("cycle:errors.transition.DRAFT")]);
      expect(await statusOf(year)).toBe("DRAFT");
    }
    // DRAFT → OPEN, announced to the lead (not the member), in the lead's language
    const opened = await move(admin, year, "open");
    expect(opened.status).toBe(302);
    expect(await statusOf(year)).toBe("OPEN");
    const announcements = await prisma.outboxEmail.findMany({ where: { kind: "cycle-announcement" } });
    expect(announcements.map((e) => [e.to, e.locale, e.template])).toEqual([[lead.email, "es", "cycle-opened"]]);
    // OPEN: open and reopen are refused
    for (const intent of ["open", "reopen"]) {
      const res = await move(admin, year, intent, { reason: "again" });
      expect((await formError(res))[""]).toEqual([translated("cycle:errors.transition.OPEN")]);
      expect(await statusOf(year)).toBe("OPEN");
    }
    // a second cycle cannot open while this one is
    expect((await createAs(admin, 2151)).status).toBe(302);
    const second = await move(admin, 2151, "open");
    expect((await formError(second))[""]).toEqual([translated("cycle:errors.anotherOpen")]);
    expect(await statusOf(2151)).toBe("DRAFT");
    // the database refuses it too, whatever writes it
    await expect(prisma.cycle.update({ where: { year: 2151 }, data: { status: "OPEN" } })).rejects.toThrow();
    // OPEN → CLOSED
    expect((await move(admin, year, "close")).status).toBe(302);
    expect(await statusOf(year)).toBe("CLOSED");
    for (const intent of ["open", "close"]) {
      const res = await move(admin, year, intent);
      expect((await formError(res))[""]).toEqual([translated("cycle:errors.transition.CLOSED")]);
    }
    // CLOSED → OPEN needs a reason
    const noReason = await move(admin, year, "reopen", { reason: "  " });
    expect((await formError(noReason)).reason).toEqual([translated("cycle:errors.reasonRequired")]);
    expect(await statusOf(year)).toBe("CLOSED");
    const reopened = await move(admin, year, "reopen", { reason: "Floods delayed three organizations" });
    expect((await toastOf(reopened))?.key).toBe(translated("cycle:page.reopen.done"));
    expect(await statusOf(year)).toBe("OPEN");
    // reopening announces nothing twice
    expect(await prisma.outboxEmail.count({ where: { kind: "cycle-announcement" } })).toBe(1);
    expect(await auditOf(year)).toEqual([
      { action: "cycle.created", metadata: { year } },
      { action: "cycle.updated", metadata: { year } },
      { action: "cycle.opened", metadata: { year, from: "DRAFT", to: "OPEN" } },
      { action: "cycle.closed", metadata: { year, from: "OPEN", to: "CLOSED" } },
      {
        action: "cycle.reopened",
        metadata: { year, from: "CLOSED", to: "OPEN", reason: "Floods delayed three organizations" },
      },
    ]);
    expect((await get(editLoader, `/movement/cycles/${year}/edit`, admin, { year: String(year) })).status).toBe(404);
    expect((await move(admin, year, "close")).status).toBe(302);
  });
  test("opening asks first: the first post names how many leads get an email and changes nothing", async () => {
    const prisma = await getPrisma();
    const year = 2152;
    expect((await createAs(admin, year)).status).toBe(302);
    const org = await createOrganization();
    await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const leads = await prisma.membership.count({
      where: { role: "LEAD", user: { disabledAt: null }, organization: { archivedAt: null } },
    });
    const emails = await prisma.outboxEmail.count();

    const asked = await ask(admin, year, "open");
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ intent: "open", confirm: { transition: "open", leads } });
    expect(await statusOf(year)).toBe("DRAFT");
    expect(await prisma.outboxEmail.count()).toBe(emails);
    expect((await auditOf(year)).map((e) => e.action)).toEqual(["cycle.created"]);
    // an unknown confirmation is refused as bad input, and does nothing either
    const odd = await ask(admin, year, "open", { confirm: "sure" });
    expect(odd.status).toBe(400);
    expect(await statusOf(year)).toBe("DRAFT");
    // only an admin is asked: staff get the same 404 as for the move
    expect((await ask(staff, year, "open")).status).toBe(404);

    // the post from the confirmation step opens it and emails exactly that many leads
    expect((await move(admin, year, "open")).status).toBe(302);
    expect(await statusOf(year)).toBe("OPEN");
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { year } });
    expect(await prisma.outboxEmail.count({ where: { dedupeKey: { startsWith: `cycle-opened:${cycle.id}:` } } })).toBe(
      leads,
    );
    // a move the state forbids is refused at the first post already, with the same reason
    const again = await ask(admin, year, "open");
    expect(again.status).toBe(409);
    expect((await formError(again))[""]).toEqual([translated("cycle:errors.transition.OPEN")]);
    expect((await move(admin, year, "close")).status).toBe(302);
  });
});

describe("prompts per year", () => {
  test("each year's reflection shows that year's prompt, in the reader's language, also for a past year", async () => {
    const prisma = await getPrisma();
    for (const year of [2091, 2092]) {
      await prisma.cycle.create({
        data: {
          year,
          opensOn: new Date(`${year}-01-01`),
          closesOn: new Date(`${year}-12-31`),
          status: "CLOSED",
          prompts: {
            create: values.map((v) => ({
              valueId: v.id,
              prompt: { en: `Asked in ${year}`, es: `Preguntado en ${year}` },
            })),
          },
        },
      });
    }
    const org = await createOrganization();
    const cookie = (await sessionCookie((await createUser({ memberships: [{ organizationId: org.id }] })).id)).cookie;
    for (const year of [2091, 2092]) {
      const path = `/o/${org.slug}/reflections/${year}`;
      const params = { org: org.slug, year: String(year) };
      const en = await (await get(reflectionLoader, path, cookie, params)).json();
      expect(en.current.prompt).toBe(`Asked in ${year}`);
      // Spanish chosen with the language switch (the account's own language wins over the browser's)
      const spanish = (await localeCookie.serialize("es")).split(";")[0];
      const es = await (await get(reflectionLoader, path, `${cookie}; ${spanish}`, params)).json();
      expect(es.current.prompt).toBe(`Preguntado en ${year}`);
    }
  });
});

describe("the submission tracker", () => {
  const openCycle = async (year: number) => {
    expect((await createAs(admin, year)).status).toBe(302);
    expect((await move(admin, year, "open")).status).toBe(302);
    return (await getPrisma()).cycle.findUniqueOrThrow({ where: { year } });
  };

  test("counts, states per value, filters and a CSV with names and dates but never the text", async () => {
    const prisma = await getPrisma();
    const year = 2170;
    const cycle = await openCycle(year);
    const marker = `SECRET-${randomUUID().slice(0, 6)}`;
    const done = await createOrganization({ name: '=HYPERLINK("x")', region: "TX" });
    const drafting = await createOrganization({ name: "Drafting Org", region: "CA" });
    const writer = await createUser({ name: "Rosa Writer", memberships: [{ organizationId: drafting.id }] });
    await prisma.reflection.createMany({
      data: [
        ...values.map((v) => ({
          organizationId: done.id,
          valueId: v.id,
          cycleId: cycle.id,
          rubricLevel: 2,
          wentWell: marker,
          status: "SUBMITTED" as const,
          submittedAt: new Date(`${year}-03-04T10:00:00Z`),
        })),
        {
          organizationId: drafting.id,
          valueId: values[0].id,
          cycleId: cycle.id,
          wentWell: marker,
          updatedById: writer.id,
        },
      ],
    });
    const params = { year: String(year) };
    const data = await (await get(pageLoader, `/movement/cycles/${year}`, staff, params)).json();
    const total = await prisma.organization.count({ where: { archivedAt: null } });
    expect(data.tracker.counts).toEqual({ total, SUBMITTED: 1, DRAFT: 1, NOT_STARTED: total - 2 });
    const draftRow = data.tracker.rows.find((r: { id: string }) => r.id === drafting.id);
    expect(draftRow.state).toBe("DRAFT");
    expect(draftRow.steps[0]).toMatchObject({ state: "DRAFT", by: "Rosa Writer" });
    expect(draftRow.steps[1]).toMatchObject({ state: "NOT_STARTED", at: null, by: null });
    expect(JSON.stringify(data)).not.toContain(marker);

    const byRegion = await (await get(pageLoader, `/movement/cycles/${year}?region=TX`, staff, params)).json();
    expect(byRegion.tracker.rows.map((r: { id: string }) => r.id)).toEqual([done.id]);
    const byState = await (await get(pageLoader, `/movement/cycles/${year}?state=DRAFT`, staff, params)).json();
    expect(byState.tracker.rows.map((r: { id: string }) => r.id)).toEqual([drafting.id]);

    const csv = await get(csvLoader, `/movement/cycles/${year}/tracker.csv`, staff, params);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="north-star-submissions-${year}.csv"`);
    // a filtered view's file says which view it holds: the region by its name, the state
    const filtered = await get(csvLoader, `/movement/cycles/${year}/tracker.csv?region=TX&state=DRAFT`, staff, params);
    expect(filtered.headers.get("Content-Disposition")).toBe(
      `attachment; filename="north-star-submissions-${year}-texas-draft-not-submitted.csv"`,
    );
    // names and states of organizations: no browser or proxy keeps a copy
    expect(csv.headers.get("Cache-Control")).toBe("private, no-store");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    // the region by its name in the reader's language, not its code
    expect(text).toContain('Drafting Org,California,"Draft, not submitted"');
    expect(text).toContain("Rosa Writer");
    expect(text).not.toContain(marker);

    // closing asks first, with what it freezes; the cycle stays open until the admin confirms
    const asked = await ask(admin, year, "close");
    expect(asked.status).toBe(200);
    expect((await asked.json()).confirm).toEqual({
      transition: "close",
      submitted: 1,
      drafts: 1,
      notStarted: total - 2,
    });
    expect(await statusOf(year)).toBe("OPEN");
    // closing: the submitted year is final, the draft stays a draft shown as not submitted
    expect((await move(admin, year, "close")).status).toBe(302);
    const after = await (await get(pageLoader, `/movement/cycles/${year}`, staff, params)).json();
    expect(after.tracker.counts.SUBMITTED).toBe(1);
    expect(after.tracker.rows.find((r: { id: string }) => r.id === drafting.id).state).toBe("DRAFT");
    const cookie = (await sessionCookie(writer.id)).cookie;
    const locked = await post(
      reflectionAction,
      `/o/${drafting.slug}/reflections/${year}`,
      cookie,
      { intent: "save", valueId: values[0].id, version: "1", rubricLevel: "3" },
      { org: drafting.slug, year: String(year) },
    );
    expect(locked.status).toBeGreaterThanOrEqual(400);
    expect(
      (await prisma.reflection.findFirstOrThrow({ where: { organizationId: drafting.id, cycleId: cycle.id } })).status,
    ).toBe("DRAFT");
  });

  test("a year counts as submitted only as a whole, as on the organization's own page: a lone submitted step is a draft", async () => {
    const prisma = await getPrisma();
    const year = 2171;
    const cycle = await openCycle(year);
    const partly = await createOrganization({ name: "Partly Org" });
    await prisma.reflection.create({
      data: {
        organizationId: partly.id,
        valueId: values[0].id,
        cycleId: cycle.id,
        rubricLevel: 2,
        status: "SUBMITTED",
        submittedAt: new Date(`${year}-03-04T10:00:00Z`),
      },
    });
    const params = { year: String(year) };
    const data = await (await get(pageLoader, `/movement/cycles/${year}`, staff, params)).json();
    const row = data.tracker.rows.find((r: { id: string }) => r.id === partly.id);
    expect(row.state).toBe("DRAFT");
    expect(row.steps.map((s: { state: string }) => s.state)).toEqual([
      "DRAFT",
      ...values.slice(1).map(() => "NOT_STARTED"),
    ]);
    expect(data.tracker.counts.SUBMITTED).toBe(0);
    const lead = (
      await sessionCookie((await createUser({ memberships: [{ organizationId: partly.id, role: "LEAD" }] })).id)
    ).cookie;
    const own = await (
      await get(reflectionLoader, `/o/${partly.slug}/reflections/${year}`, lead, {
        org: partly.slug,
        year: String(year),
      })
    ).json();
    expect(own.submitted).toBe(false);
    expect((await move(admin, year, "close")).status).toBe(302);
  });
});

describe("hostile input on a cycle's page", () => {
  test("a NUL in a filter, an unknown organization and a date PostgreSQL cannot store are answered, never a 500", async () => {
    const prisma = await getPrisma();
    const year = 2175;
    expect((await createAs(admin, year)).status).toBe(302);
    expect((await move(admin, year, "open")).status).toBe(302);
    const params = { year: String(year) };
    const org = await createOrganization({ region: "NM" });

    const page = await get(pageLoader, `/movement/cycles/${year}?region=N%00M&state=DRAFT%00`, staff, params);
    expect(page.status).toBe(200);
    expect((await page.json()).filters.region).toBe("NM");
    expect((await get(csvLoader, `/movement/cycles/${year}/tracker.csv?region=%00`, staff, params)).status).toBe(200);

    const before = await prisma.auditEvent.count();
    expect((await move(staff, year, "remind", { organizationId: "no-such-organization" })).status).toBe(404);
    expect(await prisma.outboxEmail.count({ where: { template: "cycle-reminder", to: { contains: "no-such" } } })).toBe(
      0,
    );
    for (const until of ["0000-01-01", "1899-12-31", "9999-12-31"]) {
      const res = await move(staff, year, "pause", { organizationId: org.id, until });
      expect(res.status, until).toBe(400);
      expect((await formError(res)).until, until).toEqual([translated("cycle:errors.date")]);
    }
    expect(await prisma.reminderPause.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await createAs(admin, year + 1, { opensOn: "0000-01-01" })).status).toBe(400);
    expect(await prisma.cycle.count({ where: { year: year + 1 } })).toBe(0);
    expect((await move(admin, year, "close")).status).toBe(302);
  });

  test("a draft edited with a version PostgreSQL cannot store is stale, never a 500", async () => {
    const year = 2177;
    expect((await createAs(admin, year)).status).toBe(302);
    const params = { year: String(year) };
    for (const version of ["0", "-1", "99999999999"]) {
      const res = await post(
        editAction,
        `/movement/cycles/${year}/edit`,
        admin,
        { ...cycleForm(year, { opensOn: `${year}-03-01` }), version },
        params,
      );
      expect(res.status, version).toBe(409);
    }
    const cycle = await (await getPrisma()).cycle.findUniqueOrThrow({ where: { year } });
    expect(cycle.opensOn.toISOString().slice(0, 10)).toBe(`${year}-02-01`);
  });
});

describe("a fresh install without demo data", () => {
  test("an admin creates and opens the first cycle; an organization then commits and reflects", async () => {
    const prisma = await getPrisma();
    expect(await prisma.cycle.count({ where: { status: "OPEN" } })).toBe(0);
    const year = new Date().getUTCFullYear();
    await prisma.cycle.deleteMany({ where: { year } });
    expect((await createAs(admin, year, { opensOn: `${year}-01-01`, closesOn: `${year}-12-31` })).status).toBe(302);
    expect((await move(admin, year, "open")).status).toBe(302);

    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const cookie = (await sessionCookie(lead.id)).cookie;
    const home = await (await get(homeLoader, `/o/${org.slug}`, cookie, { org: org.slug })).json();
    expect(home.openCycle).toMatchObject({ year, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` });
    expect(home.openCycle.prompts[0]).toMatchObject({ prompt: `${year} question 0` });

    const committed = await post(
      commitAction,
      `/o/${org.slug}/commitments/new`,
      cookie,
      {
        valueId: values[0].id,
        year: String(year),
        title: "Hold listening sessions",
        description: "",
        submissionKey: randomUUID(),
      },
      { org: org.slug },
    );
    expect(committed.status).toBe(302);
    expect(await prisma.commitment.count({ where: { organizationId: org.id, cycle: { year } } })).toBe(1);

    const path = `/o/${org.slug}/reflections/${year}`;
    const params = { org: org.slug, year: String(year) };
    for (const [i, v] of values.entries()) {
      const res = await post(
        reflectionAction,
        path,
        cookie,
        { intent: "save", valueId: v.id, version: "0", rubricLevel: "2", wentWell: `Step ${i}`, nextStep: v.slug },
        params,
      );
      expect(res.status).toBe(302);
    }
    expect((await post(reflectionAction, path, cookie, { intent: "submit" }, params)).status).toBe(302);
    expect(
      await prisma.reflection.count({ where: { organizationId: org.id, cycle: { year }, status: "SUBMITTED" } }),
    ).toBe(values.length);
  });
});
