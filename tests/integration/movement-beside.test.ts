// "Your organization beside the movement" on a dataset whose answers are known by construction, this year:
// five small organizations logged 0, 1, 2, 3 and 4 practices under the first value, two large ones 7 and 17,
// and an archived small one 30, which counts nowhere. Every practice counts 10 participants; the directly
// impacted among them give each organization a known share.
import { beforeAll, describe, expect, test } from "vitest";
import { besideGroupMinimum, getOrganizationBeside } from "~/models/movement-beside.server";
import { setOrganizationArchived } from "~/models/organization.server";
import { createPractice, setPracticeDeleted } from "~/models/practice.server";
import { compareSummaries } from "~/models/summary.server";
import { loader as homeLoader } from "~/routes/o.$org._index";
import { loader as valueLoader } from "~/routes/o.$org.values.$value";
import { getPrisma } from "~/utils/db.server";
import { answer, createUser, requestArgs, sessionCookie } from "../factories";

const YEAR = new Date().getUTCFullYear();
type Seed = { key: string; sizeBand: "SMALL" | "LARGE"; practices: number; impacted: number; archived?: boolean };
const SEEDS: Seed[] = [
  { key: "s0", sizeBand: "SMALL", practices: 0, impacted: 0 },
  { key: "s1", sizeBand: "SMALL", practices: 1, impacted: 2 },
  { key: "s2", sizeBand: "SMALL", practices: 2, impacted: 5 },
  { key: "s3", sizeBand: "SMALL", practices: 3, impacted: 6 },
  { key: "s4", sizeBand: "SMALL", practices: 4, impacted: 8 },
  { key: "l0", sizeBand: "LARGE", practices: 7, impacted: 0 },
  { key: "l1", sizeBand: "LARGE", practices: 17, impacted: 10 },
  { key: "gone", sizeBand: "SMALL", practices: 30, impacted: 10, archived: true },
];
const ids: Record<string, string> = {};
let value = { id: "", slug: "" };
let cookieS2 = "";
let actorId = "";

async function beside(key: string, minGroupSize: number) {
  const [item] = await getOrganizationBeside({
    prisma: await getPrisma(),
    organizationId: ids[key],
    year: YEAR,
    minGroupSize,
    valueIds: [value.id],
  });
  return item;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  value = await prisma.value.findFirstOrThrow({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });
  const actor = await createUser();
  actorId = actor.id;
  const admin = await createUser({ coalitionRole: "ADMIN" });
  for (const s of SEEDS) {
    const org = await prisma.organization.create({
      data: { name: `Beside ${s.key}`, slug: `beside-${s.key}`, region: "CA", sizeBand: s.sizeBand },
    });
    ids[s.key] = org.id;
    for (let p = 0; p < s.practices; p++) {
      await createPractice({
        prisma,
        organizationId: org.id,
        actorId: actor.id,
        submissionKey: `beside-${s.key}-${p}`,
        input: {
          title: `Practice ${p}`,
          notes: "",
          occurredOn: `${YEAR}-01-01`,
          valueId: value.id,
          participants: 10,
          impactedParticipants: s.impacted,
          visibility: "PRIVATE",
          freedomIds: [],
        },
      });
    }
    if (s.archived) await setOrganizationArchived({ prisma, actorId: admin.id, id: org.id, archived: true });
  }
  cookieS2 = (await sessionCookie((await createUser({ memberships: [{ organizationId: ids.s2, role: "LEAD" }] })).id))
    .cookie;
}, 120_000);

