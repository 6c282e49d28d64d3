// The participation tracker on organizations whose answers are known by construction:
// - Alder (CA, West, small, impacted-led): 3 practices in 2025 (latest 15 June), 1 in 2024, 2 commitments
//   (one achieved) and a submitted reflection;
// - Birch (NY, Northeast, medium): a practice moved from January to 20 April, one moved from December 2024
//   into February, one deleted (September), a drafted reflection;
// - "=Cedar" (TX, Southwest, large): nothing yet, and a name a spreadsheet would run as a formula;
// - "100%_Club" (no known region): for searches with wildcards; Dogwood: archived, absent everywhere.
import { beforeAll, describe, expect, test } from "vitest";
import { addCommitmentUpdate, createCommitment } from "~/models/commitment.server";
import { ensureOrganizationYears } from "~/models/movement-rollup.server";
import { setOrganizationArchived } from "~/models/organization.server";
import { createPractice, setPracticeDeleted, updatePractice } from "~/models/practice.server";
import { saveReflectionStep, submitReflection } from "~/models/reflection.server";
import { compareSummaries, rebuildSummaries } from "~/models/summary.server";
import { loader as csvLoader } from "~/routes/movement.organizations[.csv]";
import { loader } from "~/routes/movement.organizations";
import { getPrisma } from "~/utils/db.server";
import { answer, createUser, requestArgs, sessionCookie, valueOf } from "../factories";

const MARKER = "PRIVATE-MARKER-org-41c9";
const YEAR = 2025;
// organizations added by hand with no row for a year are listed in this year's tracker only (active now)
const THIS_YEAR = new Date().getUTCFullYear();
let staffCookie = "";
let memberCookie = "";
let actorId = "";
const ids: Record<string, string> = {};

type Row = {
  name: string;
  regionName: string | null;
  macroRegion: string;
  practices: number;
  lastPracticeOn: string | null;
  reflection: string | null;
  commitments: Record<string, number>;
};
type Data = { tracker: { total: number; pages: number; cycleYear: number | null; rows: Row[] } };

async function page(search: string, cookie = staffCookie) {
  const res = await answer(() => loader(requestArgs(`/movement/organizations?${search}`, { cookie })));
  return { res, text: res.status === 200 ? await res.clone().text() : "" };
}
async function data(search: string) {
  const { res, text } = await page(search);
  expect(res.status).toBe(200);
  return JSON.parse(text) as Data;
}
const names = (d: Data) => d.tracker.rows.map((r) => r.name);

