// The movement's figures kept in memory (app/models/movement-cache.server.ts): a reader gets what was read
// until a request that may write is counted, or until MOVEMENT_CACHE_SECONDS pass; each set of filters and each
// year is its own entry; an organization's own numbers are never kept. The other integration tests run with
// the cache off (vitest.config.ts); these turn it on.
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { getOrganizationBeside } from "~/models/movement-beside.server";
import { noteWrite, writesSeen } from "~/models/movement-cache.server";
import { readSnapshot } from "~/models/movement-snapshot.server";
import { createPractice } from "~/models/practice.server";
import { getPrisma } from "~/utils/db.server";
import { createUser } from "../factories";

const YEAR = new Date().getUTCFullYear();
const BOUNDS = { from: new Date(Date.UTC(YEAR, 0, 1)), to: new Date(Date.UTC(YEAR + 1, 0, 1)) };
let valueId = "";
let actorId = "";
const orgs: Record<string, string> = {};
let saved = 0;

async function logPractice(org: string) {
  const prisma = await getPrisma();
  const result = await createPractice({
    prisma,
    organizationId: orgs[org],
    actorId,
    submissionKey: `cache-${org}-${saved++}`,
    input: {
      title: "Kept private",
      notes: "",
      occurredOn: `${YEAR}-01-10`,
      valueId,
      participants: 4,
      impactedParticipants: 1,
      visibility: "PRIVATE",
      freedomIds: [],
    },
  });
  expect(result.ok).toBe(true);
}

/** The movement's practices under the value this year, as the dashboard's statement read them. */
async function practices(filters: { region?: "WEST" | "NORTHEAST" } = {}) {
  const { lookup } = await readSnapshot(await getPrisma(), { year: YEAR, ...filters }, BOUNDS);
  return lookup("valueYear")(valueId, "practiceCount").value;
}

async function beside(org: string) {
  const [item] = await getOrganizationBeside({
    prisma: await getPrisma(),
    organizationId: orgs[org],
    year: YEAR,
    minGroupSize: 1,
    valueIds: [valueId],
  });
  return item;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  valueId = (await prisma.value.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { position: "asc" } })).id;
  actorId = (await createUser()).id;
  for (const [key, region] of [
    ["west", "CA"],
    ["east", "NY"],
  ] as const) {
    orgs[key] = (
      await prisma.organization.create({
        data: { name: `Cache ${key}`, slug: `cache-${key}`, region, sizeBand: "SMALL" },
      })
    ).id;
    await logPractice(key);
  }
});

beforeEach(() => {
  vi.stubEnv("MOVEMENT_CACHE_SECONDS", "30");
  noteWrite(); // nothing read by an earlier test is kept
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the dashboard's sums", () => {
  test("are kept until a write is counted, then read afresh", async () => {
    const before = await practices();
    await logPractice("west");
    expect(await practices()).toBe(before);
    noteWrite();
    expect(await practices()).toBe(before + 1);
  });

  test("are kept per filters: a region's entry never answers for another region or for none", async () => {
    const west = await practices({ region: "WEST" });
    const east = await practices({ region: "NORTHEAST" });
    const all = await practices();
    expect(west).toBeGreaterThan(0);
    expect(east).toBeGreaterThan(0);
    expect(all).toBe(west + east);
  });

  test("are kept for MOVEMENT_CACHE_SECONDS at most", async () => {
    vi.stubEnv("MOVEMENT_CACHE_SECONDS", "1");
    const before = await practices();
    await logPractice("east");
    expect(await practices()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await practices()).toBe(before + 1);
  });

  test("with MOVEMENT_CACHE_SECONDS=0 are read afresh every time", async () => {
    vi.stubEnv("MOVEMENT_CACHE_SECONDS", "0");
    const before = await practices();
    await logPractice("east");
    expect(await practices()).toBe(before + 1);
  });

  test("cannot be changed by a reader: what is kept is frozen", async () => {
    const { data } = await readSnapshot(await getPrisma(), { year: YEAR }, BOUNDS);
    expect(() => data.values.push(data.values[0])).toThrow(TypeError);
  });

  test("a statement under way while a write lands is not what the readers after that write get", async () => {
    const prisma = await getPrisma();
    const before = await practices({ region: "WEST" });
    noteWrite();
    const counted = writesSeen();
    const reading = readSnapshot(prisma, { year: YEAR, region: "WEST" }, BOUNDS);
    await logPractice("west");
    noteWrite(); // the write's request ends
    await reading;
    expect(writesSeen()).toBe(counted + 1);
    expect(await practices({ region: "WEST" })).toBe(before + 1);
  });
});

describe("the group figures beside an organization", () => {
  test("are kept for every organization alike, while each organization's own numbers are read afresh", async () => {
    const west = await beside("west");
    const east = await beside("east");
    await logPractice("east");
    const eastAfter = await beside("east");
    expect(eastAfter.own.practices).toBe(east.own.practices + 1);
    expect(eastAfter.practices).toEqual(east.practices);
    expect((await beside("west")).practices).toEqual(west.practices);
    noteWrite();
    // two organizations: the median is halfway between them, shown to the whole practice
    const median = (await beside("west")).practices?.median;
    expect(median).not.toBe(west.practices?.median);
    expect(median).toBe(Math.round((west.own.practices + eastAfter.own.practices) / 2));
  });
});
