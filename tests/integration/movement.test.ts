// The movement dashboard on a dataset whose answers are known by construction: seven organizations log
// practices in March 2025 — four in the West (three small, one large, 2 practices each), two in the
// Southwest and one in the Northeast (medium, 1 practice each) — so every threshold case exists.
import { beforeAll, describe, expect, test } from "vitest";
import { MACRO_REGIONS, type MovementFilters } from "~/models/movement-filters";
import { setOrganizationArchived } from "~/models/organization.server";
import { SIZE_BANDS } from "~/models/organization-options";
import { createPractice, setPracticeDeleted } from "~/models/practice.server";
import { compareSummaries } from "~/models/summary.server";
import { loader as csvLoader } from "~/routes/movement.csv";
import { loader as dashboardLoader } from "~/routes/movement._index";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createUser, requestArgs, sessionCookie, translated, valueOf } from "../factories";
import { movementDashboard } from "../movement-dashboard";

const MARKER = "PRIVATE-MARKER-7f3a";
const YEAR = 2025;
type Org = {
  id: string;
  region: string;
  sizeBand: "SMALL" | "MEDIUM" | "LARGE";
  impactedLed: boolean;
  practices: number;
};
const ORGS: Omit<Org, "id">[] = [
  { region: "CA", sizeBand: "SMALL", impactedLed: true, practices: 2 },
  { region: "CA", sizeBand: "SMALL", impactedLed: true, practices: 2 },
  { region: "CA", sizeBand: "SMALL", impactedLed: false, practices: 2 },
  { region: "OR", sizeBand: "LARGE", impactedLed: false, practices: 2 },
  { region: "TX", sizeBand: "MEDIUM", impactedLed: true, practices: 1 },
  { region: "AZ", sizeBand: "MEDIUM", impactedLed: false, practices: 1 },
  { region: "NY", sizeBand: "MEDIUM", impactedLed: false, practices: 1 },
];
const MACRO: Record<string, string> = { CA: "WEST", OR: "WEST", TX: "SOUTHWEST", AZ: "SOUTHWEST", NY: "NORTHEAST" };
let orgs: Org[] = [];
let valueId = "";
let valueSlug = "";
let staffCookie = "";
let memberCookie = "";

function dashboard(filters: Omit<MovementFilters, "year"> = {}) {
  return movementDashboard(YEAR, filters);
}

/** March 2025 for the chosen value, from the practices chart (its row, whether the chart shows a year or a range). */
function march(d: Awaited<ReturnType<typeof dashboard>>) {
  const column = d.charts.practices.columns.findIndex(
    (c) => c.key === `${valueSlug}-${YEAR}` || c.key === `${valueSlug}-current`,
  );
  return d.charts.practices.rows.find((r) => r.key === `${YEAR}-03`)!.cells[column];
}