async function practice(
  organizationId: string,
  occurredOn: string,
  key: string,
  visibility: "PRIVATE" | "COALITION" = "PRIVATE",
) {
  const prisma = await getPrisma();
  const valueId = (await prisma.value.findFirstOrThrow({ orderBy: { position: "asc" }, select: { id: true } })).id;
  const created = await valueOf(
    createPractice({
      prisma,
      organizationId,
      actorId,
      submissionKey: key,
      input: {
        title: `${MARKER} title`,
        notes: `${MARKER} notes`,
        occurredOn,
        valueId,
        participants: 5,
        impactedParticipants: 2,
        visibility,
        freedomIds: [],
      },
    }),
  );
  return created.id;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  actorId = (await createUser()).id;
  const values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const cycle = await prisma.cycle.create({
    data: { year: YEAR, opensOn: new Date(`${YEAR}-01-01`), closesOn: new Date(`${YEAR}-12-31`), status: "OPEN" },
  });
  const org = async (
    key: string,
    name: string,
    region: string | null,
    sizeBand: "SMALL" | "MEDIUM" | "LARGE",
    impactedLed: boolean,
  ) => {
    ids[key] = (
      await prisma.organization.create({ data: { name, slug: `t-${key}`, region, sizeBand, impactedLed } })
    ).id;
    // active in YEAR, as an organization added that year is (createOrganization makes its row for the year)
    await prisma.$transaction((tx) => ensureOrganizationYears(tx, ids[key], [YEAR]));
    return ids[key];
  };
  const alder = await org("alder", "Alder Collective", "CA", "SMALL", true);
  const birch = await org("birch", "Birch Alliance", "NY", "MEDIUM", false);
  await org("cedar", "=Cedar Network", "TX", "LARGE", false);
  await org("club", "100%_Club", null, "SMALL", false);
  const dogwood = await org("dogwood", "Dogwood Archived", "CA", "SMALL", true);

  await practice(alder, `${YEAR}-02-01`, "a1");
  await practice(alder, `${YEAR}-06-15`, "a2");
  await practice(alder, `${YEAR}-03-10`, "a3");
  await practice(alder, `${YEAR - 1}-11-01`, "a4");
  const move = async (id: string, occurredOn: string) => {
    const current = await prisma.practice.findUniqueOrThrow({
      where: { id },
      select: { version: true, valueId: true },
    });
    const input = {
      title: `${MARKER} moved`,
      notes: "",
      occurredOn,
      valueId: current.valueId,
      participants: 3,
      impactedParticipants: 1,
      visibility: "PRIVATE" as const,
      freedomIds: [],
    };
    expect(
      await updatePractice({ prisma, organizationId: birch, actorId, id, version: current.version, input }),
    ).toEqual({ ok: true, value: null });
  };
  await move(await practice(birch, `${YEAR}-01-05`, "b1"), `${YEAR}-04-20`);
  // moved into the next year: the year it left has no practice and no latest date
  await move(await practice(birch, `${YEAR - 1}-12-20`, "b3"), `${YEAR}-02-02`);
  const gone = await practice(birch, `${YEAR}-09-01`, "b2");
  await setPracticeDeleted({ prisma, organizationId: birch, actorId, id: gone, deleted: true });
  await practice(dogwood, `${YEAR}-05-05`, "d1");

  const commitment = (key: string) =>
    valueOf(
      createCommitment({
        prisma,
        organizationId: alder,
        actorId,
        cycleId: cycle.id,
        submissionKey: key,
        input: { title: `${MARKER} commitment`, description: MARKER, valueId: values[0].id, year: YEAR },
      }),
    );
  const first = await commitment("c1");
  await commitment("c2");
  await addCommitmentUpdate({
    prisma,
    organizationId: alder,
    actorId,
    commitmentId: first.id,
    version: 1,
    submissionKey: "u1",
    input: { status: "ACHIEVED", progress: 100, note: MARKER },
  });

  const step = (organizationId: string, valueId: string) =>
    saveReflectionStep({
      prisma,
      organizationId,
      actorId,
      year: YEAR,
      version: 0,
      input: {
        valueId,
        rubricLevel: 3,
        wentWell: MARKER,
        challenges: MARKER,
        nextSteps: MARKER,
        visibility: "PRIVATE",
        consentToQuote: false,
      },
    });
  for (const v of values) await step(alder, v.id);
  expect(await submitReflection({ prisma, organizationId: alder, actorId, year: YEAR })).toEqual({
    ok: true,
    value: null,
  });
  await step(birch, values[0].id);

  const admin = await createUser({ coalitionRole: "ADMIN" });
  await setOrganizationArchived({ prisma, actorId: admin.id, id: dogwood, archived: true });
  staffCookie = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  memberCookie = (
    await sessionCookie((await createUser({ memberships: [{ organizationId: alder, role: "LEAD" }] })).id)
  ).cookie;
});

