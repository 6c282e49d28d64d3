// The framework in the coalition's own words: admins edit the values', freedoms' and rubric's wording in both
// languages, add, reorder and archive values; a change applies from the next cycle on, and each year's pages
// keep the words that year was answered against.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as indexLoader, action as indexAction } from "~/routes/movement.admin.framework";
import { loader as textLoader, action as textAction } from "~/routes/movement.admin.framework_.$kind.$id";
import { loader as practiceListLoader } from "~/routes/o.$org.practices._index";
import { loader as practiceNewLoader } from "~/routes/o.$org.practices.new";
import { loader as reflectionLoader } from "~/routes/o.$org.reflections.$year/route";
import { loader as valuePageLoader } from "~/routes/o.$org.values.$value";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, toastOf, translated } from "../factories";

type Value = { id: string; slug: string; name: { en: string; es: string }; version: number };
let values: Value[] = [];
let admin = "";
let staff = "";
let member = "";
let org: { id: string; slug: string };

beforeAll(async () => {
  const prisma = await getPrisma();
  values = (await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, name: true, version: true },
  })) as Value[];
  admin = (await sessionCookie((await createUser({ coalitionRole: "ADMIN" })).id)).cookie;
  staff = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  org = await createOrganization();
  member = (await sessionCookie((await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] })).id))
    .cookie;
});

const itemForm = (name: string, overrides: Record<string, string> = {}) => ({
  nameEn: name,
  nameEs: `${name} (es)`,
  descriptionEn: `What ${name} means.`,
  descriptionEs: `Lo que significa ${name}.`,
  ...overrides,
});

const textPath = (kind: string, id: string) => `/movement/admin/framework/${kind}/${id}`;

function getText(cookie: string, kind: string, id: string) {
  return answer(() => textLoader(requestArgs(textPath(kind, id), { cookie, params: { kind, id } })));
}

function postText(cookie: string, kind: string, id: string, form: Record<string, string>) {
  return answer(() =>
    textAction(requestArgs(textPath(kind, id), { method: "POST", cookie, params: { kind, id }, form })),
  );
}

const postValue = (cookie: string, valueId: string, form: Record<string, string>) =>
  postText(cookie, "values", valueId, form);

async function currentVersion(valueId: string) {
  return String((await (await getPrisma()).value.findUniqueOrThrow({ where: { id: valueId } })).version);
}

async function cycle(year: number, status: "DRAFT" | "OPEN" | "CLOSED") {
  const prisma = await getPrisma();
  return prisma.cycle.upsert({
    where: { year },
    update: { status },
    create: { year, status, opensOn: new Date(`${year}-01-01`), closesOn: new Date(`${year}-12-31`) },
  });
}

async function reflectionPage(year: number, step: string, cookie = member, lng = "en") {
  const language = (await localeCookie.serialize(lng)).split(";")[0];
  const res = await answer(() =>
    reflectionLoader(
      requestArgs(`/o/${org.slug}/reflections/${year}?step=${step}`, {
        cookie: `${cookie}; ${language}`,
        params: { org: org.slug, year: String(year) },
      }),
    ),
  );
  expect(res.status).toBe(200);
  return res.json();
}

describe("who may edit the framework", () => {
  test("admins see and post every framework page; staff and members get a 404 and change nothing", async () => {
    const prisma = await getPrisma();
    const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "asc" } });
    const v = values[0];
    const edits: [string, string, Record<string, string>][] = [
      ["values", v.id, { version: String(v.version), ...itemForm("Hijacked") }],
      ["values", "new", itemForm("Hijacked")],
      ["freedoms", freedom.id, { version: "1", ...itemForm("Hijacked") }],
      ["levels", "1", { version: "1", ...itemForm("Hijacked") }],
    ];
    const before = await prisma.frameworkWording.count();
    const index = "/movement/admin/framework";
    expect((await answer(() => indexLoader(requestArgs(index, { cookie: admin })))).status).toBe(200);
    for (const [kind, id] of edits) expect((await getText(admin, kind, id)).status, `${kind}/${id}`).toBe(200);
    for (const cookie of [staff, member]) {
      expect((await answer(() => indexLoader(requestArgs(index, { cookie })))).status).toBe(404);
      expect(
        (
          await answer(() =>
            indexAction(requestArgs(index, { method: "POST", cookie, form: { intent: "archive", id: v.id } })),
          )
        ).status,
      ).toBe(404);
      for (const [kind, id, form] of edits) {
        expect((await getText(cookie, kind, id)).status, `${kind}/${id}`).toBe(404);
        expect((await postText(cookie, kind, id, form)).status, `${kind}/${id}`).toBe(404);
      }
    }
    expect(await prisma.value.count({ where: { archivedAt: { not: null } } })).toBe(0);
    expect(await prisma.value.count({ where: { slug: { startsWith: "hijacked" } } })).toBe(0);
    expect(await prisma.frameworkWording.count()).toBe(before);
    // an unknown value, freedom or level is a 404 for admins too
    for (const [kind, id] of [
      ["values", "nope"],
      ["levels", "9"],
      ["freedoms", "new"],
      ["rubric", "1"],
    ])
      expect((await getText(admin, kind, id)).status, `${kind}/${id}`).toBe(404);
  });
});

