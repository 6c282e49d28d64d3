// The commitment pages: the year's list grouped by value, making one, dated updates that form its timeline,
// editing it, copying last year's unfinished ones forward, and who may see any of it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { CommitmentStatus } from "~/generated/prisma/client";
import { action as detailAction, loader as detailLoader } from "~/routes/o.$org.commitments_.$commitmentId";
import { action as listAction, loader as listLoader } from "~/routes/o.$org.commitments";
import { action as newAction, loader as newLoader } from "~/routes/o.$org.commitments_.new";
import { getPrisma } from "~/utils/db.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, translated } from "../factories";

const YEAR = new Date().getUTCFullYear();
const CLOSED_YEAR = YEAR - 1;
const NO_CYCLE_YEAR = YEAR + 5;

let values: { id: string; slug: string }[] = [];
let archivedValueId = "";
const cycles: Record<number, string> = {};

beforeAll(async () => {
  const prisma = await getPrisma();
  values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  const archived = await prisma.value.create({
    data: {
      slug: "archived-value",
      position: 99,
      name: { en: "Old value", es: "Valor antiguo" },
      description: { en: "Old", es: "Antiguo" },
      archivedAt: new Date(),
    },
  });
  archivedValueId = archived.id;
  for (const [year, status] of [
    [YEAR, "OPEN"],
    [CLOSED_YEAR, "CLOSED"],
  ] as const) {
    const c = await prisma.cycle.create({
      data: { year, opensOn: new Date(`${year}-01-01`), closesOn: new Date(`${year}-12-31`), status },
    });
    cycles[year] = c.id;
  }
});

/** An organization with a member signed in. */
async function workspace() {
  const org = await createOrganization();
  const user = await createUser({ name: "Rosa Member", memberships: [{ organizationId: org.id }] });
  const { cookie } = await sessionCookie(user.id);
  return { org, user, cookie };
}

async function commitment(
  organizationId: string,
  overrides: { year?: number; status?: CommitmentStatus; progress?: number; title?: string; valueId?: string } = {},
) {
  const prisma = await getPrisma();
  return prisma.commitment.create({
    data: {
      organizationId,
      valueId: overrides.valueId ?? values[0].id,
      cycleId: cycles[overrides.year ?? YEAR],
      title: overrides.title ?? "Hold meetings in three languages",
      status: overrides.status ?? "PLANNED",
      progress: overrides.progress ?? 0,
    },
  });
}

const newForm = (form: Record<string, string> = {}) => ({
  valueId: values[0].id,
  year: String(YEAR),
  title: "Train ten new spokespeople",
  description: "Media training twice a year",
  indicator: "People trained",
  target: "10",
  submissionKey: randomUUID(),
  ...form,
});

function postNew(org: { slug: string }, cookie: string, form: Record<string, string>) {
  return answer(() =>
    newAction(
      requestArgs(`/o/${org.slug}/commitments/new`, { method: "POST", cookie, form, params: { org: org.slug } }),
    ),
  );
}

function postDetail(org: { slug: string }, cookie: string, id: string, form: Record<string, string>) {
  return answer(() =>
    detailAction(
      requestArgs(`/o/${org.slug}/commitments/${id}`, {
        method: "POST",
        cookie,
        form,
        params: { org: org.slug, commitmentId: id },
      }),
    ),
  );
}

function getDetail(org: { slug: string }, cookie: string, id: string) {
  return answer(() =>
    detailLoader(
      requestArgs(`/o/${org.slug}/commitments/${id}`, { cookie, params: { org: org.slug, commitmentId: id } }),
    ),
  );
}