describe("what the tracker shows", () => {
  test("each active organization with its counts, known by construction; the archived one is absent", async () => {
    const d = await data(`year=${YEAR}`);
    expect(d.tracker.cycleYear).toBe(YEAR);
    expect(d.tracker.total).toBe(4);
    // by name; where punctuation sorts depends on the database's collation
    expect(names(d).slice(2)).toEqual(["Alder Collective", "Birch Alliance"]);
    expect(names(d).slice(0, 2).sort()).toEqual(["100%_Club", "=Cedar Network"]);
    const row = (name: string) => d.tracker.rows.find((r) => r.name === name)!;
    expect(row("Alder Collective")).toMatchObject({
      macroRegion: "WEST",
      practices: 3,
      lastPracticeOn: `${YEAR}-06-15`,
      reflection: "SUBMITTED",
      commitments: { PLANNED: 1, IN_PROGRESS: 0, ACHIEVED: 1, PAUSED: 0, DROPPED: 0 },
    });
    // moved from January to April, and the deleted September practice does not count
    expect(row("Birch Alliance")).toMatchObject({
      macroRegion: "NORTHEAST",
      practices: 2,
      lastPracticeOn: `${YEAR}-04-20`,
      reflection: "DRAFT",
    });
    expect(row("=Cedar Network")).toMatchObject({
      macroRegion: "SOUTHWEST",
      practices: 0,
      lastPracticeOn: null,
      reflection: "NOT_STARTED",
    });
    expect(row("100%_Club")).toMatchObject({ macroRegion: "UNSPECIFIED", regionName: null });
    expect(names(d)).not.toContain("Dogwood Archived");
  });

  test("an earlier year has its own counts and its own latest date", async () => {
    const d = await data(`year=${YEAR - 1}`);
    // only the organizations that took part that year, as the dashboard counts its active organizations: Alder
    // acted in it, Birch's practice of that year moved out; Cedar and the Club came later
    expect(names(d)).toEqual(["Alder Collective", "Birch Alliance"]);
    expect(d.tracker.total).toBe(2);
    expect(d.tracker.rows.find((r) => r.name === "Alder Collective")).toMatchObject({
      practices: 1,
      lastPracticeOn: `${YEAR - 1}-11-01`,
      commitments: { PLANNED: 0, ACHIEVED: 0 },
    });
    expect(d.tracker.rows.find((r) => r.name === "Birch Alliance")).toMatchObject({
      practices: 0,
      lastPracticeOn: null,
    });
  });

  test("filters and sorting come from the URL", async () => {
    expect(names(await data(`year=${YEAR}&region=WEST`))).toEqual(["Alder Collective"]);
    expect(names(await data(`year=${YEAR}&size=MEDIUM`))).toEqual(["Birch Alliance"]);
    expect(names(await data(`year=${YEAR}&impacted=yes`))).toEqual(["Alder Collective"]);
    expect(names(await data(`year=${YEAR}&state=DRAFT`))).toEqual(["Birch Alliance"]);
    expect(names(await data(`year=${YEAR}&state=NOT_STARTED`)).sort()).toEqual(["100%_Club", "=Cedar Network"]);
    expect(names(await data(`year=${YEAR}&q=BIRCH`))).toEqual(["Birch Alliance"]);
    expect(names(await data(`year=${YEAR}&sort=practices&dir=desc`)).slice(0, 2)).toEqual([
      "Alder Collective",
      "Birch Alliance",
    ]);
    expect(names(await data(`year=${YEAR}&sort=last`)).slice(0, 2)).toEqual(["Birch Alliance", "Alder Collective"]);
    expect(names(await data(`year=${YEAR}&sort=last&dir=desc`)).slice(0, 2)).toEqual([
      "Alder Collective",
      "Birch Alliance",
    ]);
    expect(names(await data(`year=${YEAR}&sort=reflection&dir=desc`))[0]).toBe("Alder Collective");
  });

  test("hostile searches are text: wildcards match themselves, SQL and nonsense change nothing", async () => {
    expect(names(await data(`year=${YEAR}&q=${encodeURIComponent("%")}`))).toEqual(["100%_Club"]);
    expect(names(await data(`year=${YEAR}&q=_`))).toEqual(["100%_Club"]);
    expect((await data(`year=${YEAR}&q=${encodeURIComponent(`'; DROP TABLE "Organization"; --`)}`)).tracker.total).toBe(
      0,
    );
    // too long, a NUL, unknown choices: the default view, not an error
    expect((await data(`year=${YEAR}&q=${"x".repeat(5000)}`)).tracker.total).toBe(4);
    expect(
      (await data(`year=${YEAR}&q=a%00b&sort=drop&dir=sideways&state=LOST&region=MARS&page=-3`)).tracker.total,
    ).toBe(0);
    expect((await data("year=99999&size=HUGE&impacted=maybe")).tracker.total).toBe(4);
    expect(await (await getPrisma()).organization.count()).toBe(5);
  });

  test("a search ignores accents and case, both ways", async () => {
    const prisma = await getPrisma();
    const accented = ["Comité del Valle", "Niños Unidos", "Casa São Paulo", "Centro Jose Marti"];
    await prisma.organization.createMany({
      data: accented.map((name, i) => ({ name, slug: `accent-${i}`, region: "OR", sizeBand: "SMALL" as const })),
    });
    for (const [q, expected] of [
      ["comite", ["Comité del Valle"]],
      ["COMITÉ", ["Comité del Valle"]],
      ["nino", ["Niños Unidos"]],
      ["NIÑO", ["Niños Unidos"]],
      ["Sao", ["Casa São Paulo"]],
      ["José", ["Centro Jose Marti"]],
    ] as const)
      expect(names(await data(`year=${THIS_YEAR}&q=${encodeURIComponent(q)}`)), q).toEqual(expected);
    await prisma.organization.deleteMany({ where: { slug: { startsWith: "accent-" } } });
  });

  test("pages of 50, in order, and a page past the end is empty with the same total", async () => {
    const prisma = await getPrisma();
    await prisma.organization.createMany({
      data: Array.from({ length: 52 }, (_, i) => ({
        name: `Paged ${String(i).padStart(2, "0")}`,
        slug: `paged-${i}`,
        region: "OR",
        sizeBand: "SMALL" as const,
      })),
    });
    const first = await data(`year=${THIS_YEAR}&q=Paged`);
    expect(first.tracker).toMatchObject({ total: 52, pages: 2 });
    expect(first.tracker.rows).toHaveLength(50);
    const second = await data(`year=${THIS_YEAR}&q=Paged&page=2`);
    expect(names(second)).toEqual(["Paged 50", "Paged 51"]);
    const beyond = await data(`year=${THIS_YEAR}&q=Paged&page=9`);
    expect(beyond.tracker).toMatchObject({ total: 52, pages: 2, rows: [] });
    await prisma.organization.deleteMany({ where: { slug: { startsWith: "paged-" } } });
  });
});

describe("no content, no members", () => {
  test("the page data and the CSV carry names and counts, never what was written", async () => {
    const { text } = await page(`year=${YEAR}`);
    expect(text).toContain("Alder Collective");
    expect(text).not.toContain(MARKER);
    const res = await answer(() =>
      csvLoader(
        requestArgs(`/movement/organizations.csv?year=${YEAR}&sort=practices&dir=desc`, { cookie: staffCookie }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    // the order of rows is no filter; a filter is in the name
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="north-star-organizations-${YEAR}.csv"`);
    const filtered = await answer(() =>
      csvLoader(
        requestArgs(`/movement/organizations.csv?year=${YEAR}&region=WEST&state=SUBMITTED&q=Known`, {
          cookie: staffCookie,
        }),
      ),
    );
    expect(filtered.headers.get("Content-Disposition")).toBe(
      `attachment; filename="north-star-organizations-${YEAR}-west-submitted-known.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    expect(csv).not.toContain(MARKER);
    expect(csv).not.toContain("Dogwood");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Organization,Region,Macro-region,Last practice,Practices in 2025,Commitments Planned (2025),Commitments In progress (2025),Commitments Achieved (2025),Commitments Paused (2025),Commitments Dropped (2025),Reflection 2025",
    );
    expect(lines[1]).toBe("Alder Collective,California,West,2025-06-15,3,1,0,1,0,0,Submitted");
    // a name a spreadsheet would run as a formula is text
    expect(lines).toContain("'=Cedar Network,Texas,Southwest,,0,0,0,0,0,0,Not started");
    expect(lines).toHaveLength(5);
  });

  test("an organization's member gets 404 on the page and the CSV", async () => {
    expect((await page("", memberCookie)).res.status).toBe(404);
    expect(
      (await answer(() => csvLoader(requestArgs("/movement/organizations.csv", { cookie: memberCookie })))).status,
    ).toBe(404);
  });

  test("the per-organization year counts agree with a fresh count", async () => {
    const { stored, fresh } = await compareSummaries({ prisma: await getPrisma() });
    expect(stored.organizationYears.length).toBeGreaterThan(0);
    expect(stored).toEqual(fresh);
    // a rebuild from scratch gives the tracker the same numbers
    const before = await data(`year=${YEAR}`);
    const prisma = await getPrisma();
    await prisma.organizationYear.updateMany({ data: { practiceCount: 7, lastPracticeOn: new Date("2001-01-01") } });
    expect((await compareSummaries({ prisma })).stored.organizationYears).not.toEqual(
      (await compareSummaries({ prisma })).fresh.organizationYears,
    );
    await rebuildSummaries({ prisma });
    expect(await data(`year=${YEAR}`)).toEqual(before);
    const again = await compareSummaries({ prisma });
    expect(again.stored).toEqual(again.fresh);
  });
});
