// The practice pages: the list with its filters and paging, logging one, reading it, editing it, deleting it
// and undoing that.
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createCommitment } from "~/models/commitment.server";
import { DEFAULT_TIME_ZONE } from "~/models/organization-options";
import { createPractice, setPracticeDeleted } from "~/models/practice.server";
import type { PracticeInput } from "~/models/practice-schema";
import { compareSummaries } from "~/models/summary.server";
import { action as viewAction, loader as viewLoader } from "~/routes/o.$org.practices.$practiceId";
import { action as editAction, loader as editLoader } from "~/routes/o.$org.practices.$practiceId_.edit";
import { loader as listLoader } from "~/routes/o.$org.practices._index";
import { action as newAction, loader as newLoader } from "~/routes/o.$org.practices.new";
import { getPrisma } from "~/utils/db.server";
import { dayIn } from "~/utils/time-zone";
import {
  answer,
  createOrganization,
  createUser,
  requestArgs,
  sessionCookie,
  toastOf,
  translated,
  valueOf,
} from "../factories";

type Org = { id: string; slug: string };
type Framework = { id: string; slug: string }[];

// a new organization dates its practices in the default zone until it chooses another
const TODAY = dayIn(DEFAULT_TIME_ZONE);
const YEAR = Number(TODAY.slice(0, 4));
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

let values: Framework = [];
let freedoms: Framework = [];
let archivedValueId = "";
let stranger = ""; // a member of another organization only

async function cycleId(year: number) {
  const prisma = await getPrisma();
  const c = await prisma.cycle.upsert({
    where: { year },
    update: {},
    // one cycle is open at a time: this year's
    create: {
      year,
      opensOn: new Date(`${year}-01-01`),
      closesOn: new Date(`${year}-12-31`),
      status: year === YEAR ? "OPEN" : "CLOSED",
    },
    select: { id: true },
  });
  return c.id;
}

async function summariesAgree() {
  const { stored, fresh } = await compareSummaries({ prisma: await getPrisma() });
  expect(stored).toEqual(fresh);
}

/** An organization with a member signed in. */
async function workspace() {
  const org: Org = await createOrganization();
  const user = await createUser({ memberships: [{ organizationId: org.id }] });
  const { cookie } = await sessionCookie(user.id);
  return { org, user, cookie };
}

const base = (input: Partial<PracticeInput> = {}): PracticeInput => ({
  title: "Community meeting",
  notes: "",
  occurredOn: TODAY,
  valueId: values[0].id,
  participants: 10,
  impactedParticipants: 4,
  visibility: "PRIVATE",
  freedomIds: [],
  ...input,
});

let keys = 0;
async function practice(org: Org, actorId: string, input: Partial<PracticeInput> = {}) {
  const prisma = await getPrisma();
  return valueOf(
    createPractice({ prisma, organizationId: org.id, actorId, submissionKey: `test-${++keys}`, input: base(input) }),
  );
}

const listArgs = (org: Org, cookie: string | undefined, query = "") =>
  requestArgs(`/o/${org.slug}/practices${query}`, { cookie, params: { org: org.slug } });
const newArgs = (org: Org, cookie: string | undefined, form?: Record<string, string>) =>
  requestArgs(`/o/${org.slug}/practices/new`, {
    cookie,
    params: { org: org.slug },
    ...(form ? { method: "POST", form } : {}),
  });
const viewArgs = (org: Org, id: string, cookie: string | undefined, form?: Record<string, string>) =>
  requestArgs(`/o/${org.slug}/practices/${id}`, {
    cookie,
    params: { org: org.slug, practiceId: id },
    ...(form ? { method: "POST", form } : {}),
  });
const editArgs = (org: Org, id: string, cookie: string | undefined, form?: Record<string, string>) =>
  requestArgs(`/o/${org.slug}/practices/${id}/edit`, {
    cookie,
    params: { org: org.slug, practiceId: id },
    ...(form ? { method: "POST", form } : {}),
  });

async function listData(org: Org, cookie: string, query = "") {
  const res = await answer(listLoader(listArgs(org, cookie, query)));
  expect(res.status).toBe(200);
  return res.json();
}

/** A filled-in new-practice form as the browser sends it. */
function newForm(fields: Record<string, string> = {}) {
  return {
    submissionKey: crypto.randomUUID(),
    valueId: values[0].id,
    title: "Know-your-rights workshop",
    occurredOn: TODAY,
    participants: "12",
    impactedParticipants: "5",
    visibility: "PRIVATE",
    ...fields,
  };
}

beforeAll(async () => {
  const prisma = await getPrisma();
  values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  freedoms = await prisma.freedom.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  const archived = await prisma.value.create({
    data: {
      slug: "retired-value",
      position: 99,
      name: { en: "Retired", es: "Retirado" },
      description: { en: "Old", es: "Viejo" },
      archivedAt: new Date(),
    },
  });
  archivedValueId = archived.id;
  const other = await workspace();
  stranger = other.cookie;
});

