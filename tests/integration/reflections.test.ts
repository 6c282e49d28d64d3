// The annual reflection: a step per value saved as drafts, the lead's submit and reopen, read-only years,
// last year's next steps beside the form, and who may see any of it.
import { beforeAll, describe, expect, test } from "vitest";
import { action, loader } from "~/routes/o.$org.reflections.$year/route";
import { getPrisma } from "~/utils/db.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, toastOf, translated } from "../factories";

const YEAR = new Date().getUTCFullYear();
const LAST_YEAR = YEAR - 1;
const NO_CYCLE_YEAR = YEAR + 5;

let values: { id: string; slug: string }[] = [];
const cycles: Record<number, string> = {};

beforeAll(async () => {
  const prisma = await getPrisma();
  values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  for (const [year, status] of [
    [YEAR, "OPEN"],
    [LAST_YEAR, "CLOSED"],
  ] as const) {
    const c = await prisma.cycle.create({
      data: {
        year,
        opensOn: new Date(`${year}-01-01`),
        closesOn: new Date(`${year}-12-31`),
        status,
        prompts: {
          create: [
            {
              valueId: values[0].id,
              prompt: { en: `How did trust grow in ${year}?`, es: `¿Cómo creció la confianza en ${year}?` },
            },
          ],
        },
      },
    });
    cycles[year] = c.id;
  }
});

/** An organization with a member and a lead signed in. */
async function workspace() {
  const org = await createOrganization();
  const member = await createUser({ memberships: [{ organizationId: org.id }] });
  const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
  return { org, member: (await sessionCookie(member.id)).cookie, lead: (await sessionCookie(lead.id)).cookie };
}

const path = (org: { slug: string }, year: number | string, step?: string) =>
  `/o/${org.slug}/reflections/${year}${step ? `?step=${step}` : ""}`;

function get(org: { slug: string }, cookie: string, year: number | string = YEAR, step?: string) {
  return answer(() =>
    loader(requestArgs(path(org, year, step), { cookie, params: { org: org.slug, year: String(year) } })),
  );
}

function post(org: { slug: string }, cookie: string, form: Record<string, string>, year: number | string = YEAR) {
  return answer(() =>
    action(
      requestArgs(path(org, year), { method: "POST", cookie, form, params: { org: org.slug, year: String(year) } }),
    ),
  );
}

const step = (i: number, form: Record<string, string> = {}) => ({
  intent: "save",
  valueId: values[i].id,
  version: "0",
  nextStep: values[(i + 1) % values.length].slug,
  rubricLevel: "2",
  wentWell: `Went well ${i}`,
  challenges: `Hard ${i}`,
  nextSteps: `Next ${i}`,
  ...form,
});

/** Every value's step saved with a level, as a member would. */
async function completeAll(org: { id: string; slug: string }, cookie: string) {
  for (let i = 0; i < values.length; i++) expect((await post(org, cookie, step(i))).status).toBe(302);
}

const rows = async (organizationId: string, year = YEAR) =>
  (await getPrisma()).reflection.findMany({
    where: { organizationId, cycleId: cycles[year] },
    orderBy: { valueId: "asc" },
  });

