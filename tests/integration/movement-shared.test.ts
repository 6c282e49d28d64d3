// What organizations chose to share, on entries known by construction: Alder (CA, West) shares a practice
// with the coalition and makes one public, keeps one private, and submits a reflection with two values shared;
// Birch (NY, Northeast) shares two practices and drafts a shared reflection it has not submitted; a deleted
// shared practice and an archived organization's shared practice are absent.
import { beforeAll, describe, expect, test } from "vitest";
import { setOrganizationArchived, updateOrganization } from "~/models/organization.server";
import { createPractice, setPracticeDeleted } from "~/models/practice.server";
import { saveReflectionStep, submitReflection } from "~/models/reflection.server";
import { loader } from "~/routes/movement.shared";
import { getPrisma } from "~/utils/db.server";
import { answer, createUser, requestArgs, sessionCookie, valueOf } from "../factories";

const MARKER = "PRIVATE-MARKER-shared-8d2e";
const YEAR = 2025;
let staffCookie = "";
let memberCookie = "";
let values: { id: string; slug: string }[] = [];
let freedoms: { id: string; slug: string }[] = [];

type Data = {
  entries: {
    counts: { practices: number; reflections: number };
    total: number;
    pages: number;
    practices: { title: string; organization: string; freedoms: string[]; date: string; visibility: string }[];
    reflections: { organization: string; wentWell: string; visibility: string; year: number }[];
  };
};

async function page(search: string, cookie = staffCookie) {
  const res = await answer(() => loader(requestArgs(`/movement/shared?${search}`, { cookie })));
  return { res, text: res.status === 200 ? await res.clone().text() : "" };
}
async function data(search: string) {
  const { res, text } = await page(search);
  expect(res.status).toBe(200);
  return JSON.parse(text) as Data;
}
const titles = (d: Data) => d.entries.practices.map((p) => p.title);

beforeAll(async () => {
  const prisma = await getPrisma();
  const actorId = (await createUser()).id;
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
  await prisma.cycle.create({
    data: { year: YEAR, opensOn: new Date(`${YEAR}-01-01`), closesOn: new Date(`${YEAR}-12-31`), status: "OPEN" },
  });
  const org = async (name: string, region: string) =>
    (
      await prisma.organization.create({
        data: { name, slug: name.toLowerCase().replace(/\W+/g, "-"), region, sizeBand: "SMALL" },
      })
    ).id;
  const alder = await org("Alder Collective", "CA");
  const birch = await org("Birch Alliance", "NY");
  const dogwood = await org("Dogwood Archived", "CA");
  let n = 0;
  const practice = async (
    organizationId: string,
    title: string,
    occurredOn: string,
    visibility: "PRIVATE" | "COALITION" | "PUBLIC",
    valueId = values[0].id,
    freedomIds: string[] = [],
  ) =>
    (
      await valueOf(
        createPractice({
          prisma,
          organizationId,
          actorId,
          submissionKey: `s${n++}`,
          input: {
            title,
            notes: visibility === "PRIVATE" ? MARKER : `${title} notes`,
            occurredOn,
            valueId,
            participants: 4,
            impactedParticipants: 1,
            visibility,
            freedomIds,
          },
        }),
      )
    ).id;
  await practice(alder, "Shared workshop", `${YEAR}-03-01`, "COALITION", values[0].id, [freedoms[0].id]);
  await practice(alder, "Public rally", `${YEAR}-05-01`, "PUBLIC", values[1].id, [freedoms[1].id]);
  await practice(alder, `${MARKER} private title`, `${YEAR}-04-01`, "PRIVATE", values[0].id, [freedoms[0].id]);
  await practice(birch, "Fair 100% share", `${YEAR}-01-10`, "COALITION");
  await practice(birch, "Birch 2024 meeting", `${YEAR - 1}-06-01`, "COALITION");
  const deleted = await practice(birch, "Deleted share", `${YEAR}-02-01`, "COALITION");
  await setPracticeDeleted({ prisma, organizationId: birch, actorId, id: deleted, deleted: true });
  await practice(dogwood, "Archived share", `${YEAR}-02-01`, "COALITION");

  const step = (organizationId: string, i: number, visibility: "PRIVATE" | "COALITION" | "PUBLIC", text: string) =>
    saveReflectionStep({
      prisma,
      organizationId,
      actorId,
      year: YEAR,
      version: 0,
      input: {
        valueId: values[i].id,
        rubricLevel: 2,
        wentWell: text,
        challenges: `${text} challenges`,
        nextSteps: "",
        visibility,
        consentToQuote: false,
      },
    });
  for (let i = 0; i < values.length; i++)
    await step(
      alder,
      i,
      i === 0 ? "COALITION" : i === 1 ? "PUBLIC" : "PRIVATE",
      i < 2 ? `Shared reflection ${i}` : MARKER,
    );
  expect(await submitReflection({ prisma, organizationId: alder, actorId, year: YEAR })).toEqual({
    ok: true,
    value: null,
  });
  await step(birch, 0, "COALITION", "Draft coalition text");

  const admin = await createUser({ coalitionRole: "ADMIN" });
  await setOrganizationArchived({ prisma, actorId: admin.id, id: dogwood, archived: true });
  staffCookie = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  memberCookie = (
    await sessionCookie((await createUser({ memberships: [{ organizationId: alder, role: "LEAD" }] })).id)
  ).cookie;
});

