// The dashboard summaries always equal a fresh count, whatever sequence of writes came before.
import { beforeAll, expect, test } from "vitest";
import { compareSummaries, rebuildSummaries } from "~/models/summary.server";
import { createPractice, setPracticeDeleted, updatePractice } from "~/models/practice.server";
import type { PracticeInput } from "~/models/practice-schema";
import { getPrisma, onStatement } from "~/utils/db.server";
import { createOrganization, createUser, valueOf } from "../factories";

let orgs: string[] = [];
let actorId = "";
let values: string[] = [];
let freedoms: string[] = [];

// a small deterministic PRNG, so a failure can be replayed
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  const prisma = await getPrisma();
  orgs = [(await createOrganization()).id, (await createOrganization()).id];
  actorId = (await createUser({ memberships: orgs.map((organizationId) => ({ organizationId })) })).id;
  values = (await prisma.value.findMany({ select: { id: true } })).map((v) => v.id);
  freedoms = (await prisma.freedom.findMany({ select: { id: true } })).map((f) => f.id);
});

test("after 150 random creates, edits, deletes and undos the summaries equal a fresh count", async () => {
  const prisma = await getPrisma();
  const random = prng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const input = (): PracticeInput => {
    const participants = Math.floor(random() * 40);
    return {
      title: "Practice",
      notes: "",
      occurredOn: `202${4 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      valueId: pick(values),
      participants,
      impactedParticipants: Math.floor(random() * (participants + 1)),
      visibility: pick(["PRIVATE", "COALITION", "PUBLIC"] as const),
      freedomIds: freedoms.filter(() => random() < 0.3).slice(0, 3),
    };
  };
  const live: { id: string; organizationId: string; version: number; deleted: boolean }[] = [];
  let conflicts = 0;
  for (let step = 0; step < 150; step++) {
    const roll = random();
    if (roll < 0.45 || live.length === 0) {
      const organizationId = pick(orgs);
      const { id } = await valueOf(
        createPractice({ prisma, organizationId, actorId, submissionKey: `k-${step}`, input: input() }),
      );
      live.push({ id, organizationId, version: 1, deleted: false });
    } else if (roll < 0.75) {
      const p = pick(live);
      const stale = random() < 0.15;
      const result = await updatePractice({
        prisma,
        organizationId: p.organizationId,
        actorId,
        id: p.id,
        version: stale ? p.version - 1 : p.version,
        input: input(),
      });
      if (p.deleted) expect(result).toMatchObject({ ok: false, error: "not-found" });
      else if (stale) {
        expect(result).toMatchObject({ ok: false, error: "stale" });
        conflicts++;
      } else {
        expect(result.ok).toBe(true);
        p.version++;
      }
    } else {
      const p = pick(live);
      expect(
        (await setPracticeDeleted({ prisma, organizationId: p.organizationId, actorId, id: p.id, deleted: !p.deleted }))
          .ok,
      ).toBe(true);
      p.deleted = !p.deleted;
      p.version++;
    }
  }
  const { stored, fresh } = await compareSummaries({ prisma });
  expect(fresh.values.length).toBeGreaterThan(10);
  expect(stored).toEqual(fresh);
  expect(conflicts).toBeGreaterThan(0);
  // and the rebuild command arrives at the same numbers
  await rebuildSummaries({ prisma });
  const after = await compareSummaries({ prisma });
  expect(after.stored).toEqual(after.fresh);
  expect(after.fresh.values.filter((r) => Number(r.practiceCount) > 0)).toEqual(
    fresh.values.filter((r) => Number(r.practiceCount) > 0),
  );
  // each save now also keeps the movement rollups: slow on the embedded database of a busy machine
}, 180_000);

test("one organization's saves at once, first in their cells, count it once in each movement cell", async () => {
  const prisma = await getPrisma();
  // each save reads its organization's counts back after the others committed (a save is one statement: no
  // lock is taken before its snapshot); freedoms in every order, so the movement's freedom rows are locked in
  // one order
  const organizationId = (await createOrganization()).id;
  const input = (i: number): PracticeInput => ({
    title: "Rush",
    notes: "",
    occurredOn: `2023-${String(1 + (i % 4) * 3).padStart(2, "0")}-0${1 + (i % 9)}`,
    valueId: values[i % 2],
    participants: 2 + (i % 3),
    impactedParticipants: i % 2,
    visibility: "PRIVATE",
    freedomIds: i % 2 ? [freedoms[2], freedoms[0], freedoms[1]] : [freedoms[1], freedoms[2]],
  });
  const rush = (from: number, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        valueOf(
          createPractice({
            prisma,
            organizationId,
            actorId,
            submissionKey: `rush-${from + i}`,
            input: input(from + i),
          }),
        ),
      ),
    );
  // the first saves of the year race to make the organization's row for it; the rest find it
  const saved = [...(await rush(0, 8)), ...(await rush(8, 24))];
  expect(saved.every((s) => s.created)).toBe(true);
  // and half of them taken back at once, some cells emptied again
  await Promise.all(
    saved
      .filter((_, i) => i % 4 < 2)
      .map((p) => setPracticeDeleted({ prisma, organizationId, actorId, id: p.id, deleted: true })),
  );
  const year = await prisma.organizationYear.findUniqueOrThrow({
    where: { organizationId_year: { organizationId, year: 2023 } },
  });
  expect(year.practiceCount).toBe(16);
  const { stored, fresh } = await compareSummaries({ prisma });
  expect(stored).toEqual(fresh);
}, 180_000);

test("a practice in any quarter is saved by one statement text, so each connection keeps one plan for it", async () => {
  const prisma = await getPrisma();
  const texts = new Set<string>();
  const stop = onStatement((e) => {
    if (e.query.includes("WITH claim")) texts.add(e.query);
  });
  try {
    for (const [i, occurredOn] of ["2025-02-10", "2025-05-10", "2025-08-10", "2025-11-10"].entries()) {
      const input: PracticeInput = {
        title: "Quarter",
        occurredOn,
        valueId: values[i % values.length],
        participants: 2,
        impactedParticipants: 1,
        visibility: "PRIVATE",
        freedomIds: [freedoms[i % freedoms.length]],
      };
      await valueOf(createPractice({ prisma, organizationId: orgs[0], actorId, submissionKey: `quarter-${i}`, input }));
    }
  } finally {
    stop();
  }
  expect(texts.size).toBe(1);
  const year = await prisma.organizationYear.findUniqueOrThrow({
    where: { organizationId_year: { organizationId: orgs[0], year: 2025 } },
    select: { practiceQ1: true, practiceQ2: true, practiceQ3: true, practiceQ4: true },
  });
  expect(Object.values(year).every((n) => n >= 1)).toBe(true);
  const { stored, fresh } = await compareSummaries({ prisma });
  expect(stored).toEqual(fresh);
});

test("a repeated submission key creates one practice and answers with the first one", async () => {
  const prisma = await getPrisma();
  const organizationId = orgs[0];
  const base: PracticeInput = {
    title: "Once",
    occurredOn: "2026-01-05",
    valueId: values[0],
    participants: 3,
    impactedParticipants: 1,
    visibility: "PRIVATE",
    freedomIds: [],
  };
  const [a, b] = await Promise.all([
    valueOf(createPractice({ prisma, organizationId, actorId, submissionKey: "double-click", input: base })),
    valueOf(createPractice({ prisma, organizationId, actorId, submissionKey: "double-click", input: base })),
  ]);
  expect(a.id).toBe(b.id);
  expect([a.created, b.created].sort()).toEqual([false, true]);
  expect(await prisma.practice.count({ where: { organizationId, title: "Once" } })).toBe(1);
  // another organization cannot reuse (or learn about) the key
  expect(
    await createPractice({ prisma, organizationId: orgs[1], actorId, submissionKey: "double-click", input: base }),
  ).toMatchObject({ ok: false, error: "conflict" });
  expect(await prisma.practice.count({ where: { organizationId: orgs[1], title: "Once" } })).toBe(0);
});

test("an edit or delete naming another organization's practice finds nothing and changes nothing", async () => {
  const prisma = await getPrisma();
  const base: PracticeInput = {
    title: "Theirs",
    occurredOn: "2026-01-05",
    valueId: values[0],
    participants: 3,
    impactedParticipants: 1,
    visibility: "PRIVATE",
    freedomIds: [],
  };
  const { id } = await valueOf(
    createPractice({ prisma, organizationId: orgs[1], actorId, submissionKey: "theirs", input: base }),
  );
  expect(
    await updatePractice({
      prisma,
      organizationId: orgs[0],
      actorId,
      id,
      version: 1,
      input: { ...base, title: "Mine now" },
    }),
  ).toMatchObject({ ok: false, error: "not-found" });
  expect(await setPracticeDeleted({ prisma, organizationId: orgs[0], actorId, id, deleted: true })).toMatchObject({
    ok: false,
    error: "not-found",
  });
  const row = await prisma.practice.findUniqueOrThrow({ where: { id } });
  expect(row.title).toBe("Theirs");
  expect(row.deletedAt).toBeNull();
});

test("saves from several organizations at once, in the same movement cells, leave the summaries equal a fresh count", async () => {
  const prisma = await getPrisma();
  // same region, size band and year: every save shares the movement-wide rows, as on a busy day
  const many = [
    ...orgs,
    (await createOrganization()).id,
    (await createOrganization()).id,
    (await createOrganization()).id,
  ];
  const input = (i: number): PracticeInput => ({
    title: "Busy day",
    notes: "",
    occurredOn: `2025-0${1 + (i % 3)}-1${i % 10}`,
    valueId: values[i % 2],
    participants: 4 + (i % 5),
    impactedParticipants: i % 4,
    visibility: "PRIVATE",
    freedomIds: i % 2 ? [freedoms[0], freedoms[1]] : [freedoms[1]],
  });
  // a few at a time, like a server's concurrent requests (the embedded database has one connection to share)
  const inWaves = async <T>(jobs: (() => Promise<T>)[]) => {
    const out: T[] = [];
    for (let i = 0; i < jobs.length; i += 4) out.push(...(await Promise.all(jobs.slice(i, i + 4).map((job) => job()))));
    return out;
  };
  const created = await inWaves(
    Array.from(
      { length: 24 },
      (_, i) => () =>
        valueOf(
          createPractice({
            prisma,
            organizationId: many[i % many.length],
            actorId,
            submissionKey: `busy-${i}`,
            input: input(i),
          }),
        ),
    ),
  );
  // half of them deleted, mixed with more saves
  await inWaves<unknown>([
    ...created
      .filter((_, i) => i % 2 === 0)
      .map(
        (p, i) => () =>
          setPracticeDeleted({ prisma, organizationId: many[(i * 2) % many.length], actorId, id: p.id, deleted: true }),
      ),
    ...Array.from(
      { length: 6 },
      (_, i) => () =>
        createPractice({
          prisma,
          organizationId: many[i % many.length],
          actorId,
          submissionKey: `busy-late-${i}`,
          input: input(i + 40),
        }),
    ),
  ]);
  expect(await prisma.practice.count({ where: { title: "Busy day", deletedAt: null } })).toBe(18);
  const { stored, fresh } = await compareSummaries({ prisma });
  expect(stored).toEqual(fresh);
}, 180_000);

test("edits moving practices into a year their organizations have no row for, at once with saves there, all go through and agree", async () => {
  const prisma = await getPrisma();
  const many = [(await createOrganization()).id, (await createOrganization()).id, (await createOrganization()).id];
  const input = (occurredOn: string, i: number): PracticeInput => ({
    title: "Moved",
    notes: "",
    occurredOn,
    valueId: values[0],
    participants: 3 + i,
    impactedParticipants: 1,
    visibility: "PRIVATE",
    freedomIds: [freedoms[0]],
  });
  const before = await Promise.all(
    many.map((organizationId, i) =>
      valueOf(
        createPractice({ prisma, organizationId, actorId, submissionKey: `move-${i}`, input: input("2025-05-05", i) }),
      ),
    ),
  );
  // a refused edit (an old version) into a year without a row changes nothing, not even that row
  const stale = await updatePractice({
    prisma,
    organizationId: many[0],
    actorId,
    id: before[0].id,
    version: 0,
    input: input("2019-03-03", 0),
  });
  expect(stale).toMatchObject({ ok: false, error: "stale" });
  expect(await prisma.organizationYear.count({ where: { organizationId: many[0], year: 2019 } })).toBe(0);
  // each organization's practice moved to 2021, its first there, while the others save into the same cells
  const results = await Promise.all([
    ...many.map((organizationId, i) =>
      updatePractice({ prisma, organizationId, actorId, id: before[i].id, version: 1, input: input("2021-07-07", i) }),
    ),
    ...many.map((organizationId, i) =>
      createPractice({
        prisma,
        organizationId: many[(i + 1) % many.length],
        actorId,
        submissionKey: `move-new-${i}`,
        input: input("2021-07-08", i),
      }),
    ),
  ]);
  expect(results.map((r) => r.ok)).toEqual(results.map(() => true));
  for (const organizationId of many)
    expect(await prisma.organizationYear.count({ where: { organizationId, year: 2021 } })).toBe(1);
  const { stored, fresh } = await compareSummaries({ prisma });
  expect(stored).toEqual(fresh);
});
