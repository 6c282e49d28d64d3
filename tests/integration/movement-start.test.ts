// A new installation's dashboard: before any organization, cycle or practice, staff and admins see what comes
// next instead of empty charts, and each step is marked done as it happens.
import { describe, expect, test } from "vitest";
import { ensureOrganizationYears } from "~/models/movement-rollup.server";
import { createPractice } from "~/models/practice.server";
import { loader as dashboardLoader } from "~/routes/movement._index";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

type Chart = {
  id: string;
  title: string;
  takeaway: string;
  table: { rows: { key: string; cells: (number | null)[] }[] };
};
type Data = {
  firstSteps: { start: Record<string, boolean>; canManageOrganizations: boolean; canManageCycle: boolean } | null;
  showCharts: boolean;
  charts: Chart[];
  filters: { year: number };
};

const chart = (data: Data, id: string) => data.charts.find((c) => c.id === id)!;

async function load(cookie: string) {
  const res = await answer(() => dashboardLoader(requestArgs("/movement", { cookie })));
  expect(res.status).toBe(200);
  return (await res.json()) as Data;
}

describe("a new installation's dashboard", () => {
  test("shows the next steps, with links for an admin and words for staff, until organizations log practices", async () => {
    const prisma = await getPrisma();
    const admin = (await sessionCookie((await createUser({ coalitionRole: "ADMIN" })).id)).cookie;
    const staff = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
    expect(await prisma.cycle.count()).toBe(0);

    const fresh = await load(admin);
    expect(fresh.firstSteps).toEqual({
      start: { hasOrganizations: false, hasCycle: false, hasPractices: false },
      canManageOrganizations: true,
      canManageCycle: true,
    });
    expect(fresh.showCharts).toBe(false);
    const forStaff = await load(staff);
    expect(forStaff.firstSteps).toMatchObject({ canManageOrganizations: false, canManageCycle: false });

    const org = await createOrganization();
    // active this year, as the admin's form makes it (createOrganization in the app)
    await prisma.$transaction((tx) => ensureOrganizationYears(tx, org.id, [new Date().getUTCFullYear()]));
    const withOrg = await load(admin);
    expect(withOrg.firstSteps?.start).toEqual({ hasOrganizations: true, hasCycle: false, hasPractices: false });
    expect(withOrg.showCharts).toBe(true);
    expect(withOrg.charts.length).toBe(6);
    // one active organization, hidden: no row of the participation chart counts it, not even a 0 practised
    expect(chart(withOrg, "participation").table.rows.map((r) => [r.key, r.cells])).toEqual(
      [
        "active",
        "practicedQ1",
        "practicedQ2",
        "practicedQ3",
        "practicedQ4",
        "practicedYear",
        "notStarted",
        "drafted",
        "submitted",
      ].map((key) => [key, [null]]),
    );
    // no cycle yet: the charts that belong to one say there is none, never "the 2026 cycle" as if it existed
    const year = withOrg.filters.year;
    expect(chart(withOrg, "commitments")).toMatchObject({
      title: `Commitments by status per value, ${year}`,
      takeaway: `There is no ${year} cycle yet: organizations make their commitments within the coalition's yearly cycle.`,
    });
    expect(chart(withOrg, "rubric").takeaway).toBe(
      `There is no reflection cycle for ${year} yet: self-ratings are shown once a cycle has run and closed.`,
    );
    for (const c of withOrg.charts)
      expect(`${c.title} ${c.takeaway}`).not.toMatch(new RegExp(`(?<!no )${year} cycle|its cycle`));
    const spanish = await load(`${admin}; ${(await localeCookie.serialize("es")).split(";")[0]}`);
    expect(chart(spanish, "commitments")).toMatchObject({
      title: `Compromisos por estado y valor, ${year}`,
      takeaway: `Todavía no hay un ciclo ${year}: las organizaciones hacen sus compromisos dentro del ciclo anual de la coalición.`,
    });
    expect(chart(spanish, "rubric").takeaway).toMatch(/^Todavía no hay un ciclo de reflexión/);

    await prisma.cycle.create({
      data: { year: 2026, status: "DRAFT", opensOn: new Date("2026-01-01"), closesOn: new Date("2026-12-31") },
    });
    const value = await prisma.value.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
    const actor = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    await createPractice({
      prisma,
      organizationId: org.id,
      actorId: actor.id,
      submissionKey: "first-practice",
      input: {
        title: "First",
        notes: "",
        occurredOn: "2026-01-05",
        valueId: value.id,
        participants: 0,
        impactedParticipants: 0,
        visibility: "PRIVATE",
        freedomIds: [],
      },
    });
    const started = await load(admin);
    expect(started.firstSteps).toBeNull();
    // once the year has its cycle, the charts speak of it
    if (started.filters.year === 2026) {
      expect(chart(started, "commitments").title).toBe("Commitments by status per value, 2026 cycle");
      expect(chart(started, "rubric").takeaway).toMatch(/^Self-ratings for 2026 are shown once its cycle has closed/);
    }
  });
});