describe("what staff see", () => {
  test("shared and public practices, newest first, with the organization's name; nothing deleted or archived", async () => {
    const d = await data("");
    expect(titles(d)).toEqual(["Public rally", "Shared workshop", "Fair 100% share", "Birch 2024 meeting"]);
    expect(d.entries.counts).toEqual({ practices: 4, reflections: 2 });
    expect(d.entries.practices[0]).toMatchObject({
      organization: "Alder Collective",
      date: `${YEAR}-05-01`,
      visibility: "PUBLIC",
    });
    expect(d.entries.practices[1].freedoms).toHaveLength(1);
  });

  test("only submitted reflections, and only the values shared", async () => {
    const d = await data("kind=reflections");
    expect(d.entries.practices).toEqual([]);
    expect(d.entries.reflections.map((r) => [r.organization, r.wentWell, r.visibility]).sort()).toEqual([
      ["Alder Collective", "Shared reflection 0", "COALITION"],
      ["Alder Collective", "Shared reflection 1", "PUBLIC"],
    ]);
  });

  test("filters: year, value, freedom, macro-region", async () => {
    expect(titles(await data(`year=${YEAR - 1}`))).toEqual(["Birch 2024 meeting"]);
    expect(titles(await data(`value=${values[1].slug}`))).toEqual(["Public rally"]);
    const byFreedom = await data(`freedom=${freedoms[0].slug}`);
    expect(titles(byFreedom)).toEqual(["Shared workshop"]);
    expect(byFreedom.entries.counts.reflections).toBe(0);
    expect(titles(await data("region=NORTHEAST"))).toEqual(["Fair 100% share", "Birch 2024 meeting"]);
    expect((await data("kind=reflections&region=NORTHEAST")).entries.total).toBe(0);
    expect(
      (await data(`kind=reflections&region=WEST&year=${YEAR}&value=${values[0].slug}`)).entries.reflections.map(
        (r) => r.wentWell,
      ),
    ).toEqual(["Shared reflection 0"]);
  });

  test("search looks in shared text and names only, and hostile input is plain text", async () => {
    expect(titles(await data("q=WORKSHOP"))).toEqual(["Shared workshop"]);
    expect(titles(await data("q=birch"))).toEqual(["Fair 100% share", "Birch 2024 meeting"]);
    expect(titles(await data(`q=${encodeURIComponent("%")}`))).toEqual(["Fair 100% share"]);
    expect((await data("kind=reflections&q=reflection%201")).entries.reflections.map((r) => r.wentWell)).toEqual([
      "Shared reflection 1",
    ]);
    // a private entry's words find nothing
    expect((await data(`q=${MARKER}`)).entries.counts).toEqual({ practices: 0, reflections: 0 });
    expect((await data(`q=${encodeURIComponent(`'; DROP TABLE "Practice"; --`)}`)).entries.total).toBe(0);
    expect(
      (await data(`q=${"y".repeat(5000)}&kind=poems&year=1&page=-1&region=MARS&value=${encodeURIComponent("<b>")}`))
        .entries.total,
    ).toBe(4);
    expect((await data("q=a%00b")).entries.total).toBe(0);
  });

  test("pages of 20", async () => {
    const prisma = await getPrisma();
    const birch = await prisma.organization.findUniqueOrThrow({
      where: { slug: "birch-alliance" },
      select: { id: true },
    });
    await prisma.practice.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        organizationId: birch.id,
        valueId: values[0].id,
        title: `Paged ${i}`,
        occurredOn: new Date(Date.UTC(2023, 0, 1 + i)),
        visibility: "COALITION" as const,
      })),
    });
    const first = await data("year=2023");
    expect(first.entries).toMatchObject({ total: 25, pages: 2 });
    expect(first.entries.practices).toHaveLength(20);
    expect(titles(first)[0]).toBe("Paged 24");
    expect(titles(await data("year=2023&page=2"))).toEqual(["Paged 4", "Paged 3", "Paged 2", "Paged 1", "Paged 0"]);
    expect(titles(await data("year=2023&page=3"))).toEqual([]);
    await prisma.practice.deleteMany({ where: { title: { startsWith: "Paged " } } });
  });
});