describe("the list of a year's commitments", () => {
  test("groups the year's commitments by value with status, progress and last update; other years stay out", async () => {
    const { org, cookie } = await workspace();
    await commitment(org.id, { title: "First", status: "IN_PROGRESS", progress: 40 });
    await commitment(org.id, { title: "Second", valueId: values[1].id });
    await commitment(org.id, { title: "Last year", year: CLOSED_YEAR });
    const other = await createOrganization();
    await commitment(other.id, { title: "Not ours" });

    const res = await answer(
      listLoader(requestArgs(`/o/${org.slug}/commitments`, { cookie, params: { org: org.slug } })),
    );
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.year).toBe(YEAR);
    expect(data.writable).toBe(true);
    expect(data.total).toBe(2);
    expect(data.groups.map((g: { id: string }) => g.id)).toEqual(values.map((v) => v.id));
    expect(data.groups[0].name).toBe("Trust & Respect");
    expect(data.groups[0].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(data.groups[0].commitments).toEqual([
      expect.objectContaining({
        title: "First",
        status: "IN_PROGRESS",
        progress: 40,
        lastUpdateAt: expect.any(String),
      }),
    ]);
    expect(data.groups[1].commitments.map((c: { title: string }) => c.title)).toEqual(["Second"]);
    expect(JSON.stringify(data)).not.toContain("Not ours");
    expect(JSON.stringify(data)).not.toContain("Last year");
    expect(data.years).toContain(CLOSED_YEAR);

    const last = await (
      await answer(
        listLoader(
          requestArgs(`/o/${org.slug}/commitments?year=${CLOSED_YEAR}`, { cookie, params: { org: org.slug } }),
        ),
      )
    ).json();
    expect(last.year).toBe(CLOSED_YEAR);
    expect(last.cycleStatus).toBe("CLOSED");
    expect(last.writable).toBe(false);
    expect(last.total).toBe(1);
  });

  test("a year with nothing is an empty list; a nonsense year falls back to this year", async () => {
    const { org, cookie } = await workspace();
    const empty = await (
      await answer(
        listLoader(
          requestArgs(`/o/${org.slug}/commitments?year=${NO_CYCLE_YEAR}`, { cookie, params: { org: org.slug } }),
        ),
      )
    ).json();
    expect(empty.total).toBe(0);
    expect(empty.cycleStatus).toBeNull();
    expect(empty.writable).toBe(false);
    const nonsense = await (
      await answer(
        listLoader(requestArgs(`/o/${org.slug}/commitments?year=abc`, { cookie, params: { org: org.slug } })),
      )
    ).json();
    expect(nonsense.year).toBe(YEAR);
  });
});