describe("the comparison's numbers", () => {
  test("a small organization is compared with the five small ones: median and quartiles of 0, 1, 2, 3, 4", async () => {
    const item = await beside("s2", 3);
    expect(item.group).toEqual({ kind: "band", band: "SMALL" });
    expect(item.organizations).toBe(5);
    expect(item.own).toEqual({ practices: 2, participants: 20, impactedShare: 0.5 });
    expect(item.practices).toEqual({ q1: 1, median: 2, q3: 3 });
    // shares 20 %, 50 %, 60 %, 80 %; the organization with no participants has no share
    expect(item.shareOrganizations).toBe(4);
    // 42.5 %, 55 % and 65 %, shown to the nearest 5 %
    expect(item.impactedShare).toEqual({ q1: 0.45, median: 0.55, q3: 0.65 });
  });

  test("a large organization, with only two of its size, is compared with all seven active organizations, and says so", async () => {
    const item = await beside("l0", 3);
    expect(item.group).toEqual({ kind: "all" });
    // 0, 1, 2, 3, 4, 7, 17: the archived organization's 30 is not among them
    expect(item.organizations).toBe(7);
    // 1.5, 3 and 5.5, shown as whole numbers
    expect(item.practices).toEqual({ q1: 2, median: 3, q3: 6 });
    expect(item.own).toEqual({ practices: 7, participants: 70, impactedShare: 0 });
    // shares 0 %, 20 %, 50 %, 60 %, 80 %, 100 %
    expect(item.shareOrganizations).toBe(6);
    // 27.5 %, 55 % and 75 %, to the nearest 5 %
    expect(item.impactedShare).toEqual({ q1: 0.3, median: 0.55, q3: 0.75 });
  });

  test("at the threshold the group is shown, under it the size band gives way to all, and under that nothing is shown", async () => {
    const at = await beside("s2", 5);
    expect(at.group.kind).toBe("band");
    expect(at.practices).not.toBeNull();
    // four small organizations counted participants: under 5, the share is hidden while the practices are not
    expect(at.impactedShare).toBeNull();
    const fallback = await beside("s2", 6);
    expect(fallback.group.kind).toBe("all");
    expect(fallback.organizations).toBe(7);
    expect(fallback.practices).toEqual({ q1: 2, median: 3, q3: 6 });
    const atAll = await beside("s2", 7);
    expect(atAll.practices).not.toBeNull();
    expect(atAll.impactedShare).toBeNull(); // six organizations counted participants
    const under = await beside("s2", 8);
    expect(under.group.kind).toBe("all");
    expect(under.practices).toBeNull();
    expect(under.impactedShare).toBeNull();
    // the organization's own numbers are its own to see whatever the group
    expect(under.own.practices).toBe(2);
  });

  test("the yearly per-organization summary it reads equals a fresh count of the practices", async () => {
    const { stored, fresh } = await compareSummaries({ prisma: await getPrisma() });
    expect(stored.organizationValueYears).toEqual(fresh.organizationValueYears);
    expect(stored.organizationValueYears.length).toBe(SEEDS.filter((s) => s.practices > 0).length);
    expect(stored).toEqual(fresh);
  });
});

/** The value's distribution this year as stored, its slots summed: "BAND measure bucket" → organizations. */
async function distribution() {
  const rows = await (
    await getPrisma()
  ).movementValueYearDistribution.groupBy({
    by: ["sizeBand", "measure", "bucket"],
    where: { year: YEAR, valueId: value.id },
    _sum: { organizations: true },
    orderBy: [{ sizeBand: "asc" }, { measure: "asc" }, { bucket: "asc" }],
  });
  return Object.fromEntries(
    rows
      .filter((r) => (r._sum.organizations ?? 0) > 0)
      .map((r) => [`${r.sizeBand} ${r.measure} ${r.bucket}`, r._sum.organizations]),
  );
}

describe("the distribution the statistics come from", () => {
  test("holds each active organization once at its practice count and once at its share, the archived one nowhere", async () => {
    // the organization with no practice stands in no bucket: it is the band's fifth organization
    expect(await distribution()).toEqual({
      "SMALL practices 1": 1,
      "SMALL practices 2": 1,
      "SMALL practices 3": 1,
      "SMALL practices 4": 1,
      "SMALL share 20": 1,
      "SMALL share 50": 1,
      "SMALL share 60": 1,
      "SMALL share 80": 1,
      "LARGE practices 7": 1,
      "LARGE practices 17": 1,
      "LARGE share 0": 1,
      "LARGE share 100": 1,
    });
    const { stored, fresh } = await compareSummaries({ prisma: await getPrisma() });
    expect(stored.valueYearDistribution).toEqual(fresh.valueYearDistribution);
  });

  test("a practice taken back moves its organization one bucket down, and the statistics follow", async () => {
    const prisma = await getPrisma();
    const practice = await prisma.practice.findFirstOrThrow({
      where: { organizationId: ids.s4, deletedAt: null },
      select: { id: true },
    });
    const take = (deleted: boolean) =>
      setPracticeDeleted({ prisma, organizationId: ids.s4, actorId, id: practice.id, deleted });
    expect((await take(true)).ok).toBe(true);
    try {
      const moved = await distribution();
      expect(moved["SMALL practices 4"]).toBeUndefined();
      expect(moved["SMALL practices 3"]).toBe(2);
      // s4 keeps its share: 24 impacted of 30
      expect(moved["SMALL share 80"]).toBe(1);
      // 0, 1, 2, 3, 3
      expect((await beside("s2", 3)).practices).toEqual({ q1: 1, median: 2, q3: 3 });
      const { stored, fresh } = await compareSummaries({ prisma });
      expect(stored.valueYearDistribution).toEqual(fresh.valueYearDistribution);
    } finally {
      expect((await take(false)).ok).toBe(true);
    }
    expect((await distribution())["SMALL practices 4"]).toBe(1);
  });
});

