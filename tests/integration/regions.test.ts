// Regions as data: organizations pick a region from the reference list, admins keep the list, and a region's
// rename or move, or an organization's change of region, never rewrites an earlier year.
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { createPractice } from "~/models/practice.server";
import { compareSummaries } from "~/models/summary.server";
import { listMigrations } from "~/utils/migrate.server";
import { loader as movementLoader } from "~/routes/movement";
import { action as orgAdminAction, loader as orgAdminLoader } from "~/routes/movement.admin.organizations_.$orgId";
import { action as organizationsAction, loader as organizationsLoader } from "~/routes/movement.admin.organizations";
import { action as editAction, loader as editLoader } from "~/routes/movement.admin.regions_.$code";
import { action as regionsAction, loader as regionsLoader } from "~/routes/movement.admin.regions";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, toastOf, translated } from "../factories";

const REGIONS = "/movement/admin/regions";
let admin = { id: "", cookie: "" };
let staff = "";
let member = "";

beforeAll(async () => {
  const a = await createUser({ coalitionRole: "ADMIN" });
  admin = { id: a.id, cookie: (await sessionCookie(a.id)).cookie };
  staff = (await sessionCookie((await createUser({ coalitionRole: "STAFF" })).id)).cookie;
  const org = await createOrganization();
  member = (await sessionCookie((await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] })).id))
    .cookie;
});

const inSpanish = async (cookie: string) => `${cookie}; ${(await localeCookie.serialize("es")).split(";")[0]}`;
const postRegions = (form: Record<string, string>, cookie = admin.cookie) =>
  answer(() => regionsAction(requestArgs(REGIONS, { method: "POST", cookie, form })));
const postEdit = (code: string, form: Record<string, string>, cookie = admin.cookie) =>
  answer(() => editAction(requestArgs(`${REGIONS}/${code}`, { method: "POST", cookie, form, params: { code } })));
const editPage = async (code: string) =>
  (await answer(editLoader(requestArgs(`${REGIONS}/${code}`, { cookie: admin.cookie, params: { code } })))).json();
const orgForm = (overrides: Record<string, string> = {}) => ({
  name: "Casa Región",
  region: "NY",
  sizeBand: "SMALL",
  languages: "en",
  ...overrides,
});
const createOrg = (form: Record<string, string>) =>
  answer(() =>
    organizationsAction(requestArgs("/movement/admin/organizations", { method: "POST", cookie: admin.cookie, form })),
  );
const orgPage = async (id: string, cookie = admin.cookie) =>
  (
    await answer(orgAdminLoader(requestArgs(`/movement/admin/organizations/${id}`, { cookie, params: { orgId: id } })))
  ).json();
const postOrg = (id: string, form: Record<string, string>) =>
  answer(() =>
    orgAdminAction(
      requestArgs(`/movement/admin/organizations/${id}`, {
        method: "POST",
        cookie: admin.cookie,
        params: { orgId: id },
        form,
      }),
    ),
  );

async function addRegion(code: string, macroRegion = "WEST") {
  const res = await postRegions({
    intent: "create",
    code,
    nameEn: `Land ${code}`,
    nameEs: `Tierra ${code}`,
    macroRegion,
  });
  expect(res.status).toBe(302);
}