describe("making a commitment", () => {
  test("the form presets the open cycle and the value asked for, with a fresh submission key", async () => {
    const { org, cookie } = await workspace();
    const data = await (
      await answer(
        newLoader(
          requestArgs(`/o/${org.slug}/commitments/new?value=${values[2].slug}`, { cookie, params: { org: org.slug } }),
        ),
      )
    ).json();
    expect(data.year).toBe(YEAR);
    expect(data.years).toEqual([YEAR]);
    expect(data.valueId).toBe(values[2].id);
    expect(data.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.values.map((v: { id: string }) => v.id)).not.toContain(archivedValueId);
  });

  test("a valid form creates it in the cycle, with an audit event, and lands on it with a confirmation", async () => {
    const { org, user, cookie } = await workspace();
    const res = await postNew(org, cookie, newForm());
    expect(res.status).toBe(302);
    const prisma = await getPrisma();
    const rows = await prisma.commitment.findMany({ where: { organizationId: org.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "Train ten new spokespeople",
      cycleId: cycles[YEAR],
      valueId: values[0].id,
      status: "PLANNED",
      progress: 0,
      version: 1,
      target: "10",
    });
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}/commitments/${rows[0].id}`);
    await expect(res).toHaveToast(translated("commitment:new.created"));
    expect(
      await prisma.auditEvent.count({
        where: { action: "commitment.created", actorId: user.id, entityId: rows[0].id },
      }),
    ).toBe(1);
  });

  test("invalid fields answer translated field errors and save nothing", async () => {
    const { org, cookie } = await workspace();
    const res = await postNew(
      org,
      cookie,
      newForm({ title: "   ", description: "x".repeat(10_001), indicator: "y".repeat(501) }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.title).toEqual([translated("validation.required")]);
    expect(body.error.description).toEqual([translated("validation.tooLong")]);
    expect(body.error.indicator).toEqual([translated("validation.tooLong")]);
    const long = await (await postNew(org, cookie, newForm({ title: "t".repeat(201) }))).json();
    expect(long.error.title).toEqual([translated("validation.tooLong")]);
    expect(await (await getPrisma()).commitment.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("an unknown or archived value is a field error, and nothing is saved", async () => {
    const { org, cookie } = await workspace();
    for (const valueId of ["no-such-value", archivedValueId]) {
      const res = await postNew(org, cookie, newForm({ valueId }));
      expect(res.status).toBe(400);
      expect((await res.json()).error.valueId).toEqual([translated("validation.invalidChoice")]);
    }
    expect(await (await getPrisma()).commitment.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("a closed cycle, or a year without one, is a field error, and nothing is saved", async () => {
    const { org, cookie } = await workspace();
    for (const year of [CLOSED_YEAR, NO_CYCLE_YEAR]) {
      const res = await postNew(org, cookie, newForm({ year: String(year) }));
      expect(res.status).toBe(400);
      expect((await res.json()).error.year).toEqual([translated("commitment:errors.cycleClosed")]);
    }
    expect(await (await getPrisma()).commitment.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("the same form sent twice (a double click) creates one commitment", async () => {
    const { org, cookie } = await workspace();
    const form = newForm();
    const first = await postNew(org, cookie, form);
    const second = await postNew(org, cookie, form);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const both = await Promise.all([
      postNew(org, cookie, newForm({ submissionKey: "same-key-at-once" })),
      postNew(org, cookie, newForm({ submissionKey: "same-key-at-once" })),
    ]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await (await getPrisma()).commitment.count({ where: { organizationId: org.id } })).toBe(2);
  });
});

describe("updates and the timeline", () => {
  test("updates move status and progress, Achieved means 100, and the timeline shows the newest first with its author", async () => {
    const { org, user, cookie } = await workspace();
    const c = await commitment(org.id);
    const first = await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "IN_PROGRESS",
      progress: "40",
      note: "Two meetings held",
    });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/o/${org.slug}/commitments/${c.id}`);
    await expect(first).toHaveToast(translated("commitment:detail.update.done"));
    const prisma = await getPrisma();
    expect(await prisma.commitment.findUnique({ where: { id: c.id } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 40,
      version: 2,
    });

    const second = await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "2",
      submissionKey: randomUUID(),
      status: "ACHIEVED",
      progress: "30",
      note: "All done",
    });
    expect(second.status).toBe(302);
    expect(await prisma.commitment.findUnique({ where: { id: c.id } })).toMatchObject({
      status: "ACHIEVED",
      progress: 100,
      version: 3,
    });
    expect(
      await prisma.auditEvent.count({
        where: { action: "commitment.updated", actorId: user.id, organizationId: org.id },
      }),
    ).toBe(2);

    const data = await (await getDetail(org, cookie, c.id)).json();
    expect(data.commitment).toMatchObject({ status: "ACHIEVED", progress: 100, version: 3 });
    expect(
      data.updates.map((u: { status: string; progress: number; note: string; author: string }) => [
        u.status,
        u.progress,
        u.note,
        u.author,
      ]),
    ).toEqual([
      ["ACHIEVED", 100, "All done", "Rosa Member"],
      ["IN_PROGRESS", 40, "Two meetings held", "Rosa Member"],
    ]);
    expect(data.writable).toBe(true);
    expect(data.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an update sent twice with one submission key adds one update", async () => {
    const { org, cookie } = await workspace();
    const c = await commitment(org.id);
    const form = {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "IN_PROGRESS",
      progress: "10",
      note: "Started",
    };
    expect((await postDetail(org, cookie, c.id, form)).status).toBe(302);
    expect((await postDetail(org, cookie, c.id, form)).status).toBe(302);
    const prisma = await getPrisma();
    expect(await prisma.commitmentUpdate.count({ where: { commitmentId: c.id } })).toBe(1);
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
  });

  test("a stale version answers 409, keeps the typed text, and writes nothing", async () => {
    const { org, cookie } = await workspace();
    const c = await commitment(org.id);
    await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "IN_PROGRESS",
      progress: "20",
      note: "",
    });
    const stale = await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "PAUSED",
      progress: "25",
      note: "My long note about the pause",
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.intent).toBe("update");
    expect(body.result.error[""]).toEqual([translated("validation.conflict")]);
    expect(body.result.initialValue.note).toBe("My long note about the pause");
    const prisma = await getPrisma();
    expect(await prisma.commitmentUpdate.count({ where: { commitmentId: c.id } })).toBe(1);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 20,
    });

    const staleEdit = await postDetail(org, cookie, c.id, {
      intent: "edit",
      version: "1",
      title: "My better title",
      valueId: values[0].id,
      year: String(YEAR),
    });
    expect(staleEdit.status).toBe(409);
    const editBody = await staleEdit.json();
    expect(editBody.intent).toBe("edit");
    expect(editBody.result.initialValue.title).toBe("My better title");
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).title).toBe(
      "Hold meetings in three languages",
    );
  });

  test("progress outside 0–100 and an unknown status are translated field errors", async () => {
    const { org, cookie } = await workspace();
    const c = await commitment(org.id);
    const res = await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "DONE",
      progress: "120",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.progress).toEqual([translated("commitment:errors.progressRange")]);
    expect(body.result.error.status).toEqual([translated("validation.invalidChoice")]);
    expect(await (await getPrisma()).commitmentUpdate.count({ where: { commitmentId: c.id } })).toBe(0);
  });

  test("an edit with the current version changes the commitment, moves its value, and writes an audit event", async () => {
    const { org, user, cookie } = await workspace();
    const c = await commitment(org.id);
    const res = await postDetail(org, cookie, c.id, {
      intent: "edit",
      version: "1",
      title: "Meetings in four languages",
      description: "Now with Mam",
      valueId: values[1].id,
      year: String(YEAR),
      indicator: "",
      target: "",
    });
    expect(res.status).toBe(302);
    await expect(res).toHaveToast(translated("commitment:detail.edit.done"));
    const prisma = await getPrisma();
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      title: "Meetings in four languages",
      description: "Now with Mam",
      valueId: values[1].id,
      version: 2,
    });
    expect(
      await prisma.auditEvent.count({ where: { action: "commitment.updated", actorId: user.id, entityId: c.id } }),
    ).toBe(1);
    const bad = await postDetail(org, cookie, c.id, {
      intent: "edit",
      version: "2",
      title: "",
      valueId: archivedValueId,
      year: String(CLOSED_YEAR),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.result.error.title).toEqual([translated("validation.required")]);
    const refs = await postDetail(org, cookie, c.id, {
      intent: "edit",
      version: "2",
      title: "Fine",
      valueId: archivedValueId,
      year: String(CLOSED_YEAR),
    });
    expect((await refs.json()).result.error).toEqual({
      valueId: ["validation.invalidChoice"],
      year: ["commitment:errors.cycleClosed"],
    });
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
  });

  test("a commitment of a closed cycle is read-only", async () => {
    const { org, cookie } = await workspace();
    const c = await commitment(org.id, { year: CLOSED_YEAR });
    const data = await (await getDetail(org, cookie, c.id)).json();
    expect(data.writable).toBe(false);
    const res = await postDetail(org, cookie, c.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "IN_PROGRESS",
      progress: "50",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).result.error[""]).toEqual([translated("commitment:errors.cycleClosed")]);
    expect(await (await getPrisma()).commitmentUpdate.count({ where: { commitmentId: c.id } })).toBe(0);
  });
});