/** RFC 4180: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string) {
  return text
    .trim()
    .split("\r\n")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .filter((m) => m.index! < line.length || m[1])
        .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])),
    );
}

beforeAll(async () => {
  const prisma = await getPrisma();
  const value = await prisma.value.findFirstOrThrow({ orderBy: { position: "asc" }, select: { id: true, slug: true } });
  valueId = value.id;
  valueSlug = value.slug;
  const actor = await createUser();
  orgs = [];
  for (const [i, o] of ORGS.entries()) {
    const created = await prisma.organization.create({
      data: {
        name: `Known ${i}`,
        slug: `known-${i}`,
        region: o.region,
        sizeBand: o.sizeBand,
        impactedLed: o.impactedLed,
      },
    });
    orgs.push({ ...o, id: created.id });
    for (let p = 0; p < o.practices; p++) {
      await valueOf(
        createPractice({
          prisma,
          organizationId: created.id,
          actorId: actor.id,
          submissionKey: `known-${i}-${p}`,
          input: {
            title: `${MARKER} ${i}`,
            notes: MARKER,
            occurredOn: `${YEAR}-03-1${p}`,
            valueId,
            participants: 10,
            impactedParticipants: 4,
            visibility: "PRIVATE",
            freedomIds: [],
          },
        }),
      );
    }
  }
  staffCookie = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  memberCookie = (
    await sessionCookie((await createUser({ memberships: [{ organizationId: orgs[0].id, role: "LEAD" }] })).id)
  ).cookie;
});

describe("known answers and suppression", () => {
  test("over the threshold the number is shown; at it too; under it, or with a small complement, it is not", async () => {
    expect(march(await dashboard())).toBe(11); // 7 organizations
    // a filtered view is part of a partition of the organizations: its numbers are rounded to the nearest 5
    expect(march(await dashboard({ size: "SMALL" }))).toBe(5); // 6, from exactly 3, and 4 left out
    expect(march(await dashboard({ size: "MEDIUM" }))).toBe(5); // 3, from exactly 3
    expect(march(await dashboard({ size: "LARGE" }))).toBeNull(); // 1
    expect(march(await dashboard({ region: "SOUTHWEST" }))).toBeNull(); // 2
    expect(march(await dashboard({ region: "NORTHEAST" }))).toBeNull(); // 1
    // the West has 4 organizations but leaves out 3: shown (8)
    expect(march(await dashboard({ region: "WEST" }))).toBe(10);
    // impacted-led: 3 organizations (5, shown); not impacted-led: 4, leaving out 3 (6, shown)
    expect(march(await dashboard({ impacted: true }))).toBe(5);
    expect(march(await dashboard({ impacted: false }))).toBe(5);
  });

  test("no region's hidden number comes back as the movement minus the other regions", async () => {
    const whole = march(await dashboard());
    const parts = await Promise.all(MACRO_REGIONS.map((region) => dashboard({ region })));
    const hidden = parts.filter((d) => march(d) === null).length;
    expect(hidden).toBeGreaterThan(0);
    const shownSum = parts.reduce((a, d) => a + (march(d) ?? 0), 0);
    // the true hidden total (Southwest 2 organizations, Northeast 1) is not what subtraction gives
    const trueHidden = orgs
      .filter((o) => MACRO[o.region] === "SOUTHWEST" || MACRO[o.region] === "NORTHEAST")
      .reduce((a, o) => a + o.practices, 0);
    expect(whole! - shownSum).not.toBe(trueHidden);
    // a view of fewer than 3 organizations shows no number at all, zeros included, and says why
    const few = await dashboard({ region: "SOUTHWEST" });
    expect(few.viewWithheld).toBe("few");
    for (const table of Object.values(few.charts))
      for (const row of table.rows)
        expect(
          row.cells.every((c) => c === null),
          `${table.id} ${row.key}`,
        ).toBe(true);
    const west = await dashboard({ region: "WEST" });
    expect(west.viewWithheld).toBe("rounded");
    // self-ratings are shown for the whole movement only
    for (const row of west.charts.rubric.rows)
      expect(
        row.cells.every((c) => c === null),
        row.key,
      ).toBe(true);
    // no exact number in a filtered view: not even a 0, which beside the other half of a partition would pin a
    // hidden cell of the whole movement
    for (const table of Object.values(west.charts))
      for (const row of table.rows)
        for (const c of row.cells)
          if (c !== null) expect(c % 5 === 0 && c > 0, `${table.id} ${row.key} ${c}`).toBe(true);
    expect((await dashboard()).viewWithheld).toBeNull();
  });

  test("beside a hidden month no value's yearly count reaches the page, so the year minus the shown months is no month", async () => {
    // one organization's June practice: a month of its own, hidden, beside the year's 11 + 1
    const prisma = await getPrisma();
    const actor = await createUser();
    const june = await valueOf(
      createPractice({
        prisma,
        organizationId: orgs[0].id,
        actorId: actor.id,
        submissionKey: "known-june",
        input: {
          title: MARKER,
          occurredOn: `${YEAR}-06-10`,
          valueId,
          participants: 3,
          impactedParticipants: 1,
          visibility: "PRIVATE",
          freedomIds: [],
        },
      }),
    );
    try {
      const d = await dashboard();
      const column = d.charts.practices.columns.findIndex((c) => c.key === `${valueSlug}-${YEAR}`) / 2;
      const juneRow = d.charts.practices.rows.find((r) => r.key === `${YEAR}-06`)!;
      expect(juneRow.cells[column * 2]).toBeNull();
      // June alone hidden in the year would be the year (the tracker's sum, 12) minus the rest: March hides too
      const hiddenMonths = d.charts.practices.rows.filter((r) => r.cells[column * 2] === null).map((r) => r.key);
      expect(hiddenMonths).toEqual([`${YEAR}-03`, `${YEAR}-06`]);
      // and no value's yearly count is given, even rounded: 12, or "about 10", minus the shown months gave the
      // hidden months' sum back, and told under which value one organization's hidden month was
      expect(d.monthsHidden).toBe(true);
      expect(d.perValue.map((v) => v.practices)).toEqual(d.perValue.map(() => null));
      // the same months hide in a range that shows only one of them
      const ranged = await dashboard({ range: { from: `${YEAR}-03`, to: `${YEAR}-04` } });
      expect(ranged.charts.practices.rows.find((r) => r.key === `${YEAR}-03`)!.cells[column * 2]).toBeNull();
    } finally {
      await valueOf(
        setPracticeDeleted({ prisma, organizationId: orgs[0].id, actorId: actor.id, id: june.id, deleted: true }),
      );
    }
    const after = await dashboard();
    expect(after.monthsHidden).toBe(false);
    expect(after.perValue.find((v) => v.practices !== null)!.practices).toBe(11);
  });

  test("no 0 beside a hidden number: a year or a month with one organization does not tell where it acted", async () => {
    // 2012: one organization alone, 2 practices in April under the second value, advancing one freedom;
    // 2015: four organizations under every value in January to March, then one alone in June under the third
    const prisma = await getPrisma();
    const actor = await createUser();
    const values = await prisma.value.findMany({ orderBy: { position: "asc" }, select: { id: true } });
    const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "asc" }, select: { id: true } });
    const saved: { id: string; organizationId: string }[] = [];
    const save = async (organizationId: string, occurredOn: string, value: string, freedomIds: string[] = []) => {
      const { id } = await valueOf(
        createPractice({
          prisma,
          organizationId,
          actorId: actor.id,
          submissionKey: `lone-${saved.length}`,
          input: {
            title: MARKER,
            occurredOn,
            valueId: value,
            participants: 6,
            impactedParticipants: 2,
            visibility: "PRIVATE",
            freedomIds,
          },
        }),
      );
      saved.push({ id, organizationId });
    };
    await save(orgs[0].id, "2012-04-10", values[1].id, [freedom.id]);
    await save(orgs[0].id, "2012-04-11", values[1].id, [freedom.id]);
    for (const o of orgs.slice(1, 5))
      for (const month of ["01", "02", "03"]) for (const v of values) await save(o.id, `2015-${month}-05`, v.id);
    await save(orgs[5].id, "2015-06-20", values[2].id);
    await save(orgs[5].id, "2015-06-21", values[2].id);
    try {
      const lone = await movementDashboard(2012);
      const april = lone.charts.practices.rows.find((r) => r.key === "2012-04")!;
      const current = lone.charts.practices.columns.flatMap((c, i) => (c.dashed ? [] : [i]));
      expect(current.map((i) => april.cells[i])).toEqual(current.map(() => null));
      // a month nobody acted in, in a year nobody else did: 0, as the tracker's dates already say
      const may = lone.charts.practices.rows.find((r) => r.key === "2012-05")!;
      expect(current.map((i) => may.cells[i])).toEqual(current.map(() => 0));
      for (const id of ["freedoms", "participants", "participation"] as const) {
        const cells = lone.charts[id].rows.filter((r) => !["notStarted", "drafted", "submitted"].includes(r.key));
        expect(
          cells.flatMap((r) => r.cells),
          id,
        ).toEqual(cells.flatMap((r) => r.cells.map(() => null)));
      }
      expect(lone.perValue.map((v) => v.practices)).toEqual(lone.perValue.map(() => null));

      const busy = await movementDashboard(2015);
      const row = (key: string) => current.map((i) => busy.charts.practices.rows.find((r) => r.key === key)!.cells[i]);
      expect(row("2015-02")).toEqual(values.map(() => 4));
      expect(row("2015-06")).toEqual(values.map(() => null));
      expect(row("2015-07")).toEqual(values.map(() => 0));
      // and the CSV says the same as the table
      const csv = await (
        await csvLoader(requestArgs("/movement/csv?year=2015&chart=practices", { cookie: staffCookie }))
      ).text();
      const [header, ...lines] = parseCsv(csv.replace(/^\uFEFF/, ""));
      const june = lines.find((line) => line[0] === "Jun")!;
      const of2015 = header.flatMap((name, i) => (name.endsWith(" 2015") ? [june[i]] : []));
      expect(of2015).toHaveLength(values.length);
      expect(of2015.filter((cell) => /^\d+$/.test(cell))).toEqual([]);
    } finally {
      for (const p of saved)
        await valueOf(
          setPracticeDeleted({ prisma, organizationId: p.organizationId, actorId: actor.id, id: p.id, deleted: true }),
        );
    }
  });

  test("participants and the impacted share per value come from the same organizations", async () => {
    const d = await dashboard();
    const row = d.charts.participants.rows.find((r) => r.key === valueSlug)!;
    expect(row.cells).toEqual([110, 44]);
    expect(
      (await dashboard({ region: "SOUTHWEST" })).charts.participants.rows.find((r) => r.key === valueSlug)!.cells,
    ).toEqual([null, null]);
  });

  test("participants are hidden until 3 organizations counted them, whatever the organizations with a practice there", async () => {
    // three organizations acted on the value in 2023; participants are optional, and only one counted them at first
    const prisma = await getPrisma();
    const actor = await createUser();
    const year = 2023;
    const counted: string[] = [];
    for (const i of [0, 1, 2]) {
      const org = await prisma.organization.create({
        data: { name: `Counted ${i}`, slug: `counted-${i}`, region: "CA", sizeBand: "SMALL" },
      });
      counted.push(org.id);
      await valueOf(
        createPractice({
          prisma,
          organizationId: org.id,
          actorId: actor.id,
          submissionKey: `counted-${i}`,
          input: {
            title: "Counted",
            occurredOn: `${year}-03-15`,
            valueId,
            participants: i === 0 ? 37 : 0,
            impactedParticipants: i === 0 ? 11 : 0,
            visibility: i === 0 ? "PRIVATE" : "COALITION",
            freedomIds: [],
          },
        }),
      );
    }
    const participants = async () => {
      const d = await movementDashboard(year);
      expect(d.charts.practices.columns.length).toBeGreaterThan(0);
      return d.charts.participants.rows.find((r) => r.key === valueSlug)!.cells;
    };
    expect(await participants()).toEqual([null, null]);
    const res = await answer(
      csvLoader(requestArgs(`/movement/csv?year=${year}&chart=participants`, { cookie: staffCookie })),
    );
    const row = parseCsv(await res.text()).find((r) => r[0].includes("Trust"))!;
    expect(row.slice(1)).not.toContain("37");
    expect(row.slice(1)).not.toContain("11");
    // a second organization counts participants: still two
    const second = async (i: number, participants: number) =>
      valueOf(
        createPractice({
          prisma,
          organizationId: counted[i],
          actorId: actor.id,
          submissionKey: `counted-more-${i}`,
          input: {
            title: "Counted",
            occurredOn: `${year}-04-15`,
            valueId,
            participants,
            impactedParticipants: 1,
            visibility: "COALITION",
            freedomIds: [],
          },
        }),
      );
    await second(1, 5);
    expect(await participants()).toEqual([null, null]);
    await second(2, 6);
    expect(await participants()).toEqual([48, 13]);
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);
  });

  test("every filter combination shows no number built from fewer than 3 organizations", async () => {
    const combos: Omit<MovementFilters, "year">[] = [];
    for (const region of [undefined, ...MACRO_REGIONS])
      for (const size of [undefined, ...SIZE_BANDS])
        for (const impacted of [undefined, true, false])
          combos.push({
            ...(region ? { region } : {}),
            ...(size ? { size } : {}),
            ...(impacted === undefined ? {} : { impacted }),
          });
    // the same with a date range around March: its months are the same rollup cells, suppressed alike
    const ranged = combos.map((f) => ({ ...f, range: { from: `${YEAR}-02`, to: `${YEAR}-04` } }));
    let shown = 0;
    for (const f of [...combos, ...ranged]) {
      const matching = orgs.filter(
        (o) =>
          (!f.region || MACRO[o.region] === f.region) &&
          (!f.size || o.sizeBand === f.size) &&
          (f.impacted === undefined || o.impactedLed === f.impacted),
      );
      const d = await dashboard(f);
      const cell = march(d);
      const leftOut = orgs.length - matching.length;
      if (cell !== null && cell !== 0) {
        shown++;
        expect(matching.length, JSON.stringify(f)).toBeGreaterThanOrEqual(3);
        expect(leftOut === 0 || leftOut >= 3, JSON.stringify(f)).toBe(true);
        const exact = matching.reduce((a, o) => a + o.practices, 0);
        const partial = f.region !== undefined || f.size !== undefined || f.impacted !== undefined;
        expect(cell).toBe(partial ? Math.round(exact / 5) * 5 : exact);
      }
      for (const row of d.charts.participation.rows) {
        if (row.cells[0] !== null && row.cells[0] > 0)
          expect(matching.length, `${row.key} ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(shown).toBeGreaterThan(8);
  }, 360_000);

  test("a date range draws its months beside the same months a year before; the yearly charts keep the year", async () => {
    const d = await dashboard({ range: { from: `${YEAR}-02`, to: `${YEAR}-04` } });
    expect(d.charts.practices.rows.map((r) => [r.key, r.label])).toEqual([
      [`${YEAR}-02`, `M${YEAR}-02`],
      [`${YEAR}-03`, `M${YEAR}-03`],
      [`${YEAR}-04`, `M${YEAR}-04`],
    ]);
    expect(march(d)).toBe(11);
    const column = d.charts.practices.columns.findIndex((c) => c.key === `${valueSlug}-before`);
    expect(d.charts.practices.rows.map((r) => r.cells[column])).toEqual([0, 0, 0]);
    // a range across the turn of the year, and one without March: nothing of March in it
    const across = await dashboard({ range: { from: `${YEAR - 1}-11`, to: `${YEAR}-02` } });
    expect(across.charts.practices.rows.map((r) => r.key)).toEqual([
      `${YEAR - 1}-11`,
      `${YEAR - 1}-12`,
      `${YEAR}-01`,
      `${YEAR}-02`,
    ]);
    const later = await dashboard({ range: { from: `${YEAR}-04`, to: `${YEAR}-06` } });
    expect(later.charts.practices.rows.flatMap((r) => r.cells).every((c) => c === 0)).toBe(true);
    // yearly charts are the year's whatever the range
    expect(later.charts.participants.rows.find((r) => r.key === valueSlug)!.cells).toEqual([110, 44]);
  });

  test("months still to come are not drawn as months without practices", async () => {
    const inYear = (now: Date, range?: { from: string; to: string }) =>
      movementDashboard(YEAR, range ? { range } : {}, now);
    const may = await inYear(new Date(`${YEAR}-05-20T12:00:00Z`));
    expect(may.charts.practices.rows.map((r) => r.key)).toEqual([
      `${YEAR}-01`,
      `${YEAR}-02`,
      `${YEAR}-03`,
      `${YEAR}-04`,
      `${YEAR}-05`,
    ]);
    const ranged = await inYear(new Date(`${YEAR}-05-20T12:00:00Z`), { from: `${YEAR}-04`, to: `${YEAR}-08` });
    expect(ranged.charts.practices.rows.map((r) => r.key)).toEqual([`${YEAR}-04`, `${YEAR}-05`]);
    const later = await inYear(new Date(`${YEAR + 1}-01-02T12:00:00Z`));
    expect(later.charts.practices.rows).toHaveLength(12);
  });
});

describe("the pages", () => {
  test("the CSV is the table is the chart, and no private text reaches staff", async () => {
    const res = await answer(() => dashboardLoader(requestArgs(`/movement?year=${YEAR}`, { cookie: staffCookie })));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(MARKER);
    const data = JSON.parse(text) as {
      charts: {
        id: string;
        table: { columns: { label: string }[]; rows: { label: string; cells: (number | null)[] }[] };
        svg: string;
      }[];
    };
    const chart = data.charts.find((c) => c.id === "practices")!;
    const csvRes = await answer(() =>
      csvLoader(requestArgs(`/movement/csv?year=${YEAR}&chart=practices`, { cookie: staffCookie })),
    );
    expect(csvRes.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).not.toContain(MARKER);
    const lines = parseCsv(csv.slice(1));
    expect(lines[0].slice(1)).toEqual(chart.table.columns.map((c) => c.label));
    // a hidden cell holds the word the chart's drawing uses; why it is hidden is said once, under the table
    const rows = chart.table.rows;
    expect(lines.slice(1, 1 + rows.length)).toEqual(
      rows.map((r) => [r.label, ...r.cells.map((c) => (c === null ? "hidden" : String(c)))]),
    );
    expect(lines.slice(1 + rows.length)).toEqual(
      rows.some((r) => r.cells.includes(null))
        ? [
            [],
            [
              "hidden: a number from fewer than 3 organizations is not shown, nor one that would let someone work out such a number by subtraction.",
            ],
          ]
        : [],
    );
    // each number shown is in the chart's SVG as a mark's title, and nothing hidden is
    const march2025 = chart.table.rows[2];
    const col = chart.table.columns.findIndex((c) => c.label.endsWith(String(YEAR)));
    expect(chart.svg).toContain(
      `<title>${chart.table.columns[col].label.replace(/&/g, "&amp;")}, ${march2025.label}: ${march2025.cells[col]}</title>`,
    );
    expect(chart.svg).not.toContain(": null<");
  });

  test("a hidden cell in the CSV is the drawing's word, and one line under the table says why, in either language", async () => {
    // the Northeast is one organization: its view hides what it would give away
    const url = `/movement?year=${YEAR}&region=NORTHEAST`;
    const page = (await (await answer(() => dashboardLoader(requestArgs(url, { cookie: staffCookie })))).json()) as {
      charts: { id: string; table: { rows: { label: string; cells: (number | null)[] }[] } }[];
    };
    const rows = page.charts.find((c) => c.id === "practices")!.table.rows;
    expect(rows.some((r) => r.cells.includes(null))).toBe(true);
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    for (const [cookie, mark, note] of [
      [
        staffCookie,
        "hidden",
        "hidden: a number from fewer than 3 organizations is not shown, nor one that would let someone work out such a number by subtraction.",
      ],
      [
        `${staffCookie}; ${spanish}`,
        "oculto",
        "oculto: no se muestra una cifra de menos de 3 organizaciones, ni una que permitiría deducir una cifra así restando.",
      ],
    ]) {
      const csv = await answer(() =>
        csvLoader(requestArgs(`/movement/csv?year=${YEAR}&region=NORTHEAST&chart=practices`, { cookie })),
      );
      const lines = parseCsv((await csv.text()).slice(1));
      expect(lines.slice(1, 1 + rows.length).map((l) => l.slice(1))).toEqual(
        rows.map((r) => r.cells.map((c) => (c === null ? mark : String(c)))),
      );
      expect(lines.slice(1 + rows.length)).toEqual([[], [note]]);
    }
  });

  test("a page's first request draws each chart into its HTML only; a navigation's data carries the drawing", async () => {
    const url = `/movement?year=${YEAR}`;
    const read = async (context: Record<string, unknown>) => {
      const res = await answer(() => dashboardLoader({ ...requestArgs(url, { cookie: staffCookie }), context }));
      return (await res.json()) as { charts: { id: string; svg: string | null; withheld: boolean }[] };
    };
    const navigation = await read({});
    const documentDrawings = new Map<string, string>();
    const first = await read({ documentDrawings });
    expect(first.charts.map((c) => c.svg)).toEqual(first.charts.map(() => null));
    // this year's self-ratings wait for its cycle to close: that chart is not drawn at all
    expect(navigation.charts.filter((c) => c.withheld).map((c) => c.id)).toEqual(["rubric"]);
    const drawn = navigation.charts.filter((c) => !c.withheld);
    expect([...documentDrawings.keys()]).toEqual(drawn.map((c) => c.id));
    for (const chart of drawn) {
      expect(chart.svg).toContain("<svg");
      expect(documentDrawings.get(chart.id)).toBe(chart.svg);
    }
  });

  test("the date range reaches the page, its CSV and its wording; a range that does not parse is ignored and said to be", async () => {
    const res = await answer(() =>
      dashboardLoader(requestArgs(`/movement?year=${YEAR}&from=${YEAR}-02&to=${YEAR}-04`, { cookie: staffCookie })),
    );
    const data = (await res.json()) as {
      rangeIgnored: boolean;
      params: string;
      charts: {
        id: string;
        title: string;
        covers: string | null;
        table: { rows: { key: string; cells: (number | null)[] }[] };
      }[];
    };
    expect(data.rangeIgnored).toBe(false);
    const practices = data.charts.find((c) => c.id === "practices")!;
    expect(practices.title).toBe(
      `Practices per value per month, February ${YEAR} to April ${YEAR}, beside a year earlier`,
    );
    expect(practices.covers).toBeNull();
    expect(data.charts.find((c) => c.id === "participants")!.covers).toBe(
      `This chart counts whole years: it covers all of ${YEAR}, not only February ${YEAR} to April ${YEAR}.`,
    );
    expect(data.params).toContain(`from=${YEAR}-02&to=${YEAR}-04`);
    const csvRes = await answer(() =>
      csvLoader(requestArgs(`/movement/csv?${data.params}&chart=practices`, { cookie: staffCookie })),
    );
    expect(csvRes.headers.get("Content-Disposition")).toContain(
      `filename="north-star-movement-practices-${YEAR}-02-to-${YEAR}-04.csv"`,
    );
    // a reader in Spanish gets the file named in Spanish (plain letters)
    const inSpanish = `${staffCookie}; ${(await localeCookie.serialize("es")).split(";")[0]}`;
    const spanish = await answer(() =>
      csvLoader(
        requestArgs(`/movement/csv?${data.params}&chart=practices`, {
          cookie: inSpanish,
        }),
      ),
    );
    expect(spanish.headers.get("Content-Disposition")).toBe(
      `attachment; filename="north-star-movimiento-practicas-${YEAR}-02-a-${YEAR}-04.csv"`,
    );
    expect(spanish.headers.get("Cache-Control")).toBe("private, no-store");
    const lines = parseCsv((await csvRes.text()).replace(/^\uFEFF/, ""));
    expect(lines.slice(1, 4).map((l) => l[0])).toEqual([`Feb ${YEAR}`, `Mar ${YEAR}`, `Apr ${YEAR}`]);
    expect(lines.slice(1, 4).map((l) => l.slice(1))).toEqual(
      practices.table.rows.map((r) => r.cells.map((c) => (c === null ? "hidden" : String(c)))),
    );
    const hasHidden = practices.table.rows.some((r) => r.cells.includes(null));
    expect(lines.slice(4).map((l) => l[0] ?? "")).toEqual(
      hasHidden ? ["", expect.stringMatching(/^hidden: a number from fewer than 3 organizations/)] : [],
    );
    // in Spanish, the same word as the drawing and the same one line
    const spanishLines = parseCsv((await spanish.text()).replace(/^\uFEFF/, ""));
    expect(spanishLines.slice(1, 4).map((l) => l.slice(1))).toEqual(
      practices.table.rows.map((r) => r.cells.map((c) => (c === null ? "oculto" : String(c)))),
    );
    expect(spanishLines.slice(4).map((l) => l[0] ?? "")).toEqual(
      hasHidden ? ["", expect.stringMatching(/^oculto: no se muestra una cifra de menos de 3 organizaciones/)] : [],
    );

    for (const bad of [`from=${YEAR}-13`, `from=${YEAR}-05&to=${YEAR}-02`, "from=2000-01&to=2026-01", "to=abc"]) {
      const ignored = await answer(() =>
        dashboardLoader(requestArgs(`/movement?year=${YEAR}&${bad}`, { cookie: staffCookie })),
      );
      expect(ignored.status, bad).toBe(200);
      const body = (await ignored.json()) as typeof data;
      expect(body.rangeIgnored, bad).toBe(true);
      expect(body.params).not.toContain("from=");
      expect(body.charts.find((c) => c.id === "practices")!.table.rows).toHaveLength(12);
    }
  });

  test("a year the dashboard cannot show falls back to this year and the page says so", async () => {
    const read = async (query: string) =>
      (await (
        await answer(() => dashboardLoader(requestArgs(`/movement?${query}`, { cookie: staffCookie })))
      ).json()) as {
        yearIgnored: boolean;
        filters: { year: number };
      };
    const asked = await read(`year=${YEAR}`);
    expect(asked.yearIgnored).toBe(false);
    expect(asked.filters.year).toBe(YEAR);
    const old = await read("year=1999");
    expect(old.yearIgnored).toBe(true);
    expect(old.filters.year).toBe(new Date().getUTCFullYear());
    expect((await read("")).yearIgnored).toBe(false);
    // a range that starts after this month has nothing to show: left out, and said to be
    const nextYear = new Date().getUTCFullYear() + 1;
    const future = (await (
      await answer(() =>
        dashboardLoader(requestArgs(`/movement?from=${nextYear}-01&to=${nextYear}-03`, { cookie: staffCookie })),
      )
    ).json()) as { rangeIgnored: boolean; filters: { range?: unknown } };
    expect(future.rangeIgnored).toBe(true);
    expect(future.filters.range).toBeUndefined();
    expect(translated("movement:dashboard.yearIgnored")).toBe("movement:dashboard.yearIgnored");
  });

  test("a view of one value: its takeaways give counts, never 'the most' of one, nor a count of 0 achieved", async () => {
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    const takeaways = async (cookie: string) => {
      const res = await answer(() =>
        dashboardLoader(requestArgs(`/movement?year=${YEAR}&value=${valueSlug}`, { cookie })),
      );
      const data = (await res.json()) as {
        charts: { id: string; takeaway: string; table: { rows: { label: string; cells: (number | null)[] }[] } }[];
      };
      return { byId: new Map(data.charts.map((c) => [c.id, c])), all: data.charts.map((c) => c.takeaway) };
    };
    const english = await takeaways(staffCookie);
    const name = english.byId.get("participants")!.table.rows[0].label;
    expect(english.byId.get("participants")!.table.rows).toHaveLength(1);
    expect(english.byId.get("practices")!.takeaway).toMatch(
      new RegExp(`^Practices for ${name.replace(/[&]/g, "\\$&")} in ${YEAR}: \\d+\\.$`),
    );
    // the dataset has no cycle for its year, so no commitment: the takeaway says the year had no cycle
    expect(english.byId.get("commitments")!.takeaway).toBe(
      `The coalition held no cycle for ${YEAR}, so there are no commitments to show.`,
    );
    for (const sentence of english.all) {
      expect(sentence).not.toMatch(/the most|most often/);
      expect(sentence).not.toMatch(/^0 /);
    }
    const inSpanish = await takeaways(`${staffCookie}; ${spanish}`);
    expect(inSpanish.byId.get("practices")!.takeaway).toMatch(/^Prácticas de .+ en 2025: \d+\.$/);
    expect(inSpanish.byId.get("commitments")!.takeaway).toBe(
      `La coalición no tuvo un ciclo para ${YEAR}, así que no hay compromisos que mostrar.`,
    );
    // its CSV's zeros are not "none were made": the file ends with the same sentence, in the page's language
    for (const [cookie, sentence] of [
      [staffCookie, `The coalition held no cycle for ${YEAR}, so there are no commitments to show.`],
      [
        `${staffCookie}; ${spanish}`,
        `La coalición no tuvo un ciclo para ${YEAR}, así que no hay compromisos que mostrar.`,
      ],
    ]) {
      const res = await answer(() =>
        csvLoader(requestArgs(`/movement/csv?year=${YEAR}&chart=commitments`, { cookie })),
      );
      expect((await res.text()).trimEnd().split("\r\n").at(-1)).toBe(`"${sentence}"`);
    }
  });

  test("a filtered view's CSV names every filter, so two views' files never share a name", async () => {
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    const fileName = async (query: string, cookie = staffCookie) =>
      (await answer(() => csvLoader(requestArgs(`/movement/csv?${query}`, { cookie })))).headers
        .get("Content-Disposition")!
        .replace(/^attachment; filename="(.*)\.csv"$/, "$1");
    expect(await fileName(`year=${YEAR}&chart=freedoms`)).toBe(`north-star-movement-freedoms-${YEAR}`);
    expect(await fileName(`year=${YEAR}&chart=freedoms&region=WEST&size=SMALL&impacted=yes`)).toBe(
      `north-star-movement-freedoms-${YEAR}-west-small-impacted-led`,
    );
    expect(await fileName(`year=${YEAR}&chart=freedoms&region=SOUTHWEST`)).toBe(
      `north-star-movement-freedoms-${YEAR}-southwest`,
    );
    expect(await fileName(`year=${YEAR}&chart=rubric&region=WEST&size=SMALL`, `${staffCookie}; ${spanish}`)).toBe(
      `north-star-movimiento-rubrica-${YEAR}-oeste-pequena`,
    );
    // a value narrows the view: its name says which
    expect(await fileName(`year=${YEAR}&chart=practices&value=${valueSlug}`)).toMatch(
      new RegExp(`^north-star-movement-practices-${YEAR}-[a-z0-9-]+$`),
    );
    expect(await fileName(`year=${YEAR}&chart=practices&value=${valueSlug}`)).not.toBe(
      await fileName(`year=${YEAR}&chart=practices`),
    );
  });

  test("a one-month range names its month once, in English and in Spanish", async () => {
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    const titles = async (cookie: string) => {
      const res = await answer(() =>
        dashboardLoader(requestArgs(`/movement?year=${YEAR}&from=${YEAR}-03&to=${YEAR}-03`, { cookie })),
      );
      const data = (await res.json()) as { charts: { id: string; title: string; covers: string | null }[] };
      const byId = new Map(data.charts.map((c) => [c.id, c]));
      return { practices: byId.get("practices")!.title, covers: byId.get("participants")!.covers };
    };
    expect(await titles(staffCookie)).toEqual({
      practices: `Practices per value, March ${YEAR}, beside a year earlier`,
      covers: `This chart counts whole years: it covers all of ${YEAR}, not only March ${YEAR}.`,
    });
    expect(await titles(`${staffCookie}; ${spanish}`)).toEqual({
      practices: `Prácticas por valor, marzo de ${YEAR}, junto al año anterior`,
      covers: `Este gráfico cuenta años enteros: abarca todo ${YEAR}, no solo marzo de ${YEAR}.`,
    });
  });

  test("an organization's member gets 404 on every movement page and download", async () => {
    for (const call of [
      () => dashboardLoader(requestArgs("/movement", { cookie: memberCookie })),
      () => csvLoader(requestArgs("/movement/csv?chart=practices", { cookie: memberCookie })),
    ]) {
      expect((await answer(call)).status).toBe(404);
    }
  });

  test("an archived organization leaves the dashboard, and the summaries still equal a fresh count", async () => {
    const prisma = await getPrisma();
    const admin = await createUser({ coalitionRole: "ADMIN" });
    await setOrganizationArchived({ prisma, actorId: admin.id, id: orgs[3].id, archived: true });
    expect(march(await dashboard())).toBe(9);
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);
    await setOrganizationArchived({ prisma, actorId: admin.id, id: orgs[3].id, archived: false });
    expect(march(await dashboard())).toBe(11);
  });
});