describe("shares that are not whole percents", () => {
  test("stand at their nearest whole percent (half up), and their quartiles are those of those percents", async () => {
    const prisma = await getPrisma();
    const second = await prisma.value.findFirstOrThrow({
      where: { archivedAt: null, id: { not: value.id } },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    // 1 of 8 (12.5 %), 1 of 3 (33.3 %) and 2 of 3 (66.7 %) among the small organizations, 3 of 8 (37.5 %) for a large one
    const logged = [
      { key: "s1", participants: 8, impacted: 1 },
      { key: "s2", participants: 3, impacted: 1 },
      { key: "s3", participants: 3, impacted: 2 },
      { key: "l0", participants: 8, impacted: 3 },
    ];
    for (const l of logged) {
      const saved = await createPractice({
        prisma,
        organizationId: ids[l.key],
        actorId,
        submissionKey: `beside-second-${l.key}`,
        input: {
          title: "Second value",
          notes: "",
          occurredOn: `${YEAR}-02-01`,
          valueId: second.id,
          participants: l.participants,
          impactedParticipants: l.impacted,
          visibility: "PRIVATE",
          freedomIds: [],
        },
      });
      expect(saved.ok).toBe(true);
    }
    const rows = await prisma.movementValueYearDistribution.groupBy({
      by: ["sizeBand", "measure", "bucket"],
      where: { year: YEAR, valueId: second.id, organizations: { gt: 0 } },
      _sum: { organizations: true },
      orderBy: [{ sizeBand: "asc" }, { measure: "asc" }, { bucket: "asc" }],
    });
    expect(rows.map((r) => `${r.sizeBand} ${r.measure} ${r.bucket} ${r._sum.organizations}`)).toEqual([
      "SMALL practices 1 3",
      "SMALL share 13 1",
      "SMALL share 33 1",
      "SMALL share 67 1",
      "LARGE practices 1 1",
      "LARGE share 38 1",
    ]);
    const [item] = await getOrganizationBeside({
      prisma,
      organizationId: ids.s2,
      year: YEAR,
      minGroupSize: 3,
      valueIds: [second.id],
    });
    expect(item.group).toEqual({ kind: "band", band: "SMALL" });
    // 0, 0, 1, 1, 1 practices
    expect(item.practices).toEqual({ q1: 0, median: 1, q3: 1 });
    expect(item.shareOrganizations).toBe(3);
    // 23 %, 33 % and 50 % of the percents (22.9 %, 33.3 % and 50 % of the exact shares), to the nearest 5 %
    expect(item.impactedShare).toEqual({ q1: 0.25, median: 0.35, q3: 0.5 });
    const { stored, fresh } = await compareSummaries({ prisma });
    expect(stored.valueYearDistribution).toEqual(fresh.valueYearDistribution);
  });
});

describe("the pages", () => {
  test("the home page carries this organization's numbers and the group's statistics, and nothing of another organization", async () => {
    const res = await answer(() =>
      homeLoader(requestArgs(`/o/beside-s2`, { cookie: cookieS2, params: { org: "beside-s2" } })),
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    const data = JSON.parse(text) as {
      beside: { year: number; min: number; values: (Awaited<ReturnType<typeof beside>> & { name: string })[] };
    };
    expect(data.beside.year).toBe(YEAR);
    const item = data.beside.values.find((v) => v.valueId === value.id)!;
    expect(item.name).toBeTruthy();
    const { name: _name, ...rest } = item;
    // the pages ask for twice MIN_GROUP_SIZE (3): the five small organizations give way to all seven
    expect(data.beside.min).toBe(6);
    expect(rest).toEqual(await beside("s2", besideGroupMinimum(3)));
    expect(rest.group).toEqual({ kind: "all" });
    for (const s of SEEDS.filter((x) => x.key !== "s2")) {
      expect(text).not.toContain(ids[s.key]);
      expect(text).not.toContain(`Beside ${s.key}`);
    }
  });

  test("the value page shows the same comparison for its value, and another organization's value page is a 404", async () => {
    const res = await answer(() =>
      valueLoader(
        requestArgs(`/o/beside-s2/values/${value.slug}`, {
          cookie: cookieS2,
          params: { org: "beside-s2", value: value.slug },
        }),
      ),
    );
    expect(res.status).toBe(200);
    const data = (await res.json()) as { beside: { item: unknown } };
    expect(data.beside.item).toEqual(await beside("s2", besideGroupMinimum(3)));
    const other = await answer(() =>
      valueLoader(
        requestArgs(`/o/beside-l1/values/${value.slug}`, {
          cookie: cookieS2,
          params: { org: "beside-l1", value: value.slug },
        }),
      ),
    );
    expect(other.status).toBe(404);
    const otherHome = await answer(() =>
      homeLoader(requestArgs(`/o/beside-l1`, { cookie: cookieS2, params: { org: "beside-l1" } })),
    );
    expect(otherHome.status).toBe(404);
  });
});