describe("drafting the reflection", () => {
  test("a member saves each value's step as a draft and moves on; the version counts the saves", async () => {
    const { org, member } = await workspace();
    const first = await (await get(org, member)).json();
    expect(first.editable).toBe(true);
    expect(first.canSubmit).toBe(false);
    expect(first.current).toMatchObject({
      slug: values[0].slug,
      number: 1,
      version: 0,
      answer: null,
      prompt: `How did trust grow in ${YEAR}?`,
    });
    expect(first.current.levels).toHaveLength(4);
    expect(first.current.levels[0]).toMatchObject({
      level: 1,
      name: expect.any(String),
      descriptor: expect.any(String),
    });
    expect(first.steps.map((s: { state: string }) => s.state)).toEqual(values.map(() => "empty"));

    for (let i = 0; i < values.length; i++) {
      const res = await post(org, member, step(i, { rubricLevel: i === 3 ? "" : String(i + 1) }));
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`${path(org, YEAR)}?step=${values[(i + 1) % values.length].slug}`);
      expect((await toastOf(res))?.key).toBe(translated("reflection:toast.saved"));
    }
    const saved = await rows(org.id);
    expect(saved).toHaveLength(values.length);
    expect(saved.every((r) => r.version === 1 && r.status === "DRAFT" && r.visibility === "PRIVATE")).toBe(true);

    // the first unfinished step comes first; the others show their state
    const after = await (await get(org, member)).json();
    expect(after.current.slug).toBe(values[3].slug);
    expect(after.steps.map((s: { state: string }) => s.state)).toEqual(["done", "done", "done", "draft"]);
    expect(after.doneCount).toBe(3);

    const again = await post(org, member, step(1, { version: "1", rubricLevel: "4", wentWell: "Even better" }));
    expect(again.status).toBe(302);
    const row = (await rows(org.id)).find((r) => r.valueId === values[1].id);
    expect(row).toMatchObject({ version: 2, rubricLevel: 4, wentWell: "Even better" });
    expect(
      await (await getPrisma()).auditEvent.count({ where: { action: "reflection.saved", organizationId: org.id } }),
    ).toBe(values.length + 1);

    const chosen = await (await get(org, member, YEAR, values[1].slug)).json();
    expect(chosen.current).toMatchObject({
      slug: values[1].slug,
      version: 2,
      answer: { rubricLevel: 4, wentWell: "Even better" },
    });
    // only the step on screen carries its text
    expect(JSON.stringify(chosen)).not.toContain("Went well 0");
  });

  test("PRIVATE is the default, and consent to be quoted only sticks to PUBLIC entries", async () => {
    const { org, member } = await workspace();
    await post(org, member, step(0, { consentToQuote: "on" }));
    await post(org, member, step(1, { visibility: "PUBLIC", consentToQuote: "on" }));
    await post(org, member, step(2, { visibility: "COALITION", consentToQuote: "on" }));
    const byValue = new Map((await rows(org.id)).map((r) => [r.valueId, r]));
    expect(byValue.get(values[0].id)).toMatchObject({ visibility: "PRIVATE", consentToQuote: false });
    expect(byValue.get(values[1].id)).toMatchObject({ visibility: "PUBLIC", consentToQuote: true });
    expect(byValue.get(values[2].id)).toMatchObject({ visibility: "COALITION", consentToQuote: false });
  });

  test("invalid input is a translated field error and nothing is saved", async () => {
    const { org, member } = await workspace();
    const res = await post(
      org,
      member,
      step(0, { rubricLevel: "7", wentWell: "x".repeat(10_001), visibility: "EVERYONE" }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.rubricLevel).toEqual([translated("validation.invalidChoice")]);
    expect(body.result.error.wentWell).toEqual([translated("validation.tooLong")]);
    expect(body.result.error.visibility).toEqual([translated("validation.invalidChoice")]);
    expect(await rows(org.id)).toHaveLength(0);
  });

  test("a stale step save answers 409 and keeps the typed text", async () => {
    const { org, member, lead } = await workspace();
    await post(org, member, step(0));
    const stale = await post(org, lead, step(0, { version: "0", wentWell: "What I typed meanwhile" }));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.result.error[""]).toEqual([translated("validation.conflict")]);
    expect(body.result.initialValue.wentWell).toBe("What I typed meanwhile");
    const [row] = await rows(org.id);
    expect(row).toMatchObject({ version: 1, wentWell: "Went well 0" });
  });

  test("two first saves of one step at once: one is saved, the other is a conflict, never a 500", async () => {
    const { org, member, lead } = await workspace();
    const both = await Promise.all([
      post(org, member, step(0, { wentWell: "Member's words" })),
      post(org, lead, step(0, { wentWell: "Lead's words" })),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([302, 409]);
    const saved = await rows(org.id);
    expect(saved).toHaveLength(1);
    expect(saved[0].version).toBe(1);
  });

  test("last year's next steps are shown beside this year's form", async () => {
    const { org, member } = await workspace();
    await (
      await getPrisma()
    ).reflection.create({
      data: {
        organizationId: org.id,
        valueId: values[0].id,
        cycleId: cycles[LAST_YEAR],
        rubricLevel: 2,
        nextSteps: "Hire an interpreter",
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    const data = await (await get(org, member)).json();
    expect(data.current.lastYearNextSteps).toBe("Hire an interpreter");
    const other = await (await get(org, member, YEAR, values[1].slug)).json();
    expect(other.current.lastYearNextSteps).toBeNull();
  });
});

describe("submitting and reopening", () => {
  test("a member cannot submit or reopen: 404, and nothing changes", async () => {
    const { org, member } = await workspace();
    await completeAll(org, member);
    expect((await post(org, member, { intent: "submit" })).status).toBe(404);
    expect((await post(org, member, { intent: "reopen" })).status).toBe(404);
    expect((await rows(org.id)).every((r) => r.status === "DRAFT")).toBe(true);
  });

  test("an incomplete reflection is not submitted: the lead is told which values lack a level", async () => {
    const { org, member, lead } = await workspace();
    await post(org, member, step(0));
    await post(org, member, step(1, { rubricLevel: "" }));
    const res = await post(org, lead, { intent: "submit" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error[""]).toEqual([translated("reflection:errors.incomplete")]);
    expect(body.missing.sort()).toEqual([values[1].id, values[2].id, values[3].id].sort());
    expect((await rows(org.id)).map((r) => [r.status, r.version, r.submittedAt])).toEqual([
      ["DRAFT", 1, null],
      ["DRAFT", 1, null],
    ]);
  });

  test("the lead submits a complete reflection; it is then read-only until the lead reopens it", async () => {
    const { org, member, lead } = await workspace();
    await completeAll(org, member);
    const res = await post(org, lead, { intent: "submit" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(path(org, YEAR));
    expect(await toastOf(res)).toMatchObject({ key: translated("reflection:submit.done"), values: { year: YEAR } });
    const submitted = await rows(org.id);
    expect(submitted.every((r) => r.status === "SUBMITTED" && r.submittedAt !== null && r.version === 2)).toBe(true);
    expect(
      await (await getPrisma()).auditEvent.count({ where: { action: "reflection.submitted", organizationId: org.id } }),
    ).toBe(1);

    const seen = await (await get(org, member)).json();
    expect(seen).toMatchObject({ submitted: true, editable: false, canReopen: false });
    expect(seen.submittedAt).toEqual(expect.any(String));
    expect((await (await get(org, lead)).json()).canReopen).toBe(true);

    const locked = await post(org, member, step(0, { version: "2", wentWell: "Changed after submit" }));
    expect(locked.status).toBe(409);
    expect((await locked.json()).result.error[""]).toEqual([translated("reflection:errors.submitted")]);
    expect((await rows(org.id)).map((r) => [r.status, r.version, r.wentWell])).toEqual(
      submitted.map((r) => [r.status, r.version, r.wentWell]),
    );

    const reopened = await post(org, lead, { intent: "reopen" });
    expect(reopened.status).toBe(302);
    expect((await toastOf(reopened))?.key).toBe(translated("reflection:reopen.done"));
    expect((await rows(org.id)).every((r) => r.status === "DRAFT" && r.submittedAt === null)).toBe(true);
    expect((await (await get(org, member)).json()).editable).toBe(true);
    expect((await post(org, member, step(0, { version: "3", wentWell: "Changed after reopening" }))).status).toBe(302);
  });

  test("a closed cycle is read-only: no saves, no submit, no reopen", async () => {
    const { org, member, lead } = await workspace();
    await (
      await getPrisma()
    ).reflection.create({
      data: {
        organizationId: org.id,
        valueId: values[0].id,
        cycleId: cycles[LAST_YEAR],
        rubricLevel: 3,
        wentWell: "Kept",
      },
    });
    const data = await (await get(org, lead, LAST_YEAR, values[0].slug)).json();
    expect(data).toMatchObject({ editable: false, canReopen: false, cycle: { status: "CLOSED" } });
    expect(data.current.answer).toMatchObject({ rubricLevel: 3, wentWell: "Kept" });
    const save = await post(org, member, step(0, { version: "1", wentWell: "Too late" }), LAST_YEAR);
    expect(save.status).toBe(409);
    expect((await save.json()).result.error[""]).toEqual([translated("reflection:errors.cycleClosed")]);
    expect((await post(org, lead, { intent: "submit" }, LAST_YEAR)).status).toBe(409);
    expect((await post(org, lead, { intent: "reopen" }, LAST_YEAR)).status).toBe(409);
    expect((await rows(org.id, LAST_YEAR)).map((r) => [r.wentWell, r.version, r.status])).toEqual([
      ["Kept", 1, "DRAFT"],
    ]);
  });
});

describe("the year's state, its overview and reading a past year", () => {
  test("a step marked submitted in a year the lead has not submitted reads as a draft and can still be changed", async () => {
    const { org, member } = await workspace();
    const prisma = await getPrisma();
    // data written step by step (as the demo generator does) can mark a single step submitted
    await prisma.reflection.create({
      data: {
        organizationId: org.id,
        valueId: values[0].id,
        cycleId: cycles[YEAR],
        rubricLevel: 3,
        wentWell: "Early",
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    await prisma.reflection.create({
      data: { organizationId: org.id, valueId: values[1].id, cycleId: cycles[YEAR], wentWell: "Started" },
    });
    const data = await (await get(org, member, YEAR, values[0].slug)).json();
    expect(data).toMatchObject({ submitted: false, editable: true });
    expect(data.steps.map((s: { state: string }) => s.state)).toEqual([
      "done",
      "draft",
      ...values.slice(2).map(() => "empty"),
    ]);
    expect((await post(org, member, step(0, { version: "1", wentWell: "Changed" }))).status).toBe(302);
    expect((await rows(org.id)).find((r) => r.valueId === values[0].id)).toMatchObject({
      wentWell: "Changed",
      status: "DRAFT",
      submittedAt: null,
    });
  });

  test("only the lead's submit makes every step read as submitted", async () => {
    const { org, member, lead } = await workspace();
    await completeAll(org, member);
    expect((await (await get(org, member)).json()).steps.every((s: { state: string }) => s.state === "done")).toBe(
      true,
    );
    expect((await post(org, lead, { intent: "submit" })).status).toBe(302);
    expect((await (await get(org, member)).json()).steps.every((s: { state: string }) => s.state === "submitted")).toBe(
      true,
    );
  });

  test("each value carries this year's practices for it: how many and the latest titles, never deleted ones or other years'", async () => {
    const { org, member } = await workspace();
    const other = await createOrganization();
    const prisma = await getPrisma();
    const practice = (organizationId: string, valueId: string, title: string, occurredOn: string, deleted = false) =>
      prisma.practice.create({
        data: {
          organizationId,
          valueId,
          title,
          occurredOn: new Date(occurredOn),
          deletedAt: deleted ? new Date() : null,
        },
      });
    for (let i = 1; i <= 4; i++) await practice(org.id, values[0].id, `Circle ${i}`, `${YEAR}-0${i}-10`);
    await practice(org.id, values[0].id, "Removed one", `${YEAR}-05-01`, true);
    await practice(org.id, values[0].id, "Last year's", `${LAST_YEAR}-06-01`);
    await practice(org.id, values[1].id, "Only one", `${YEAR}-02-02`);
    await practice(other.id, values[0].id, "Someone else's", `${YEAR}-06-01`);
    const data = await (await get(org, member)).json();
    expect(data.steps[0].practices).toEqual({
      count: 4,
      recent: ["Circle 4", "Circle 3", "Circle 2"].map((title) => expect.objectContaining({ title })),
    });
    expect(data.steps[1].practices).toMatchObject({
      count: 1,
      recent: [{ title: "Only one", occurredOn: `${YEAR}-02-02` }],
    });
    expect(data.steps[2].practices).toEqual({ count: 0, recent: [] });
    const text = JSON.stringify(data);
    for (const hidden of ["Removed one", "Last year's", "Someone else's"]) expect(text).not.toContain(hidden);
  });

  test("a read-only year links each step to the previous and the next value", async () => {
    const { org, member } = await workspace();
    const middle = await (await get(org, member, LAST_YEAR, values[1].slug)).json();
    expect(middle.editable).toBe(false);
    expect(middle.current.previous).toMatchObject({ slug: values[0].slug });
    expect(middle.current.following).toMatchObject({ slug: values[2].slug });
    const first = await (await get(org, member, LAST_YEAR, values[0].slug)).json();
    expect(first.current.previous).toBeNull();
    const last = await (await get(org, member, LAST_YEAR, values[values.length - 1].slug)).json();
    expect(last.current.following).toBeNull();
  });
});

describe("who may see the reflection", () => {
  test("the year the pages link to, before its cycle is set up, says the reflection opens with it; writing there is a 404", async () => {
    const { org, member } = await workspace();
    const page = await get(org, member, String(YEAR + 1));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ noCycle: true, year: YEAR + 1 });
    expect((await post(org, member, step(0), String(YEAR + 1))).status).toBe(404);
  });

  test("a year without a cycle, or not a year at all, is a 404", async () => {
    const { org, member } = await workspace();
    for (const year of [NO_CYCLE_YEAR, "abcd", "20x6", "202", "02026"]) {
      expect((await get(org, member, year)).status).toBe(404);
      expect((await post(org, member, step(0), year)).status).toBe(404);
    }
  });

  test("a member of another organization and coalition staff get 404; without a session, sign in", async () => {
    const { org, member } = await workspace();
    await post(org, member, step(0, { wentWell: "Our private words" }));
    const outsider = await createUser({
      memberships: [{ organizationId: (await createOrganization()).id }],
      coalitionRole: "STAFF",
    });
    const { cookie } = await sessionCookie(outsider.id);
    const page = await get(org, cookie);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Our private words");
    expect((await post(org, cookie, step(1))).status).toBe(404);
    expect((await post(org, cookie, { intent: "submit" })).status).toBe(404);

    const anonymous = await get(org, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path(org, YEAR))}`);
    expect((await post(org, "", step(1))).status).toBe(302);
    expect(await rows(org.id)).toHaveLength(1);
  });
});