describe("the organization form's region picker", () => {
  test("offers live regions grouped by macro-region, named in the reader's language", async () => {
    await addRegion("PK-ARC");
    await postRegions({ intent: "archive", code: "PK-ARC", version: "1" });
    const en = await (
      await answer(organizationsLoader(requestArgs("/movement/admin/organizations", { cookie: admin.cookie })))
    ).json();
    expect(en.regions.map((g: { macroRegion: string }) => g.macroRegion)).toEqual([
      "NORTHEAST",
      "SOUTHEAST",
      "MIDWEST",
      "SOUTHWEST",
      "WEST",
      "TERRITORIES",
      "OUTSIDE_US",
    ]);
    const northeast = en.regions[0].regions.map((r: { name: string }) => r.name);
    expect(northeast).toContain("New York");
    expect(northeast).toEqual([...northeast].sort((a: string, b: string) => a.localeCompare(b, "en")));
    const codes = en.regions.flatMap((g: { regions: { code: string }[] }) => g.regions.map((r) => r.code));
    expect(codes).not.toContain("PK-ARC"); // archived: not offered
    const es = await (
      await answer(
        organizationsLoader(requestArgs("/movement/admin/organizations", { cookie: await inSpanish(admin.cookie) })),
      )
    ).json();
    expect(es.regions[0].regions.map((r: { name: string }) => r.name)).toContain("Nueva York");
    expect(
      es.regions
        .find((g: { macroRegion: string }) => g.macroRegion === "OUTSIDE_US")!
        .regions.map((r: { name: string }) => r.name),
    ).toContain("México");
  });

  test("an unknown or archived code is refused with a translated error and nothing changes", async () => {
    const prisma = await getPrisma();
    const before = await prisma.organization.count();
    for (const [region, error] of [
      ["ZZ", "admin:regions.errors.unknown"],
      ["california", "admin:regions.errors.unknown"],
      ["PK-ARC", "admin:regions.errors.archived"],
    ]) {
      const res = await createOrg(orgForm({ name: `Refused ${region}`, region }));
      expect(res.status).toBe(400);
      expect((await res.json()).error.region).toEqual([translated(error)]);
    }
    expect(await prisma.organization.count()).toBe(before);

    const created = await createOrg(orgForm({ name: "Casa Archivada" }));
    expect(created.status).toBe(302);
    const org = await prisma.organization.findFirstOrThrow({ where: { name: "Casa Archivada" } });
    const page = await orgPage(org.id);
    const moved = await postOrg(org.id, {
      intent: "update",
      version: String(page.organization.version),
      ...orgForm({ name: "Casa Archivada", region: "PK-ARC" }),
    });
    expect(moved.status).toBe(400);
    expect((await moved.json()).result.error.region).toEqual(["admin:regions.errors.archived"]);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).region).toBe("NY");

    // an organization already in a region that is archived later keeps it, and its page still offers it
    await addRegion("PK-OLD");
    await prisma.organization.update({ where: { id: org.id }, data: { region: "PK-OLD" } });
    await postRegions({ intent: "archive", code: "PK-OLD", version: "1" });
    const kept = await orgPage(org.id);
    expect(kept.organization).toMatchObject({ region: "PK-OLD", regionName: "Land PK-OLD" });
    expect(kept.regions.find((g: { macroRegion: string }) => g.macroRegion === "WEST")!.regions).toContainEqual({
      code: "PK-OLD",
      name: "Land PK-OLD",
      archived: true,
    });
    const renamed = await postOrg(org.id, {
      intent: "update",
      version: String(kept.organization.version),
      ...orgForm({ name: "Casa Archivada Dos", region: "PK-OLD" }),
    });
    expect(renamed.status).toBe(302);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      name: "Casa Archivada Dos",
      region: "PK-OLD",
    });
  });

  test("lists show the region's name in the reader's language, and a search finds it by name", async () => {
    await createOrg(orgForm({ name: "Casa Nombrada", region: "X-MX" }));
    const es = await (
      await answer(
        organizationsLoader(
          requestArgs("/movement/admin/organizations?q=m%C3%A9xico", { cookie: await inSpanish(admin.cookie) }),
        ),
      )
    ).json();
    expect(es.list.organizations).toContainEqual(expect.objectContaining({ name: "Casa Nombrada", region: "México" }));
    const en = await (
      await answer(
        organizationsLoader(requestArgs("/movement/admin/organizations?q=Casa%20Nombrada", { cookie: admin.cookie })),
      )
    ).json();
    expect(en.list.organizations).toMatchObject([{ name: "Casa Nombrada", region: "Mexico" }]);
  });
});