describe("editing the wording", () => {
  test("a name changed while 2026 is closed applies from 2027: the 2026 reflection keeps the old words, 2027 shows the new", async () => {
    const prisma = await getPrisma();
    const v = values[1];
    await cycle(2026, "CLOSED");
    const page = await (await answer(indexLoader(requestArgs("/movement/admin/framework", { cookie: admin })))).json();
    expect(page.fromYear).toBe(2027);

    const saved = await postValue(admin, v.id, {
      version: await currentVersion(v.id),
      ...itemForm("Deep Trust", {
        nameEs: "Confianza Profunda",
        descriptor2En: "We keep our word, most of the time.",
        descriptor2Es: "Cumplimos nuestra palabra casi siempre.",
      }),
    });
    expect(saved.status).toBe(302);
    expect(await toastOf(saved)).toMatchObject({ key: translated("framework:toast.saved"), values: { year: 2027 } });
    expect(await prisma.auditEvent.count({ where: { action: "framework.value_updated", entityId: v.id } })).toBe(1);

    await cycle(2027, "OPEN");
    const old = await reflectionPage(2026, v.slug);
    expect(old.current).toMatchObject({ slug: v.slug, name: v.name.en });
    expect(old.current.levels[1].descriptor).not.toBe("We keep our word, most of the time.");
    const next = await reflectionPage(2027, v.slug);
    expect(next.current).toMatchObject({ slug: v.slug, name: "Deep Trust", description: "What Deep Trust means." });
    expect(next.current.levels[1].descriptor).toBe("We keep our word, most of the time.");
    expect((await reflectionPage(2027, v.slug, member, "es")).current.name).toBe("Confianza Profunda");
    expect((await reflectionPage(2026, v.slug, member, "es")).current.name).toBe(v.name.es);

    // a page without a year shows the current words
    const valuePage = await (
      await answer(
        valuePageLoader(
          requestArgs(`/o/${org.slug}/values/${v.slug}`, { cookie: member, params: { org: org.slug, value: v.slug } }),
        ),
      )
    ).json();
    expect(valuePage.value.name).toBe("Deep Trust");

    // with 2027 open, the next change waits for 2028 and 2027 keeps "Deep Trust"
    const again = await postValue(admin, v.id, { version: await currentVersion(v.id), ...itemForm("Deeper Trust") });
    expect(await toastOf(again)).toMatchObject({ values: { year: 2028 } });
    expect((await reflectionPage(2027, v.slug)).current.name).toBe("Deep Trust");
    expect((await reflectionPage(2026, v.slug)).current.name).toBe(v.name.en);
    await prisma.cycle.deleteMany({ where: { year: { in: [2026, 2027] } } });
  });

  test("a rubric level renamed for next year: last year's reflection and value page keep the old level name", async () => {
    const prisma = await getPrisma();
    const v = values[2];
    const closed = await cycle(2030, "CLOSED");
    await prisma.reflection.create({
      data: {
        organizationId: org.id,
        valueId: v.id,
        cycleId: closed.id,
        rubricLevel: 3,
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    const level = await prisma.rubricLevel.findUniqueOrThrow({ where: { level: 3 } });
    const oldName = (level.name as { en: string }).en;
    const res = await postText(admin, "levels", "3", { version: String(level.version), ...itemForm("Rooted") });
    expect(res.status).toBe(302);
    await cycle(2031, "DRAFT");
    const valuePage = await (
      await answer(
        valuePageLoader(
          requestArgs(`/o/${org.slug}/values/${v.slug}`, { cookie: member, params: { org: org.slug, value: v.slug } }),
        ),
      )
    ).json();
    expect(valuePage.reflections).toMatchObject([{ year: 2030, levelName: oldName }]);
    expect((await reflectionPage(2030, v.slug)).current.levels[2].name).toBe(oldName);
    expect((await reflectionPage(2031, v.slug)).current.levels[2].name).toBe("Rooted");
    await prisma.reflection.deleteMany({ where: { cycleId: closed.id } });
    await prisma.cycle.deleteMany({ where: { year: { in: [2030, 2031] } } });
  });

  test("the practice list names each practice's value and freedoms in the words of its year", async () => {
    const prisma = await getPrisma();
    const v = values[3];
    const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "asc" } });
    const oldFreedom = (freedom.name as { en: string }).en;
    await cycle(2050, "CLOSED");
    const logged = async (occurredOn: string) =>
      prisma.practice.create({
        data: {
          organizationId: org.id,
          valueId: v.id,
          occurredOn: new Date(occurredOn),
          title: `Practice of ${occurredOn}`,
          freedoms: { create: [{ freedomId: freedom.id, organizationId: org.id }] },
        },
      });
    const [before, after] = [await logged("2050-05-01"), await logged("2051-05-01")];
    expect(
      (await postValue(admin, v.id, { version: await currentVersion(v.id), ...itemForm("Solidarity Without Borders") }))
        .status,
    ).toBe(302);
    expect(
      (
        await postText(admin, "freedoms", freedom.id, {
          version: String(freedom.version),
          ...itemForm("Freedom to Flourish"),
        })
      ).status,
    ).toBe(302);
    const list = await (
      await answer(
        practiceListLoader(requestArgs(`/o/${org.slug}/practices`, { cookie: member, params: { org: org.slug } })),
      )
    ).json();
    const row = (id: string) => list.practices.find((p: { id: string }) => p.id === id);
    expect(row(before.id)).toMatchObject({ valueName: v.name.en, freedomNames: [oldFreedom] });
    expect(row(after.id)).toMatchObject({
      valueName: "Solidarity Without Borders",
      freedomNames: ["Freedom to Flourish"],
    });
    await prisma.practice.deleteMany({ where: { id: { in: [before.id, after.id] } } });
    await prisma.cycle.deleteMany({ where: { year: 2050 } });
  });

  test("both languages are required, lengths are checked, and a descriptor in one language only is refused; nothing changes", async () => {
    const prisma = await getPrisma();
    const v = values[3];
    const version = await currentVersion(v.id);
    const cases: [Record<string, string>, string, string][] = [
      [itemForm("Only English", { nameEs: "" }), "nameEs", "validation.required"],
      [itemForm("x".repeat(121)), "nameEn", "validation.tooLong"],
      [itemForm("Fine", { descriptionEs: "y".repeat(1001) }), "descriptionEs", "validation.tooLong"],
      [itemForm("Fine", { descriptor1En: "Only in English" }), "descriptor1Es", "framework:errors.bothLanguages"],
    ];
    for (const [form, field, error] of cases) {
      const res = await postValue(admin, v.id, { version, ...form });
      expect(res.status).toBe(400);
      expect((await res.json()).error[field]).toEqual([translated(error)]);
    }
    expect((await prisma.value.findUniqueOrThrow({ where: { id: v.id } })).version).toBe(Number(version));
  });

  test("an edit made on a stale page is a 409 that keeps the typed text and the newer edit", async () => {
    const prisma = await getPrisma();
    const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "desc" } });
    const post = (form: Record<string, string>) => postText(admin, "freedoms", freedom.id, form);
    expect((await post({ version: String(freedom.version), ...itemForm("Freedom to Rest") })).status).toBe(302);
    const stale = await post({ version: String(freedom.version), ...itemForm("Freedom to Dream") });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error[""]).toEqual([translated("validation.conflict")]);
    expect(body.initialValue).toMatchObject({ nameEn: "Freedom to Dream" });
    expect((await prisma.freedom.findUniqueOrThrow({ where: { id: freedom.id } })).name).toMatchObject({
      en: "Freedom to Rest",
    });
  });
});

