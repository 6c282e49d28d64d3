// Self-ratings beside the shared page, on ratings known by construction. Seven organizations (A–G) submit
// their 2025 reflection. The first value: A, B and C share a level 2 with the coalition, D–G keep a level 3
// private. The second: A, B and C rate 1, D, E and F rate 3, all privately, and G shares a 3.
// The shared page names A, B, C (and G) with their levels, and the tracker names every organization that
// submitted: a row that only hid small cells would still say, minus the shared levels, what D–G rated. The
// chart shows once the cycle has closed; each later change reopens it, changes, and closes it again.
import { beforeAll, describe, expect, test } from "vitest";
import { transitionCycle } from "~/models/cycle.server";
import { reopenReflection, saveReflectionStep, submitReflection } from "~/models/reflection.server";
import { compareSummaries } from "~/models/summary.server";
import { getPrisma } from "~/utils/db.server";
import { loader as csvLoader } from "~/routes/movement.csv";
import { answer, createUser, requestArgs, sessionCookie, valueOf } from "../factories";
import { movementDashboard } from "../movement-dashboard";

const YEAR = 2025;
type Visibility = "PRIVATE" | "COALITION" | "PUBLIC";
type Rating = [level: number, visibility: Visibility];
const SHARED_2: Rating = [2, "COALITION"];
// per organization: its rating of the first value and of the second (every other value: a private 2)
const RATINGS: Record<string, [Rating, Rating]> = {
  A: [SHARED_2, [1, "PRIVATE"]],
  B: [
    [2, "PUBLIC"],
    [1, "PRIVATE"],
  ],
  C: [SHARED_2, [1, "PRIVATE"]],
  D: [
    [3, "PRIVATE"],
    [3, "PRIVATE"],
  ],
  E: [
    [3, "PRIVATE"],
    [3, "PRIVATE"],
  ],
  F: [
    [3, "PRIVATE"],
    [3, "PRIVATE"],
  ],
  G: [
    [3, "PRIVATE"],
    [3, "COALITION"],
  ],
};
let values: { id: string; slug: string }[] = [];
const ids: Record<string, string> = {};
let actorId = "";

async function rate(organizationId: string, valueId: string, [level, visibility]: Rating) {
  const prisma = await getPrisma();
  const existing = await prisma.reflection.findFirst({
    where: { organizationId, valueId, cycle: { year: YEAR } },
    select: { version: true },
  });
  await valueOf(
    saveReflectionStep({
      prisma,
      organizationId,
      actorId,
      year: YEAR,
      version: existing?.version ?? 0,
      input: {
        valueId,
        rubricLevel: level,
        wentWell: "",
        challenges: "",
        nextSteps: "",
        visibility,
        consentToQuote: false,
      },
    }),
  );
}

/** Closes (or reopens) the year's cycle, as an admin does. */
async function cycle(transition: "close" | "reopen") {
  const prisma = await getPrisma();
  await valueOf(
    transitionCycle({ prisma, actorId, year: YEAR, transition, reason: "test", appUrl: "http://localhost" }),
  );
}

/** An organization changes one rating: it reopens its year in a reopened cycle, saves, submits; the cycle closes. */
async function change(name: string, valueIndex: number, rating: Rating) {
  const prisma = await getPrisma();
  await cycle("reopen");
  await valueOf(reopenReflection({ prisma, organizationId: ids[name], actorId, year: YEAR }));
  await rate(ids[name], values[valueIndex].id, rating);
  await valueOf(submitReflection({ prisma, organizationId: ids[name], actorId, year: YEAR }));
  await cycle("close");
}