describe("copying last year's unfinished commitments forward", () => {
  test("copies only the unfinished ones, as planned, once", async () => {
    const { org, user, cookie } = await workspace();
    const statuses: CommitmentStatus[] = ["PLANNED", "IN_PROGRESS", "PAUSED", "ACHIEVED", "DROPPED"];
    for (const status of statuses)
      await commitment(org.id, {
        year: CLOSED_YEAR,
        status,
        title: `Old ${status}`,
        progress: status === "IN_PROGRESS" ? 60 : 0,
      });
    const list = () =>
      answer(
        listLoader(requestArgs(`/o/${org.slug}/commitments?year=${YEAR}`, { cookie, params: { org: org.slug } })),
      ).then((r) => r.json());
    expect((await list()).copyable).toBe(3);

    const copy = () =>
      answer(() =>
        listAction(
          requestArgs(`/o/${org.slug}/commitments`, {
            method: "POST",
            cookie,
            form: { intent: "copy-forward", year: String(YEAR) },
            params: { org: org.slug },
          }),
        ),
      );
    const res = await copy();
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/o/${org.slug}/commitments?year=${YEAR}`);
    await expect(res).toHaveToast({ key: "commitment:copy.done", values: { count: 3, year: YEAR } });
    const prisma = await getPrisma();
    const copies = await prisma.commitment.findMany({
      where: { organizationId: org.id, cycleId: cycles[YEAR] },
      orderBy: { title: "asc" },
    });
    expect(copies.map((c) => [c.title, c.status, c.progress])).toEqual([
      ["Old IN_PROGRESS", "PLANNED", 60],
      ["Old PAUSED", "PLANNED", 0],
      ["Old PLANNED", "PLANNED", 0],
    ]);
    expect(copies.every((c) => c.copiedFromId)).toBe(true);
    expect(
      await prisma.auditEvent.count({
        where: { action: "commitment.copied_forward", actorId: user.id, organizationId: org.id },
      }),
    ).toBe(1);
    expect((await list()).copyable).toBe(0);

    const again = await copy();
    expect(again.status).toBe(302);
    await expect(again).toHaveToast(translated("commitment:copy.none"));
    const twice = await Promise.all([copy(), copy()]);
    expect(twice.map((r) => r.status)).toEqual([302, 302]);
    expect(await prisma.commitment.count({ where: { organizationId: org.id, cycleId: cycles[YEAR] } })).toBe(3);
  });

  test("two copies at once (a double click) copy each commitment once", async () => {
    const { org, cookie } = await workspace();
    for (const title of ["One", "Two", "Three"])
      await commitment(org.id, { year: CLOSED_YEAR, title, status: "IN_PROGRESS" });
    const copy = () =>
      answer(() =>
        listAction(
          requestArgs(`/o/${org.slug}/commitments`, {
            method: "POST",
            cookie,
            form: { intent: "copy-forward", year: String(YEAR) },
            params: { org: org.slug },
          }),
        ),
      );
    const both = await Promise.all([copy(), copy(), copy()]);
    expect(both.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(
      await (await getPrisma()).commitment.count({ where: { organizationId: org.id, cycleId: cycles[YEAR] } }),
    ).toBe(3);
  });

  test("nothing is copied into a closed cycle", async () => {
    const { org, cookie } = await workspace();
    const res = await answer(() =>
      listAction(
        requestArgs(`/o/${org.slug}/commitments`, {
          method: "POST",
          cookie,
          form: { intent: "copy-forward", year: String(CLOSED_YEAR) },
          params: { org: org.slug },
        }),
      ),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error[""]).toEqual([translated("commitment:errors.cycleClosed")]);
  });
});

describe("who may see and change commitments", () => {
  test("another organization's commitment is a 404 on GET and on every POST, and stays unchanged", async () => {
    const { org, cookie } = await workspace();
    const other = await createOrganization();
    const theirs = await commitment(other.id, { title: "Their commitment" });
    expect((await getDetail(org, cookie, theirs.id)).status).toBe(404);
    const update = await postDetail(org, cookie, theirs.id, {
      intent: "update",
      version: "1",
      submissionKey: randomUUID(),
      status: "DROPPED",
      progress: "0",
    });
    expect(update.status).toBe(404);
    const edit = await postDetail(org, cookie, theirs.id, {
      intent: "edit",
      version: "1",
      title: "Taken over",
      valueId: values[0].id,
      year: String(YEAR),
    });
    expect(edit.status).toBe(404);
    expect(await (await getPrisma()).commitment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      title: "Their commitment",
      status: "PLANNED",
      version: 1,
    });
  });

  test("non-members and coalition staff get 404 on every page; no session goes to sign in", async () => {
    const { org } = await workspace();
    const mine = await commitment(org.id);
    const outsider = await createUser({ memberships: [{ organizationId: (await createOrganization()).id }] });
    const staff = await createUser({ coalitionRole: "ADMIN" });
    for (const person of [outsider, staff]) {
      const { cookie } = await sessionCookie(person.id);
      const params = { org: org.slug };
      expect(
        (await answer(() => listLoader(requestArgs(`/o/${org.slug}/commitments`, { cookie, params })))).status,
      ).toBe(404);
      expect(
        (await answer(() => newLoader(requestArgs(`/o/${org.slug}/commitments/new`, { cookie, params })))).status,
      ).toBe(404);
      expect((await getDetail(org, cookie, mine.id)).status).toBe(404);
      expect((await postNew(org, cookie, newForm())).status).toBe(404);
      expect(
        (
          await answer(() =>
            listAction(
              requestArgs(`/o/${org.slug}/commitments`, {
                method: "POST",
                cookie,
                form: { intent: "copy-forward", year: String(YEAR) },
                params,
              }),
            ),
          )
        ).status,
      ).toBe(404);
    }
    const anonymous = await answer(() =>
      listLoader(requestArgs(`/o/${org.slug}/commitments`, { params: { org: org.slug } })),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/o/${org.slug}/commitments`)}`,
    );
    expect((await postNew(org, "", newForm())).status).toBe(302);
    expect(await (await getPrisma()).commitment.count({ where: { organizationId: org.id } })).toBe(1);
  });
});
