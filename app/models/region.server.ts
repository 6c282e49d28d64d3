// The reference list of regions (US states and territories, countries outside the US), each in one
// macro-region. Organizations name one by its code; admins add, rename, move and archive them. A change
// never rewrites a past year: OrganizationYear keeps the code and macro-region each year was counted under.
import { audit } from "~/models/audit.server";
import { MACRO_REGIONS, REGION_MACROS } from "~/models/movement-filters";
import { rebuildMovementRollups } from "~/models/movement-rollup.server";
import { updateVersioned } from "~/models/versioned.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { failure, fieldFailure, success, type Result } from "~/utils/result";

export type RegionMacro = (typeof REGION_MACROS)[number];

const macroOrder = (m: string) => {
  const i = (MACRO_REGIONS as readonly string[]).indexOf(m);
  return i === -1 ? MACRO_REGIONS.length : i;
};

type RegionRow = {
  code: string;
  name: unknown;
  macroRegion: string;
  position: number;
  archivedAt: Date | null;
  version: number;
};
const regionSelect = {
  code: true,
  name: true,
  macroRegion: true,
  position: true,
  archivedAt: true,
  version: true,
} as const;

function byMacro<T extends { macroRegion: string; position: number }>(rows: T[]) {
  return [...rows].sort((a, b) => macroOrder(a.macroRegion) - macroOrder(b.macroRegion) || a.position - b.position);
}

/** A region's name in the reader's language; null (no region recorded) stays null. */
export function regionName(region: { name: unknown } | null | undefined, locale: Locale) {
  return region ? pick(region.name, locale) : null;
}

/**
 * The organization form's choices, grouped by macro-region in the reader's language. Archived regions are left
 * out, except `keep` (the organization's own region), which it may keep but nobody else may choose.
 */
export async function listRegionChoices({
  prisma,
  locale,
  keep,
}: {
  prisma: Prisma;
  locale: Locale;
  keep?: string | null;
}) {
  const rows = await prisma.region.findMany({
    where: { OR: [{ archivedAt: null }, ...(keep ? [{ code: keep }] : [])] },
    select: regionSelect,
  });
  const groups: { macroRegion: string; regions: { code: string; name: string; archived: boolean }[] }[] = [];
  for (const r of byMacro(rows)) {
    let group = groups[groups.length - 1];
    if (group?.macroRegion !== r.macroRegion) groups.push((group = { macroRegion: r.macroRegion, regions: [] }));
    group.regions.push({ code: r.code, name: pick(r.name, locale), archived: r.archivedAt !== null });
  }
  for (const g of groups) g.regions.sort((a, b) => a.name.localeCompare(b.name, locale));
  return groups;
}

/**
 * Whether an organization may be put in this region: it exists and is not archived, or it is the region the
 * organization already has (an archived region keeps its organizations until an admin moves them).
 */
export async function regionProblem(db: Pick<Prisma, "region">, code: string, current?: string | null) {
  const region = await db.region.findUnique({ where: { code }, select: { archivedAt: true } });
  if (!region) return "admin:regions.errors.unknown";
  if (region.archivedAt && code !== current) return "admin:regions.errors.archived";
  return null;
}