describe("who may open the practice pages", () => {
  test("without a session every page and form sends the visitor to sign in", async () => {
    const { org, user } = await workspace();
    const { id } = await practice(org, user.id);
    const answers = await Promise.all([
      answer(() => listLoader(listArgs(org, undefined))),
      answer(() => newLoader(newArgs(org, undefined))),
      answer(() => newAction(newArgs(org, undefined, newForm()))),
      answer(() => viewLoader(viewArgs(org, id, undefined))),
      answer(() => viewAction(viewArgs(org, id, undefined, { intent: "delete" }))),
      answer(() => editLoader(editArgs(org, id, undefined))),
      answer(() => editAction(editArgs(org, id, undefined, { intent: "save" }))),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toMatch(/^\/login/);
    }
    expect(answers[0].headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/o/${org.slug}/practices`)}`,
    );
    expect(await (await getPrisma()).practice.count({ where: { organizationId: org.id, deletedAt: null } })).toBe(1);
  });

  test("a member of another organization gets 404 on every page and form, and changes nothing", async () => {
    const { org, user } = await workspace();
    const { id } = await practice(org, user.id, { title: "Ours alone" });
    const answers = await Promise.all([
      answer(() => listLoader(listArgs(org, stranger))),
      answer(() => newLoader(newArgs(org, stranger))),
      answer(() => newAction(newArgs(org, stranger, newForm()))),
      answer(() => viewLoader(viewArgs(org, id, stranger))),
      answer(() => viewAction(viewArgs(org, id, stranger, { intent: "delete" }))),
      answer(() => editLoader(editArgs(org, id, stranger))),
      answer(() =>
        editAction(editArgs(org, id, stranger, { intent: "save", version: "1", ...newForm({ title: "Taken over" }) })),
      ),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const row = await (await getPrisma()).practice.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe("Ours alone");
    expect(row.deletedAt).toBeNull();
    expect(await (await getPrisma()).practice.count({ where: { organizationId: org.id } })).toBe(1);
  });

  test("a lead may log, edit and delete practices as members do", async () => {
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const { cookie } = await sessionCookie(lead.id);
    expect((await answer(newAction(newArgs(org, cookie, newForm())))).status).toBe(302);
    const { id } = await (
      await getPrisma()
    ).practice.findFirstOrThrow({ where: { organizationId: org.id }, select: { id: true } });
    expect(
      (
        await answer(
          editAction(
            editArgs(org, id, cookie, { intent: "save", version: "1", ...newForm({ title: "Edited by the lead" }) }),
          ),
        )
      ).status,
    ).toBe(302);
    expect((await answer(viewAction(viewArgs(org, id, cookie, { intent: "delete" })))).status).toBe(302);
  });
});

describe("the list", () => {
  let org: Org;
  let cookie = "";
  let commitmentId = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const w = await workspace();
    org = w.org;
    cookie = w.cookie;
    const prisma = await getPrisma();
    const made = await valueOf(
      createCommitment({
        prisma,
        organizationId: org.id,
        actorId: w.user.id,
        cycleId: await cycleId(2025),
        submissionKey: "list-commitment",
        input: { title: "Monthly assemblies", valueId: values[1].id, year: 2025 },
      }),
    );
    commitmentId = made.id;
    // 24 plain practices in 2024, one a month and a day, all of the first value, private
    for (let i = 0; i < 24; i++) {
      const month = String((i % 12) + 1).padStart(2, "0");
      await practice(org, w.user.id, {
        title: `Plain ${i}`,
        occurredOn: `2024-${month}-${String(1 + Math.floor(i / 12)).padStart(2, "0")}`,
        notes: "private words stay here",
      });
    }
    ids.special = (
      await practice(org, w.user.id, {
        title: "Assembly with a commitment",
        occurredOn: "2025-03-10",
        valueId: values[1].id,
        commitmentId,
        freedomIds: [freedoms[0].id, freedoms[2].id],
        visibility: "COALITION",
        participants: 40,
        impactedParticipants: 30,
      })
    ).id;
    ids.public = (
      await practice(org, w.user.id, {
        title: "Public march",
        occurredOn: "2025-06-01",
        visibility: "PUBLIC",
        freedomIds: [freedoms[2].id],
      })
    ).id;
    ids.gone = (await practice(org, w.user.id, { title: "Deleted one", occurredOn: "2025-07-01" })).id;
    await setPracticeDeleted({ prisma, organizationId: org.id, actorId: w.user.id, id: ids.gone, deleted: true });
  });

  test("an organization without practices sees the invitation to log the first one", async () => {
    const w = await workspace();
    const data = await listData(w.org, w.cookie);
    expect(data.total).toBe(0);
    expect(data.practices).toEqual([]);
    expect(data.values.length).toBeGreaterThanOrEqual(4);
  });

  test("20 a page, newest first, deleted ones left out; page 2 has the rest", async () => {
    const first = await listData(org, cookie);
    expect(first.total).toBe(26);
    expect(first.pages).toBe(2);
    expect(first.practices).toHaveLength(20);
    expect(first.practices[0].title).toBe("Public march");
    expect(first.practices[1].title).toBe("Assembly with a commitment");
    const dates = first.practices.map((p: { occurredOn: string }) => p.occurredOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = await listData(org, cookie, "?page=2");
    expect(second.page).toBe(2);
    expect(second.practices).toHaveLength(6);
    const titles = [...first.practices, ...second.practices].map((p: { title: string }) => p.title);
    expect(new Set(titles).size).toBe(26);
    expect(titles).not.toContain("Deleted one");
  });

  test("a row carries what the page shows, never the notes", async () => {
    const data = await listData(org, cookie);
    const row = data.practices.find((p: { id: string }) => p.id === ids.special);
    expect(row).toEqual({
      id: ids.special,
      title: "Assembly with a commitment",
      occurredOn: "2025-03-10",
      participants: 40,
      impactedParticipants: 30,
      visibility: "COALITION",
      consentToQuote: false,
      valueId: values[1].id,
      valueName: expect.any(String),
      commitment: "Monthly assemblies",
      freedomIds: expect.arrayContaining([freedoms[0].id, freedoms[2].id]),
      freedomNames: expect.arrayContaining([expect.any(String)]),
    });
    expect(JSON.stringify(data)).not.toContain("private words stay here");
  });

  test("each filter narrows the list, and the filters combine", async () => {
    const titles = async (query: string) =>
      (await listData(org, cookie, query)).practices.map((p: { title: string }) => p.title).sort();
    expect(await titles(`?value=${values[1].slug}`)).toEqual(["Assembly with a commitment"]);
    expect(await titles(`?freedom=${freedoms[2].slug}`)).toEqual(["Assembly with a commitment", "Public march"]);
    expect(await titles(`?commitment=${commitmentId}`)).toEqual(["Assembly with a commitment"]);
    expect(await titles("?visibility=PUBLIC")).toEqual(["Public march"]);
    expect(await titles("?from=2025-01-01")).toEqual(["Assembly with a commitment", "Public march"]);
    expect(await titles("?from=2024-12-01&to=2024-12-31")).toEqual(["Plain 11", "Plain 23"]);
    expect(await titles(`?freedom=${freedoms[2].slug}&visibility=COALITION`)).toEqual(["Assembly with a commitment"]);
    const filtered = await listData(org, cookie, `?value=${values[0].slug}&page=2`);
    expect(filtered.total).toBe(25);
    expect(filtered.practices).toHaveLength(5);
    expect(filtered.applied).toMatchObject({ value: values[0].slug });
  });

  test("malformed or unknown filters are ignored, never an error", async () => {
    const data = await listData(
      org,
      cookie,
      "?value=nope&freedom=%00&commitment=someone-elses&from=2024-13-45&to=yesterday&visibility=SECRET&page=-3",
    );
    expect(data.total).toBe(26);
    expect(data.page).toBe(1);
    expect(data.applied).toEqual({ value: "", freedom: "", commitment: "", from: "", to: "", visibility: "" });
    // year 0 is a real date to JavaScript that PostgreSQL refuses to read
    const yearZero = await listData(org, cookie, "?from=0000-01-01&to=0000-12-31");
    expect(yearZero.total).toBe(26);
    expect(yearZero.applied).toMatchObject({ from: "", to: "" });
    const far = await listData(org, cookie, "?page=99999999999");
    expect(far.page).toBe(1);
    const beyond = await listData(org, cookie, "?page=9");
    expect(beyond.practices).toEqual([]);
    expect(beyond.total).toBe(26);
  });

  test("another organization's commitment is not a filter here", async () => {
    const other = await workspace();
    const theirs = await valueOf(
      createCommitment({
        prisma: await getPrisma(),
        organizationId: other.org.id,
        actorId: other.user.id,
        cycleId: await cycleId(2025),
        submissionKey: "their-commitment",
        input: { title: "Their commitment", valueId: values[1].id, year: 2025 },
      }),
    );
    const data = await listData(org, cookie, `?commitment=${theirs.id}`);
    expect(data.applied.commitment).toBe("");
    expect(data.total).toBe(26);
    expect(JSON.stringify(data.commitments)).not.toContain("Their commitment");
  });
});

describe("logging a practice", () => {
  let org: Org;
  let cookie = "";
  let userId = "";
  let commitments: Record<string, string> = {};

  beforeAll(async () => {
    const w = await workspace();
    org = w.org;
    cookie = w.cookie;
    userId = w.user.id;
    const prisma = await getPrisma();
    const make = (organizationId: string, valueId: string, year: number, key: string) =>
      cycleId(year).then((id) =>
        valueOf(
          createCommitment({
            prisma,
            organizationId,
            actorId: userId,
            cycleId: id,
            submissionKey: key,
            input: { title: `Commitment ${key}`, valueId, year },
          }),
        ).then((c) => c.id),
      );
    const other = await createOrganization();
    commitments = {
      ours: await make(org.id, values[0].id, YEAR, "ours"),
      otherValue: await make(org.id, values[1].id, YEAR, "other-value"),
      lastYear: await make(org.id, values[0].id, YEAR - 1, "last-year"),
      otherOrg: await make(other.id, values[0].id, YEAR, "other-org"),
    };
  });

  const count = async () => (await getPrisma()).practice.count({ where: { organizationId: org.id } });

  test("the form gets a fresh submission key, today's date, the active values and this year's commitments", async () => {
    const res = await answer(newLoader(newArgs(org, cookie)));
    const data = await res.json();
    expect(data.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    expect((await (await answer(newLoader(newArgs(org, cookie)))).json()).submissionKey).not.toBe(data.submissionKey);
    // no zone from the browser: the organization's, which is the default one
    expect(data.calendar).toEqual({ timeZone: DEFAULT_TIME_ZONE, today: TODAY, zoneName: "Pacific Time" });
    expect(data.valueId).toBe("");
    expect(data.values.map((v: { id: string }) => v.id)).toEqual(values.map((v) => v.id));
    expect(data.values.map((v: { id: string }) => v.id)).not.toContain(archivedValueId);
    expect(data.values[0].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(data.freedoms).toHaveLength(freedoms.length);
    const offered = data.commitments.map((c: { id: string }) => c.id);
    expect(offered).toEqual(expect.arrayContaining([commitments.ours, commitments.otherValue, commitments.lastYear]));
    expect(offered).not.toContain(commitments.otherOrg);
  });

  test("?value=<slug> preselects that value; an unknown slug preselects none", async () => {
    const chosen = await (
      await answer(
        newLoader(
          requestArgs(`/o/${org.slug}/practices/new?value=${values[2].slug}`, { cookie, params: { org: org.slug } }),
        ),
      )
    ).json();
    expect(chosen.valueId).toBe(values[2].id);
    const unknown = await (
      await answer(
        newLoader(requestArgs(`/o/${org.slug}/practices/new?value=nope`, { cookie, params: { org: org.slug } })),
      )
    ).json();
    expect(unknown.valueId).toBe("");
  });

  test("a valid practice is saved with its freedoms and commitment, audited, and the list confirms it", async () => {
    const prisma = await getPrisma();
    const before = await count();
    const res = await answer(
      newAction(
        newArgs(
          org,
          cookie,
          newForm({
            title: "  Leadership circle  ",
            notes: "We met.",
            commitmentId: commitments.ours,
            visibility: "COALITION",
            "freedomIds[0]": freedoms[0].id,
            "freedomIds[1]": freedoms[1].id,
          }),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}/practices`);
    expect(await toastOf(res)).toMatchObject({ key: translated("practice:toast.created"), type: "success" });
    expect(await count()).toBe(before + 1);
    const row = await prisma.practice.findFirstOrThrow({
      where: { organizationId: org.id, title: "Leadership circle" },
      include: { freedoms: true },
    });
    expect(row).toMatchObject({
      notes: "We met.",
      participants: 12,
      impactedParticipants: 5,
      visibility: "COALITION",
      commitmentId: commitments.ours,
      createdById: userId,
      version: 1,
    });
    expect(row.occurredOn.toISOString().slice(0, 10)).toBe(TODAY);
    expect(row.freedoms.map((f) => f.freedomId).sort()).toEqual([freedoms[0].id, freedoms[1].id].sort());
    expect(
      await prisma.auditEvent.count({ where: { action: "practice.created", entityId: row.id, actorId: userId } }),
    ).toBe(1);
    await summariesAgree();
  });

  test("empty counts are 0 and an empty commitment is none", async () => {
    const res = await answer(
      newAction(
        newArgs(
          org,
          cookie,
          newForm({ title: "Quick one", participants: "", impactedParticipants: "", commitmentId: "" }),
        ),
      ),
    );
    expect(res.status).toBe(302);
    const row = await (
      await getPrisma()
    ).practice.findFirstOrThrow({ where: { organizationId: org.id, title: "Quick one" } });
    expect(row).toMatchObject({ participants: 0, impactedParticipants: 0, commitmentId: null, notes: "" });
  });

  const invalid: [string, Record<string, string>, string, string][] = [
    ["a missing title", { title: "   " }, "title", "validation.required"],
    ["a title over 200 characters", { title: "x".repeat(201) }, "title", "validation.tooLong"],
    ["notes over 10,000 characters", { notes: "x".repeat(10_001) }, "notes", "validation.tooLong"],
    ["a fraction of a participant", { participants: "2.5" }, "participants", "validation.wholeNumber"],
    ["participants as words", { participants: "twelve" }, "participants", "validation.wholeNumber"],
    [
      "negative participants",
      { participants: "-1", impactedParticipants: "0" },
      "participants",
      "validation.notNegative",
    ],
    ["over 100,000 participants", { participants: "100001" }, "participants", "practice:errors.tooManyParticipants"],
    [
      "more impacted than participants",
      { participants: "3", impactedParticipants: "4" },
      "impactedParticipants",
      "practice:errors.impactedOverParticipants",
    ],
    ["a date before 2000", { occurredOn: "1999-12-31" }, "occurredOn", "practice:errors.dateTooEarly"],
    [
      "tomorrow, in the organization's zone",
      { occurredOn: nextDay(TODAY) },
      "occurredOn",
      "practice:errors.dateInFuture",
    ],
    ["a date that does not exist", { occurredOn: "2024-02-30" }, "occurredOn", "validation.dateInvalid"],
    ["a missing date", { occurredOn: "" }, "occurredOn", "validation.required"],
    ["a missing value", { valueId: "" }, "valueId", "validation.required"],
    ["an unknown visibility", { visibility: "EVERYONE" }, "visibility", "validation.invalidChoice"],
  ];
  test.each(invalid)("%s is a translated field error and saves nothing", async (_name, fields, field, key) => {
    const before = await count();
    const res = await answer(newAction(newArgs(org, cookie, newForm(fields))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error?.[field]).toEqual([translated(key)]);
    expect(await count()).toBe(before);
  });

  test("six freedoms is one too many", async () => {
    const before = await count();
    const six = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `freedomIds[${i}]`,
        freedoms[i % freedoms.length].id + (i >= freedoms.length ? "x" : ""),
      ]),
    );
    const res = await answer(newAction(newArgs(org, cookie, newForm(six))));
    expect(res.status).toBe(400);
    expect((await res.json()).error?.freedomIds).toEqual([translated("practice:errors.tooManyFreedoms")]);
    expect(await count()).toBe(before);
  });

  const references: [string, () => Record<string, string>, string, string][] = [
    ["an unknown value", () => ({ valueId: "no-such-value" }), "valueId", "validation.invalidChoice"],
    ["an archived value", () => ({ valueId: archivedValueId }), "valueId", "validation.invalidChoice"],
    ["an unknown freedom", () => ({ "freedomIds[0]": "no-such-freedom" }), "freedomIds", "validation.invalidChoice"],
    [
      "another organization's commitment",
      () => ({ commitmentId: commitments.otherOrg }),
      "commitmentId",
      "practice:errors.commitmentMismatch",
    ],
    [
      "a commitment for another value",
      () => ({ commitmentId: commitments.otherValue }),
      "commitmentId",
      "practice:errors.commitmentMismatch",
    ],
    [
      "a commitment of another year",
      () => ({ commitmentId: commitments.lastYear }),
      "commitmentId",
      "practice:errors.commitmentMismatch",
    ],
    [
      "an unknown commitment",
      () => ({ commitmentId: "no-such-commitment" }),
      "commitmentId",
      "practice:errors.commitmentMismatch",
    ],
  ];
  test.each(references)("%s is a field error and saves nothing", async (_name, fields, field, key) => {
    const before = await count();
    const res = await answer(newAction(newArgs(org, cookie, newForm(fields()))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error?.[field]).toEqual([translated(key)]);
    // the typed text comes back so the form keeps it
    expect(body.initialValue?.title).toBe("Know-your-rights workshop");
    expect(await count()).toBe(before);
  });

  test("last year's commitment is right for a practice dated last year", async () => {
    const res = await answer(
      newAction(
        newArgs(
          org,
          cookie,
          newForm({ title: "Late entry", occurredOn: `${YEAR - 1}-12-15`, commitmentId: commitments.lastYear }),
        ),
      ),
    );
    expect(res.status).toBe(302);
  });

  test("the same form sent twice (a double click) creates one practice; both answers redirect", async () => {
    const before = await count();
    const form = newForm({ title: "Clicked twice" });
    const first = await answer(newAction(newArgs(org, cookie, form)));
    const second = await answer(newAction(newArgs(org, cookie, form)));
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(second.headers.get("Location")).toBe(`/o/${org.slug}/practices`);
    // and two at the very same moment
    const racing = newForm({ title: "Clicked at once" });
    const both = await Promise.all([
      answer(newAction(newArgs(org, cookie, racing))),
      answer(newAction(newArgs(org, cookie, racing))),
    ]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await count()).toBe(before + 2);
    const prisma = await getPrisma();
    expect(
      await prisma.practice.count({
        where: { organizationId: org.id, title: { in: ["Clicked twice", "Clicked at once"] } },
      }),
    ).toBe(2);
    await summariesAgree();
  });

  test("a form without its submission key is refused", async () => {
    const before = await count();
    const { submissionKey: _key, ...form } = newForm();
    const res = await answer(() => newAction(newArgs(org, cookie, form)));
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  test("a form posted from another site is refused", async () => {
    const before = await count();
    const res = await answer(() =>
      newAction(
        requestArgs(`/o/${org.slug}/practices/new`, {
          method: "POST",
          cookie,
          params: { org: org.slug },
          form: newForm(),
          headers: { Origin: "https://evil.example" },
        }),
      ),
    );
    expect(res.status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe("reading, editing, deleting and undoing", () => {
  let org: Org;
  let cookie = "";
  let userId = "";

  beforeAll(async () => {
    const w = await workspace();
    org = w.org;
    cookie = w.cookie;
    userId = w.user.id;
  });

  const editForm = (version: number, fields: Record<string, string> = {}) => {
    const { submissionKey: _key, ...form } = newForm(fields);
    return { intent: "save", version: String(version), ...form };
  };

  test("opening a practice shows it to read, with its value, freedoms, commitment, notes and who may see it", async () => {
    const prisma = await getPrisma();
    const cycle = await cycleId(YEAR);
    const commitment = await valueOf(
      createCommitment({
        prisma,
        organizationId: org.id,
        actorId: userId,
        cycleId: cycle,
        submissionKey: "view-commitment",
        input: { title: "Open assemblies", valueId: values[0].id, year: YEAR },
      }),
    );
    const { id } = await practice(org, userId, {
      title: "Assembly in the park",
      notes: "Forty neighbours came.",
      freedomIds: [freedoms[1].id, freedoms[3].id],
      commitmentId: commitment.id,
      visibility: "PUBLIC",
      consentToQuote: true,
      participants: 40,
      impactedParticipants: 25,
    });
    const res = await answer(viewLoader(viewArgs(org, id, cookie)));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.practice).toEqual({
      id,
      title: "Assembly in the park",
      notes: "Forty neighbours came.",
      occurredOn: TODAY,
      participants: 40,
      impactedParticipants: 25,
      visibility: "PUBLIC",
      consentToQuote: true,
      commitment: { id: commitment.id, title: "Open assemblies" },
    });
    expect(data.value).toMatchObject({ slug: values[0].slug });
    expect(data.freedoms.map((f: { id: string }) => f.id).sort()).toEqual([freedoms[1].id, freedoms[3].id].sort());
    expect(data.canWrite).toBe(true);
  });

  test("the edit page has the practice's fields and version, and today's date as the latest", async () => {
    const { id } = await practice(org, userId, {
      title: "To edit",
      notes: "Notes here",
      freedomIds: [freedoms[1].id],
      visibility: "PUBLIC",
    });
    const data = await (await answer(editLoader(editArgs(org, id, cookie)))).json();
    expect(data.practice).toMatchObject({
      id,
      title: "To edit",
      notes: "Notes here",
      version: 1,
      visibility: "PUBLIC",
      consentToQuote: false,
      freedomIds: [freedoms[1].id],
      commitmentId: "",
      occurredOn: TODAY,
    });
    expect(data.calendar.today).toBe(TODAY);
  });

  test("an unknown id or another organization's practice is a 404, on the page and its form", async () => {
    const other = await workspace();
    const theirs = await practice(other.org, other.user.id, { title: "Theirs" });
    for (const id of [theirs.id, "no-such-practice"]) {
      expect((await answer(() => viewLoader(viewArgs(org, id, cookie)))).status).toBe(404);
      expect((await answer(() => editLoader(editArgs(org, id, cookie)))).status).toBe(404);
      expect((await answer(() => editAction(editArgs(org, id, cookie, editForm(1))))).status).toBe(404);
      expect((await answer(() => viewAction(viewArgs(org, id, cookie, { intent: "delete" })))).status).toBe(404);
      expect((await answer(() => viewAction(viewArgs(org, id, cookie, { intent: "restore" })))).status).toBe(404);
    }
    const row = await (await getPrisma()).practice.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row).toMatchObject({ title: "Theirs", version: 1, deletedAt: null });
  });

  test("a save with the current version updates the practice, audits it and confirms on its page", async () => {
    const prisma = await getPrisma();
    const { id } = await practice(org, userId, { title: "Before", freedomIds: [freedoms[0].id] });
    const res = await answer(
      editAction(
        editArgs(
          org,
          id,
          cookie,
          editForm(1, {
            title: "After",
            valueId: values[1].id,
            participants: "30",
            impactedParticipants: "30",
            "freedomIds[0]": freedoms[3].id,
          }),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}/practices/${id}`);
    expect(await toastOf(res)).toMatchObject({ key: translated("practice:toast.updated") });
    const row = await prisma.practice.findUniqueOrThrow({ where: { id }, include: { freedoms: true } });
    expect(row).toMatchObject({
      title: "After",
      valueId: values[1].id,
      participants: 30,
      impactedParticipants: 30,
      version: 2,
    });
    expect(row.freedoms.map((f) => f.freedomId)).toEqual([freedoms[3].id]);
    expect(await prisma.auditEvent.count({ where: { action: "practice.updated", entityId: id } })).toBe(1);
    await summariesAgree();
  });

  test("a stale version answers 409 with the typed text kept, and overwrites nothing", async () => {
    const prisma = await getPrisma();
    const { id } = await practice(org, userId, { title: "Shared" });
    // someone else saves first
    expect((await answer(editAction(editArgs(org, id, cookie, editForm(1, { title: "Their edit" }))))).status).toBe(
      302,
    );
    const res = await answer(
      editAction(editArgs(org, id, cookie, editForm(1, { title: "My edit", notes: "My long paragraph" }))),
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toEqual({ "": [translated("validation.conflict")] });
    expect(body.initialValue).toMatchObject({ title: "My edit", notes: "My long paragraph", version: "1" });
    const row = await prisma.practice.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "Their edit", version: 2 });
    await summariesAgree();
  });

  test("an invalid edit is a field error and changes nothing", async () => {
    const { id } = await practice(org, userId, { title: "Stays" });
    const res = await answer(editAction(editArgs(org, id, cookie, editForm(1, { title: "" }))));
    expect(res.status).toBe(400);
    expect((await res.json()).error?.title).toEqual([translated("validation.required")]);
    const counts = await answer(
      editAction(editArgs(org, id, cookie, editForm(1, { participants: "2", impactedParticipants: "5" }))),
    );
    expect(counts.status).toBe(400);
    expect((await counts.json()).error?.impactedParticipants).toEqual([
      translated("practice:errors.impactedOverParticipants"),
    ]);
    const refs = await answer(editAction(editArgs(org, id, cookie, editForm(1, { valueId: archivedValueId }))));
    expect(refs.status).toBe(400);
    expect((await refs.json()).error?.valueId).toEqual([translated("validation.invalidChoice")]);
    const unknownIntent = await answer(editAction(editArgs(org, id, cookie, { intent: "publish" })));
    expect(unknownIntent.status).toBe(400);
    const unknownOnPage = await answer(viewAction(viewArgs(org, id, cookie, { intent: "publish" })));
    expect(unknownOnPage.status).toBe(400);
    expect((await (await getPrisma()).practice.findUniqueOrThrow({ where: { id } })).title).toBe("Stays");
  });

  test("delete hides the practice and offers an undo; the undo brings it back", async () => {
    const prisma = await getPrisma();
    const { id } = await practice(org, userId, {
      title: "Oops",
      participants: 7,
      impactedParticipants: 2,
      freedomIds: [freedoms[4].id],
    });
    const listed = async () => (await listData(org, cookie)).practices.some((p: { id: string }) => p.id === id);
    expect(await listed()).toBe(true);

    const deleted = await answer(viewAction(viewArgs(org, id, cookie, { intent: "delete" })));
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe(`/o/${org.slug}/practices`);
    expect(await toastOf(deleted)).toEqual({
      key: translated("practice:toast.deleted"),
      type: "success",
      undo: { action: `/o/${org.slug}/practices/${id}`, fields: { intent: "restore" } },
    });
    expect(await listed()).toBe(false);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    await summariesAgree();
    // a deleted practice has no page, no edit page and takes no edits
    expect((await answer(() => viewLoader(viewArgs(org, id, cookie)))).status).toBe(404);
    expect((await answer(() => editLoader(editArgs(org, id, cookie)))).status).toBe(404);
    expect((await answer(() => editAction(editArgs(org, id, cookie, editForm(2))))).status).toBe(404);
    expect((await answer(() => viewAction(viewArgs(org, id, cookie, { intent: "delete" })))).status).toBe(404);

    const restored = await answer(viewAction(viewArgs(org, id, cookie, { intent: "restore" })));
    expect(restored.status).toBe(302);
    expect(restored.headers.get("Location")).toBe(`/o/${org.slug}/practices/${id}`);
    expect(await toastOf(restored)).toMatchObject({ key: translated("practice:toast.restored") });
    expect(await listed()).toBe(true);
    expect((await answer(viewLoader(viewArgs(org, id, cookie)))).status).toBe(200);
    await summariesAgree();
    // undo twice (a double click) changes nothing more
    expect((await answer(viewAction(viewArgs(org, id, cookie, { intent: "restore" })))).status).toBe(302);
    await summariesAgree();
    const actions = await prisma.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["practice.created", "practice.deleted", "practice.restored"]);
  });

  describe("consent to be named when quoted", () => {
    const row = async (title: string) =>
      (await getPrisma()).practice.findFirstOrThrow({ where: { organizationId: org.id, title } });

    test("a public practice keeps the consent ticked with it; without the tick it is quoted anonymously", async () => {
      expect(
        (
          await answer(
            newAction(
              newArgs(org, cookie, newForm({ title: "Named march", visibility: "PUBLIC", consentToQuote: "on" })),
            ),
          )
        ).status,
      ).toBe(302);
      expect(
        (await answer(newAction(newArgs(org, cookie, newForm({ title: "Anonymous march", visibility: "PUBLIC" })))))
          .status,
      ).toBe(302);
      expect(await row("Named march")).toMatchObject({ visibility: "PUBLIC", consentToQuote: true });
      expect(await row("Anonymous march")).toMatchObject({ visibility: "PUBLIC", consentToQuote: false });
      const listed = (await listData(org, cookie)).practices;
      expect(listed.find((p: { title: string }) => p.title === "Named march")?.consentToQuote).toBe(true);
      expect(listed.find((p: { title: string }) => p.title === "Anonymous march")?.consentToQuote).toBe(false);
    });

    test("a tick sent with another visibility is no consent: it only applies to public practices", async () => {
      for (const visibility of ["PRIVATE", "COALITION"]) {
        const title = `Ticked but ${visibility}`;
        expect(
          (await answer(newAction(newArgs(org, cookie, newForm({ title, visibility, consentToQuote: "on" }))))).status,
        ).toBe(302);
        expect(await row(title)).toMatchObject({ visibility, consentToQuote: false });
      }
    });

    test("an edit without the tick takes the consent back, and leaving public drops it", async () => {
      const { id } = await practice(org, userId, {
        title: "Consent given",
        visibility: "PUBLIC",
        consentToQuote: true,
      });
      const { submissionKey: _key, ...form } = newForm({ title: "Consent given", visibility: "PUBLIC" });
      expect(
        (await answer(editAction(editArgs(org, id, cookie, { intent: "save", version: "1", ...form })))).status,
      ).toBe(302);
      expect(await row("Consent given")).toMatchObject({ consentToQuote: false, version: 2 });
      expect(
        (
          await answer(
            editAction(editArgs(org, id, cookie, { intent: "save", version: "2", ...form, consentToQuote: "on" })),
          )
        ).status,
      ).toBe(302);
      expect(await row("Consent given")).toMatchObject({ consentToQuote: true });
      expect(
        (
          await answer(
            editAction(
              editArgs(org, id, cookie, {
                intent: "save",
                version: "3",
                ...form,
                visibility: "COALITION",
                consentToQuote: "on",
              }),
            ),
          )
        ).status,
      ).toBe(302);
      expect(await row("Consent given")).toMatchObject({ visibility: "COALITION", consentToQuote: false });
    });

    test("the database refuses consent on a practice that is not public", async () => {
      const { id } = await practice(org, userId, { title: "Private one", visibility: "PRIVATE" });
      await expect(
        (await getPrisma()).practice.update({ where: { id }, data: { consentToQuote: true } }),
      ).rejects.toThrow();
      expect((await row("Private one")).consentToQuote).toBe(false);
    });
  });
});

describe("today, in the calendar of the person logging", () => {
  // 00:30 UTC on March 10 is 16:30 on March 9 in Los Angeles and 09:30 on March 10 in Tokyo
  const NOW = new Date("2026-03-10T00:30:00Z");
  let org: Org;
  let cookie = "";

  beforeAll(async () => {
    org = await createOrganization();
    await (await getPrisma()).organization.update({ where: { id: org.id }, data: { timeZone: "America/Los_Angeles" } });
    const user = await createUser({ memberships: [{ organizationId: org.id }] });
    cookie = (await sessionCookie(user.id)).cookie;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (when: Date) => vi.useFakeTimers({ toFake: ["Date"], now: when });
  const withZone = (zone: string) => `${cookie}; tz=${encodeURIComponent(zone)}`;
  const newPage = async (cookieHeader: string) => (await answer(newLoader(newArgs(org, cookieHeader)))).json();

  test("the form's date is the organization's today, not the server's UTC day", async () => {
    at(NOW);
    const data = await newPage(cookie);
    expect(data.calendar).toEqual({ timeZone: "America/Los_Angeles", today: "2026-03-09", zoneName: "Pacific Time" });
  });

  test("the zone the browser reports wins, and an unknown one is ignored", async () => {
    at(NOW);
    expect((await newPage(withZone("Asia/Tokyo"))).calendar).toMatchObject({
      timeZone: "Asia/Tokyo",
      today: "2026-03-10",
    });
    expect((await newPage(withZone("Mars/Olympus_Mons"))).calendar).toMatchObject({
      timeZone: "America/Los_Angeles",
      today: "2026-03-09",
    });
    expect((await newPage(`${cookie}; tz=%E0%A4%A`)).calendar).toMatchObject({ today: "2026-03-09" });
  });

  test("an organization in another zone has its own today", async () => {
    at(NOW);
    await (await getPrisma()).organization.update({ where: { id: org.id }, data: { timeZone: "Europe/Madrid" } });
    try {
      expect((await newPage(cookie)).calendar).toMatchObject({ timeZone: "Europe/Madrid", today: "2026-03-10" });
    } finally {
      await (
        await getPrisma()
      ).organization.update({ where: { id: org.id }, data: { timeZone: "America/Los_Angeles" } });
    }
  });

  test("the server refuses a date after today there with a translated field error, and takes today", async () => {
    at(NOW);
    const before = await (await getPrisma()).practice.count({ where: { organizationId: org.id } });
    const ahead = await answer(
      newAction(newArgs(org, cookie, newForm({ title: "Tomorrow by UTC", occurredOn: "2026-03-10" }))),
    );
    expect(ahead.status).toBe(400);
    expect((await ahead.json()).error?.occurredOn).toEqual([translated("practice:errors.dateInFuture")]);
    expect(await (await getPrisma()).practice.count({ where: { organizationId: org.id } })).toBe(before);
    expect(
      (
        await answer(
          newAction(newArgs(org, cookie, newForm({ title: "Today in Los Angeles", occurredOn: "2026-03-09" }))),
        )
      ).status,
    ).toBe(302);
    // where the browser says it is already March 10, that is today
    expect(
      (
        await answer(
          newAction(
            newArgs(org, withZone("Asia/Tokyo"), newForm({ title: "Today in Tokyo", occurredOn: "2026-03-10" })),
          ),
        )
      ).status,
    ).toBe(302);
  });

  test("an edit is held to the same today", async () => {
    at(NOW);
    const { id } = await valueOf(
      createPractice({
        prisma: await getPrisma(),
        organizationId: org.id,
        actorId: (await createUser()).id,
        submissionKey: "tz-edit",
        input: base({ occurredOn: "2026-03-01" }),
      }),
    );
    const { submissionKey: _key, ...form } = newForm({ occurredOn: "2026-03-10" });
    const res = await answer(editAction(editArgs(org, id, cookie, { intent: "save", version: "1", ...form })));
    expect(res.status).toBe(400);
    expect((await res.json()).error?.occurredOn).toEqual([translated("practice:errors.dateInFuture")]);
    expect((await (await answer(editLoader(editArgs(org, id, cookie)))).json()).calendar.today).toBe("2026-03-09");
  });
});