async function rubricRow(valueIndex: number) {
  const d = await movementDashboard(YEAR);
  return d.charts.rubric.rows.find((r) => r.key === values[valueIndex].slug)!.cells;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  actorId = (await createUser()).id;
  values = await prisma.value.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  await prisma.cycle.create({
    data: { year: YEAR, opensOn: new Date(`${YEAR}-01-01`), closesOn: new Date(`${YEAR}-12-31`), status: "OPEN" },
  });
  for (const [name, [first, second]] of Object.entries(RATINGS)) {
    const org = await prisma.organization.create({
      data: { name: `Rater ${name}`, slug: `rater-${name.toLowerCase()}`, region: "CA", sizeBand: "SMALL" },
    });
    ids[name] = org.id;
    for (const [i, v] of values.entries())
      await rate(org.id, v.id, i === 0 ? first : i === 1 ? second : [2, "PRIVATE"]);
    await valueOf(submitReflection({ prisma, organizationId: org.id, actorId, year: YEAR }));
  }
});

describe("self-ratings beside the shared levels", () => {
  test("while the year's cycle is open no self-rating shows: each submit would show in the chart", async () => {
    const open = await movementDashboard(YEAR);
    expect(open.rubricWithheld).toBe("open");
    expect(open.charts.rubric.rows.flatMap((r) => r.cells).every((c) => c === null)).toBe(true);
    // its CSV says why once, under the table, not "fewer than 3 organizations"
    const staff = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
    const csv = await answer(() =>
      csvLoader(requestArgs(`/movement/csv?chart=rubric&year=${YEAR}`, { cookie: staff })),
    );
    const text = await csv.text();
    const lines = text.trim().split("\r\n");
    // each cell holds the drawing's word; the last line says why, once
    expect(lines.at(-1)).toMatch(/^"?hidden: Self-ratings for \d+ are shown once its cycle has closed/);
    expect(lines.at(-2)).toBe("");
    const rows = lines.slice(1, -2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^(?:"(?:[^"]|"")*"|[^,"]*)(?:,hidden)+$/);
    await cycle("close");
    const closed = await movementDashboard(YEAR);
    expect(closed.rubricWithheld).toBeNull();
    expect(closed.charts.rubric.rows.flatMap((r) => r.cells).some((c) => c !== null)).toBe(true);
  });

  test("a row whose private ratings all sit at one level once the shared ones are taken away is hidden whole", async () => {
    // every rating: 3 at level 2 and 4 at level 3, each from 3 or more organizations; the three at level 2 are
    // on the shared page, so "4 at level 3" would be D, E, F and G's private ratings
    expect(await rubricRow(0)).toEqual([null, null, null, null]);
  });

  test("private ratings spread over levels with 3 or more organizations each are shown, shared ones included", async () => {
    // private: 3 at level 1, 3 at level 3; G's shared 3 is counted with them
    expect(await rubricRow(1)).toEqual([3, 0, 4, 0]);
  });

  test("the rollup counts the shared ratings as they change, and agrees with a fresh count", async () => {
    const prisma = await getPrisma();
    // G keeps its second rating private: the private ratings are 3 at 1 and 4 at 3
    await change("G", 1, [3, "PRIVATE"]);
    expect(await rubricRow(1)).toEqual([3, 0, 4, 0]);
    const shared = await prisma.movementRubricSummary.aggregate({
      where: { year: YEAR, valueId: values[1].id },
      _sum: { sharedCount: true, organizationCount: true },
    });
    expect(shared._sum).toEqual({ sharedCount: 0, organizationCount: 7 });
    // D shares its second rating: the private ones left, 3 at 1 and 3 at 3, still show
    await change("D", 1, [3, "PUBLIC"]);
    expect(await rubricRow(1)).toEqual([3, 0, 4, 0]);
    // and E, F and G share theirs too: what is left private is A, B and C's 1, all at one level: hidden whole
    for (const name of ["E", "F", "G"]) await change(name, 1, [3, "COALITION"]);
    expect(await rubricRow(1)).toEqual([null, null, null, null]);
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);
    const level3 = await prisma.movementRubricSummary.findMany({
      where: { year: YEAR, valueId: values[1].id, level: 3 },
      select: { organizationCount: true, sharedCount: true },
    });
    expect(level3).toEqual([{ organizationCount: 4, sharedCount: 4 }]);
  });
});