/** Every region for the admin page, archived ones too, in macro-region order, names in both languages. */
export async function listRegionsForAdmin({ prisma }: { prisma: Prisma }) {
  const [rows, counts] = await Promise.all([
    prisma.region.findMany({ select: regionSelect }),
    prisma.organization.groupBy({
      by: ["region"],
      where: { archivedAt: null, region: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const orgs = new Map(counts.map((c) => [c.region, c._count._all]));
  return byMacro(rows).map((r) => ({ ...toAdmin(r), organizations: orgs.get(r.code) ?? 0 }));
}

function toAdmin(r: RegionRow) {
  const name = r.name as { en: string; es: string };
  return {
    code: r.code,
    nameEn: name.en,
    nameEs: name.es,
    macroRegion: r.macroRegion,
    archived: r.archivedAt !== null,
    version: r.version,
  };
}

export async function getRegionForAdmin({ prisma, code }: { prisma: Prisma; code: string }) {
  const row = await prisma.region.findUnique({ where: { code }, select: regionSelect });
  return row && toAdmin(row);
}

export type RegionInput = { nameEn: string; nameEs: string; macroRegion: RegionMacro };

/** A new region, last of its macro-region, offered at once. A code already in use is a field error. */
export async function createRegion({
  prisma,
  actorId,
  code,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  code: string;
  input: RegionInput;
}): Promise<Result<null, "invalid">> {
  return prisma.$transaction(async (tx) => {
    // regions are added rarely and by admins: serializing the adds keeps positions unique without retries
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('region.create'))`;
    if (await tx.region.findUnique({ where: { code }, select: { code: true } }))
      return fieldFailure("code", "admin:regions.errors.codeTaken");
    const last = await tx.region.aggregate({ _max: { position: true } });
    await tx.region.create({
      data: {
        code,
        name: { en: input.nameEn, es: input.nameEs },
        macroRegion: input.macroRegion,
        position: (last._max.position ?? -1) + 1,
      },
    });
    await audit(tx, {
      action: "region.created",
      actorId,
      entityType: "Region",
      entityId: code,
      metadata: { macroRegion: input.macroRegion },
    });
    return success();
  });
}

/**
 * Renames a region and/or moves it to another macro-region. `version` is the one the form was loaded with.
 * A move carries this year's snapshots of the organizations in the region along and rebuilds the rollups;
 * earlier years keep the macro-region they were counted under.
 */
export async function updateRegion({
  prisma,
  actorId,
  code,
  version,
  input,
  now = new Date(),
}: {
  prisma: Prisma;
  actorId: string;
  code: string;
  version: number;
  input: RegionInput;
  now?: Date;
}): Promise<Result<null, "not-found" | "stale">> {
  return prisma.$transaction(
    async (tx) => {
      const row = await tx.region.findUnique({ where: { code }, select: regionSelect });
      if (!row) return failure("not-found");
      const before = toAdmin(row);
      const renamed = before.nameEn !== input.nameEn || before.nameEs !== input.nameEs;
      const moved = before.macroRegion !== input.macroRegion;
      const saved = await updateVersioned(tx.region, {
        where: { code },
        version,
        data: { name: { en: input.nameEn, es: input.nameEs }, macroRegion: input.macroRegion },
      });
      if (!saved.ok) return saved;
      if (renamed) {
        await audit(tx, {
          action: "region.renamed",
          actorId,
          entityType: "Region",
          entityId: code,
          metadata: { from: `${before.nameEn} / ${before.nameEs}`, to: `${input.nameEn} / ${input.nameEs}` },
        });
      }
      if (moved) {
        const year = now.getUTCFullYear();
        const snapshots = await tx.$executeRaw`
        UPDATE "OrganizationYear" y SET "macroRegion" = ${input.macroRegion}
        FROM "Organization" o WHERE o."region" = ${code} AND y."organizationId" = o."id" AND y."year" = ${year}`;
        if (snapshots) await rebuildMovementRollups(tx, now);
        await audit(tx, {
          action: "region.moved",
          actorId,
          entityType: "Region",
          entityId: code,
          metadata: { from: before.macroRegion, to: input.macroRegion },
        });
      }
      return success();
      // a move rebuilds the rollups, which takes seconds at ten years of history
    },
    { timeout: 120_000 },
  );
}

/** Archives (hidden from the picker; organizations and history keep it) or restores a region. */
export async function setRegionArchived({
  prisma,
  actorId,
  code,
  version,
  archived,
}: {
  prisma: Prisma;
  actorId: string;
  code: string;
  version: number;
  archived: boolean;
}): Promise<Result<null, "not-found" | "stale">> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.region.findUnique({ where: { code }, select: { archivedAt: true } });
    if (!row) return failure("not-found");
    const saved = await updateVersioned(tx.region, {
      where: { code },
      version,
      data: { archivedAt: archived ? new Date() : null },
    });
    if (!saved.ok) return saved;
    if ((row.archivedAt !== null) !== archived) {
      await audit(tx, {
        action: archived ? "region.archived" : "region.restored",
        actorId,
        entityType: "Region",
        entityId: code,
      });
    }
    return success();
  });
}