describe("never private, never a member", () => {
  test("no private or unsubmitted text in the page data, whatever the view", async () => {
    for (const search of [
      "",
      "kind=reflections",
      `year=${YEAR}`,
      `kind=reflections&year=${YEAR}`,
      `value=${values[0].slug}`,
    ]) {
      const { text } = await page(search);
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain("Draft coalition text");
      expect(text).not.toContain("Deleted share");
      expect(text).not.toContain("Archived share");
      expect(text).not.toContain("Dogwood");
    }
  });

  test("an organization's member gets 404", async () => {
    expect((await page("", memberCookie)).res.status).toBe(404);
  });
});

describe("search without accents or case, and the region of the entry's year", () => {
  const ACCENT_YEAR = 2022;
  const thisYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    const prisma = await getPrisma();
    const actorId = (await createUser()).id;
    const org = async (name: string, slug: string, region: string) =>
      (await prisma.organization.create({ data: { name, slug, region, sizeBand: "SMALL" } })).id;
    const comite = await org("Comité del Barrio", "comite-del-barrio", "TX");
    const elm = await org("Elm Network", "elm-network", "CA");
    const birch = await prisma.organization.findUniqueOrThrow({ where: { slug: "birch-alliance" } });
    let n = 0;
    const share = (organizationId: string, title: string, notes: string, occurredOn: string) =>
      valueOf(
        createPractice({
          prisma,
          organizationId,
          actorId,
          submissionKey: `accent-${n++}`,
          input: {
            title,
            notes,
            occurredOn,
            valueId: values[0].id,
            participants: 2,
            impactedParticipants: 0,
            visibility: "COALITION",
            freedomIds: [],
          },
        }),
      );
    await share(comite, "Asamblea de vecinos", "Con los niños del barrio", `${ACCENT_YEAR}-03-01`);
    await share(comite, "Visita de São Paulo", "", `${ACCENT_YEAR}-04-01`);
    await share(birch.id, "Jose's training", "", `${ACCENT_YEAR}-05-01`);

    // Elm shares a practice and a reflection last year in the West, one practice this year, then moves east
    await share(elm, "Elm last year", "", `${thisYear - 1}-06-01`);
    await share(elm, "Elm this year", "", `${thisYear}-01-01`);
    const reflect = async (organizationId: string, year: number, wentWell: string) => {
      const cycle = await prisma.cycle.upsert({
        where: { year },
        update: {},
        create: { year, opensOn: new Date(`${year}-01-01`), closesOn: new Date(`${year}-12-31`), status: "CLOSED" },
      });
      await prisma.reflection.create({
        data: {
          organizationId,
          valueId: values[1].id,
          cycleId: cycle.id,
          wentWell,
          status: "SUBMITTED",
          submittedAt: new Date(`${year}-12-01`),
          visibility: "COALITION",
        },
      });
    };
    await reflect(comite, ACCENT_YEAR, "Los NIÑOS y Jose organizaron la asamblea");
    await reflect(elm, thisYear - 1, "Elm reflected in the West");
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: elm } });
    const admin = await createUser({ coalitionRole: "ADMIN" });
    expect(
      await updateOrganization({
        prisma,
        actorId: admin.id,
        id: elm,
        version: current.version,
        input: {
          name: "Elm Network",
          region: "NY",
          sizeBand: "SMALL",
          impactedLed: false,
          languages: [],
          focusFreedomIds: [],
        },
      }),
    ).toEqual({ ok: true, value: null });
  });

  test.each([
    ["comite", ["Visita de São Paulo", "Asamblea de vecinos"]],
    ["COMITÉ", ["Visita de São Paulo", "Asamblea de vecinos"]],
    ["nino", ["Asamblea de vecinos"]],
    ["NIÑOS", ["Asamblea de vecinos"]],
    ["Sao", ["Visita de São Paulo"]],
    ["josé", ["Jose's training"]],
    ["JOSE'S", ["Jose's training"]],
    ["s_o", []],
  ])("practices: %s finds %j", async (q, expected) => {
    expect(titles(await data(`year=${ACCENT_YEAR}&q=${encodeURIComponent(q)}`))).toEqual(expected);
  });

  test.each([
    ["ninos", 1],
    ["José", 1],
    ["comité del barrio", 1],
    ["nada", 0],
  ])("reflections: %s finds %i", async (q, found) => {
    const d = await data(`kind=reflections&year=${ACCENT_YEAR}&q=${encodeURIComponent(q)}`);
    expect(d.entries.reflections.map((r) => r.organization)).toEqual(Array(found).fill("Comité del Barrio"));
  });

  test("an organization that moved is found under last year's region for last year, under the new one now", async () => {
    const elm = async (search: string) =>
      titles(await data(`${search}&q=elm`)).concat(
        (await data(`kind=reflections&${search}&q=elm`)).entries.reflections.map((r) => `reflection ${r.year}`),
      );
    expect(await elm(`year=${thisYear - 1}&region=WEST`)).toEqual(["Elm last year", `reflection ${thisYear - 1}`]);
    expect(await elm(`year=${thisYear - 1}&region=NORTHEAST`)).toEqual([]);
    expect(await elm(`year=${thisYear}&region=NORTHEAST`)).toEqual(["Elm this year"]);
    expect(await elm(`year=${thisYear}&region=WEST`)).toEqual([]);
    // every year at once: each entry under its own year's region
    expect(await elm("region=WEST")).toEqual(["Elm last year", `reflection ${thisYear - 1}`]);
    expect(await elm("region=NORTHEAST")).toEqual(["Elm this year"]);
  });

  test("a page past the end keeps the counts and the number of pages", async () => {
    const d = await data(`year=${ACCENT_YEAR}&q=comite&page=7`);
    expect(d.entries).toMatchObject({ total: 2, pages: 1, practices: [] });
    expect(d.entries.counts).toEqual({ practices: 2, reflections: 1 });
  });
});