describe("the region editor", () => {
  test("admins only: staff and members get a 404 and change nothing; the nav links it for admins", async () => {
    const prisma = await getPrisma();
    const before = await prisma.region.count();
    for (const cookie of [staff, member]) {
      expect((await answer(() => regionsLoader(requestArgs(REGIONS, { cookie })))).status).toBe(404);
      expect(
        (await answer(() => editLoader(requestArgs(`${REGIONS}/CA`, { cookie, params: { code: "CA" } })))).status,
      ).toBe(404);
      expect(
        (await postRegions({ intent: "create", code: "NOPE", nameEn: "No", nameEs: "No", macroRegion: "WEST" }, cookie))
          .status,
      ).toBe(404);
      expect(
        (await postEdit("CA", { version: "1", nameEn: "Nope", nameEs: "Nope", macroRegion: "WEST" }, cookie)).status,
      ).toBe(404);
    }
    expect(await prisma.region.count()).toBe(before);
    expect((await prisma.region.findUniqueOrThrow({ where: { code: "CA" } })).name).toEqual({
      en: "California",
      es: "California",
    });
    expect(
      (await (await answer(movementLoader(requestArgs("/movement", { cookie: admin.cookie })))).json())
        .canManageRegions,
    ).toBe(true);
    expect(
      (await (await answer(movementLoader(requestArgs("/movement", { cookie: staff })))).json()).canManageRegions,
    ).toBe(false);
    expect(
      (
        await answer(() =>
          editLoader(requestArgs(`${REGIONS}/NOPE`, { cookie: admin.cookie, params: { code: "NOPE" } })),
        )
      ).status,
    ).toBe(404);
  });

  test("adds a region with a code in capitals, refuses a bad or taken code, and audits each change in both languages", async () => {
    const prisma = await getPrisma();
    const added = await postRegions({
      intent: "create",
      code: "x-co",
      nameEn: "Colombia",
      nameEs: "Colombia",
      macroRegion: "OUTSIDE_US",
    });
    expect(await toastOf(added)).toMatchObject({
      key: translated("admin:regions.toast.created"),
      values: { name: "Colombia" },
    });
    expect(await prisma.region.findUniqueOrThrow({ where: { code: "X-CO" } })).toMatchObject({
      macroRegion: "OUTSIDE_US",
      archivedAt: null,
      version: 1,
    });
    const taken = await postRegions({
      intent: "create",
      code: "X-CO",
      nameEn: "Again",
      nameEs: "Otra vez",
      macroRegion: "WEST",
    });
    expect(taken.status).toBe(400);
    expect((await taken.json()).result.error.code).toEqual([translated("admin:regions.errors.codeTaken")]);
    const bad = await postRegions({
      intent: "create",
      code: "no good!",
      nameEn: "",
      nameEs: "x",
      macroRegion: "NOWHERE",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error).toMatchObject({
      code: [translated("admin:regions.errors.code")],
      nameEn: ["validation.required"],
      macroRegion: ["validation.invalidChoice"],
    });
    expect(await prisma.region.count({ where: { name: { path: ["en"], equals: "Again" } } })).toBe(0);

    const page = await (await answer(regionsLoader(requestArgs(REGIONS, { cookie: admin.cookie })))).json();
    expect(page.groups.find((g: { macroRegion: string }) => g.macroRegion === "OUTSIDE_US")!.regions).toContainEqual(
      expect.objectContaining({ code: "X-CO", nameEn: "Colombia", archived: false }),
    );

    const edit = await editPage("X-CO");
    expect(
      await toastOf(
        await postEdit("X-CO", {
          version: String(edit.region.version),
          nameEn: "Colombia (all)",
          nameEs: "Colombia (toda)",
          macroRegion: "OUTSIDE_US",
        }),
      ),
    ).toMatchObject({
      key: translated("admin:regions.toast.saved"),
    });
    expect(await toastOf(await postRegions({ intent: "archive", code: "X-CO", version: "2" }))).toMatchObject({
      key: translated("admin:regions.toast.archived"),
    });
    expect(await toastOf(await postRegions({ intent: "restore", code: "X-CO", version: "3" }))).toMatchObject({
      key: translated("admin:regions.toast.restored"),
    });
    const events = await prisma.auditEvent.findMany({
      where: { entityType: "Region", entityId: "X-CO" },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, metadata: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "region.created",
      "region.renamed",
      "region.archived",
      "region.restored",
    ]);
    expect(events.every((e) => e.actorId === admin.id)).toBe(true);
    expect(events[1].metadata).toEqual({ from: "Colombia / Colombia", to: "Colombia (all) / Colombia (toda)" });
    for (const e of events) translated(`admin:audit.actions.${e.action}`);
  });

  test("a save from a page loaded before someone else's is a 409 that keeps the typed text and changes nothing", async () => {
    const prisma = await getPrisma();
    await addRegion("PK-RACE");
    const mine = await editPage("PK-RACE");
    const theirs = await postEdit("PK-RACE", {
      version: String(mine.region.version),
      nameEn: "Theirs",
      nameEs: "Suyo",
      macroRegion: "WEST",
    });
    expect(theirs.status).toBe(302);
    const stale = await postEdit("PK-RACE", {
      version: String(mine.region.version),
      nameEn: "Mine",
      nameEs: "Mío",
      macroRegion: "MIDWEST",
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error[""]).toEqual([translated("validation.conflict")]);
    expect(body.initialValue).toMatchObject({ nameEn: "Mine", nameEs: "Mío" });
    expect(await prisma.region.findUniqueOrThrow({ where: { code: "PK-RACE" } })).toMatchObject({
      name: { en: "Theirs", es: "Suyo" },
      macroRegion: "WEST",
      archivedAt: null,
    });
    const staleArchive = await postRegions({
      intent: "archive",
      code: "PK-RACE",
      version: String(mine.region.version),
    });
    expect(staleArchive.status).toBe(409);
    expect((await prisma.region.findUniqueOrThrow({ where: { code: "PK-RACE" } })).archivedAt).toBeNull();
    expect(
      await prisma.auditEvent.count({
        where: { entityId: "PK-RACE", action: { in: ["region.moved", "region.archived"] } },
      }),
    ).toBe(0);
  });
});

describe("past years do not move", () => {
  test("renaming or moving a region, or changing an organization's region, leaves earlier years' snapshots and keeps the rollups exact", async () => {
    const prisma = await getPrisma();
    const thisYear = new Date().getUTCFullYear();
    const lastYear = thisYear - 1;
    await addRegion("PK-SNAP", "WEST");
    const org = await createOrganization({ region: "PK-SNAP" });
    const value = await prisma.value.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { position: "asc" } });
    for (const [key, occurredOn] of [
      ["past", `${lastYear}-05-10`],
      ["now", `${thisYear}-01-02`],
    ]) {
      await createPractice({
        prisma,
        organizationId: org.id,
        actorId: admin.id,
        submissionKey: `snap-${key}`,
        input: {
          title: "Assembly",
          notes: "",
          occurredOn,
          valueId: value.id,
          participants: 5,
          impactedParticipants: 2,
          visibility: "COALITION",
          freedomIds: [],
        },
      });
    }
    const snapshot = (year: number) =>
      prisma.organizationYear.findUniqueOrThrow({
        where: { organizationId_year: { organizationId: org.id, year } },
        select: { regionCode: true, macroRegion: true, sizeBand: true },
      });
    const past = await snapshot(lastYear);
    expect(past).toEqual({ regionCode: "PK-SNAP", macroRegion: "WEST", sizeBand: "SMALL" });
    const westLastYear = () =>
      prisma.movementValueYearSummary.findMany({
        where: { year: lastYear, valueId: value.id, macroRegion: "WEST" },
        select: { practiceCount: true },
      });
    const westBefore = (await westLastYear()).reduce((n, r) => n + r.practiceCount, 0);

    // rename and move the region
    const edit = await editPage("PK-SNAP");
    const moved = await postEdit("PK-SNAP", {
      version: String(edit.region.version),
      nameEn: "Renamed",
      nameEs: "Renombrada",
      macroRegion: "SOUTHWEST",
    });
    expect(moved.status).toBe(302);
    expect(await snapshot(lastYear)).toEqual(past);
    expect(await snapshot(thisYear)).toMatchObject({ regionCode: "PK-SNAP", macroRegion: "SOUTHWEST" });
    expect((await westLastYear()).reduce((n, r) => n + r.practiceCount, 0)).toBe(westBefore);
    expect(
      await prisma.auditEvent.findFirstOrThrow({
        where: { action: "region.moved", entityId: "PK-SNAP" },
        select: { metadata: true },
      }),
    ).toEqual({ metadata: { from: "WEST", to: "SOUTHWEST" } });
    let { stored, fresh } = await compareSummaries({ prisma });
    expect(stored).toEqual(fresh);

    // the organization moves to another region
    const page = await orgPage(org.id, await inSpanish(admin.cookie));
    expect(page.organization.regionName).toBe("Renombrada");
    const changed = await postOrg(org.id, {
      intent: "update",
      version: String(page.organization.version),
      name: org.name,
      region: "NY",
      sizeBand: "LARGE",
      languages: "",
    });
    expect(changed.status).toBe(302);
    expect(await snapshot(lastYear)).toEqual(past);
    expect(await snapshot(thisYear)).toEqual({ regionCode: "NY", macroRegion: "NORTHEAST", sizeBand: "LARGE" });
    ({ stored, fresh } = await compareSummaries({ prisma }));
    expect(stored).toEqual(fresh);
  });
});