describe("adding, ordering and archiving values", () => {
  test("an added value is offered at once; archived, it leaves new entries but its past records stay", async () => {
    const prisma = await getPrisma();
    const created = await postText(admin, "values", "new", itemForm("Love & Healing"));
    expect(created.status).toBe(302);
    const value = await prisma.value.findUniqueOrThrow({ where: { slug: "love-and-healing" } });
    expect(value.position).toBeGreaterThan(values.length);
    const formPage = () =>
      answer(
        practiceNewLoader(requestArgs(`/o/${org.slug}/practices/new`, { cookie: member, params: { org: org.slug } })),
      ).then((r) => r.json());
    expect((await formPage()).values.map((v: { id: string }) => v.id)).toContain(value.id);

    const open = await cycle(2040, "OPEN");
    await prisma.reflection.create({
      data: {
        organizationId: org.id,
        valueId: value.id,
        cycleId: open.id,
        rubricLevel: 2,
        wentWell: "We held a healing circle.",
      },
    });
    const archive = await answer(() =>
      indexAction(
        requestArgs("/movement/admin/framework", {
          method: "POST",
          cookie: admin,
          form: { intent: "archive", id: value.id },
        }),
      ),
    );
    expect(archive.status).toBe(302);
    expect(await prisma.auditEvent.count({ where: { action: "framework.value_archived", entityId: value.id } })).toBe(
      1,
    );
    expect((await formPage()).values.map((v: { id: string }) => v.id)).not.toContain(value.id);
    // the year with an answer still shows it, read-only; the step list of a new organization does not
    const withAnswer = await reflectionPage(2040, value.slug);
    expect(withAnswer.current).toMatchObject({
      slug: value.slug,
      name: "Love & Healing",
      answer: { wentWell: "We held a healing circle." },
    });
    expect(withAnswer.editable).toBe(false);
    const other = await createOrganization();
    const lead = (
      await sessionCookie((await createUser({ memberships: [{ organizationId: other.id, role: "LEAD" }] })).id)
    ).cookie;
    const fresh = await (
      await answer(
        reflectionLoader(
          requestArgs(`/o/${other.slug}/reflections/2040`, { cookie: lead, params: { org: other.slug, year: "2040" } }),
        ),
      )
    ).json();
    expect(fresh.steps.map((s: { slug: string }) => s.slug)).not.toContain(value.slug);
    const valuePage = await answer(() =>
      valuePageLoader(
        requestArgs(`/o/${org.slug}/values/${value.slug}`, {
          cookie: member,
          params: { org: org.slug, value: value.slug },
        }),
      ),
    );
    expect(await valuePage.json()).toMatchObject({
      value: { archived: true },
      reflections: [{ year: 2040, wentWell: "We held a healing circle." }],
    });

    const restore = await answer(() =>
      indexAction(
        requestArgs("/movement/admin/framework", {
          method: "POST",
          cookie: admin,
          form: { intent: "restore", id: value.id },
        }),
      ),
    );
    expect(await toastOf(restore)).toMatchObject({ key: translated("framework:toast.restored") });
    expect((await formPage()).values.map((v: { id: string }) => v.id)).toContain(value.id);
    await prisma.reflection.deleteMany({ where: { cycleId: open.id } });
    await prisma.cycle.delete({ where: { id: open.id } });
  });

  test("moving a value or a freedom up or down changes the order everyone sees", async () => {
    const prisma = await getPrisma();
    const order = async () =>
      (await prisma.value.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((v) => v.id);
    const before = await order();
    const move = (kind: string, id: string, direction: string) =>
      answer(() =>
        indexAction(
          requestArgs("/movement/admin/framework", {
            method: "POST",
            cookie: admin,
            form: { intent: "move", kind, id, direction },
          }),
        ),
      );
    expect((await move("value", before[1], "up")).status).toBe(302);
    expect(await order()).toEqual([before[1], before[0], ...before.slice(2)]);
    // the first cannot go further up
    expect((await move("value", before[1], "up")).status).toBe(302);
    expect(await order()).toEqual([before[1], before[0], ...before.slice(2)]);
    const freedoms = (await prisma.freedom.findMany({ orderBy: { position: "asc" } })).map((f) => f.id);
    expect((await move("freedom", freedoms[0], "down")).status).toBe(302);
    expect((await prisma.freedom.findMany({ orderBy: { position: "asc" } })).map((f) => f.id)).toEqual([
      freedoms[1],
      freedoms[0],
      ...freedoms.slice(2),
    ]);
    const page = await (await answer(indexLoader(requestArgs("/movement/admin/framework", { cookie: admin })))).json();
    expect(page.freedoms[0].id).toBe(freedoms[1]);
    expect((await move("value", "unknown", "up")).status).toBe(404);
  });
});