describe("the migration to region codes", () => {
  test("free text maps to a code by code or by English or Spanish name in any case; anything else becomes no region, kept in the audit log", async () => {
    const all = listMigrations();
    const mine = all.findIndex((m) => m.name.endsWith("_organization_region_reference"));
    expect(mine).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // a schema of its own inside a transaction that is rolled back: the test's database keeps its tables
      await client.query("BEGIN");
      await client.query(`CREATE SCHEMA "region_migration"; SET LOCAL search_path TO "region_migration"`);
      for (const m of all.slice(0, mine)) await client.query(m.sql);
      const rows = [
        ["o1", " new york "],
        ["o2", "Nueva York"],
        ["o3", "x-mx"],
        ["o4", "MÉXICO"],
        ["o5", "tx"],
        ["o6", "Cascadia"],
        ["o7", "  "],
      ];
      for (const [id, region] of rows) {
        await client.query(
          `INSERT INTO "Organization" ("id", "slug", "name", "region", "sizeBand", "updatedAt") VALUES ($1, $1, $1, $2, 'SMALL', now())`,
          [id, region],
        );
      }
      await client.query(
        `INSERT INTO "OrganizationYear" ("organizationId", "year", "regionCode", "macroRegion", "sizeBand", "impactedLed") VALUES ('o1', 2024, 'new york', 'UNSPECIFIED', 'SMALL', false), ('o6', 2024, 'Cascadia', 'UNSPECIFIED', 'SMALL', false)`,
      );
      await client.query(all[mine].sql);
      const orgs = await client.query(`SELECT "id", "region" FROM "Organization" ORDER BY "id"`);
      expect(Object.fromEntries(orgs.rows.map((r) => [r.id, r.region]))).toEqual({
        o1: "NY",
        o2: "NY",
        o3: "X-MX",
        o4: "X-MX",
        o5: "TX",
        o6: null,
        o7: null,
      });
      const years = await client.query(
        `SELECT "organizationId", "regionCode", "macroRegion" FROM "OrganizationYear" ORDER BY 1`,
      );
      expect(years.rows).toEqual([
        { organizationId: "o1", regionCode: "NY", macroRegion: "UNSPECIFIED" },
        { organizationId: "o6", regionCode: null, macroRegion: "UNSPECIFIED" },
      ]);
      const events = await client.query(
        `SELECT "organizationId", "action", "metadata" FROM "AuditEvent" ORDER BY "organizationId"`,
      );
      expect(events.rows).toEqual([
        { organizationId: "o6", action: "organization.region_unrecognized", metadata: { region: "Cascadia" } },
      ]);
      // the foreign key now holds
      await expect(client.query(`UPDATE "Organization" SET "region" = 'Cascadia' WHERE "id" = 'o1'`)).rejects.toThrow(
        /foreign key/,
      );
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      await client.end();
    }
    expect(await (await getPrisma()).region.count({ where: { code: "NY" } })).toBe(1);
  });
});
