// Member organizations. The coalition admin functions here read and write an organization's metadata only
// (name, region, size, languages, focus freedoms, leads): never anything the organization records.
import { Prisma as Sql, type Prisma as PrismaNamespace, type SizeBand } from "~/generated/prisma/client";
import { ensureOrganizationYears, refreshOrganizationRollups } from "~/models/movement-rollup.server";
import { audit } from "~/models/audit.server";
import { timeZoneForRegion } from "~/models/organization-time-zone.server";
import { regionName, regionProblem } from "~/models/region.server";
import { inOrder, pageOfIds, textMatches } from "~/models/search.server";
import { updateVersioned } from "~/models/versioned.server";
import type { Prisma } from "~/utils/db.server";
import { failure, fieldFailure, success, type Failure, type Result } from "~/utils/result";
import { type Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";

/** The organization's public-to-its-members summary for the workspace header. */
export function getOrganizationSummary({ prisma, organizationId }: { prisma: Prisma; organizationId: string }) {
  return prisma.organization.findFirstOrThrow({
    where: { id: organizationId, archivedAt: null },
    select: { id: true, slug: true, name: true, region: true, _count: { select: { memberships: true } } },
  });
}

/** The organization form's values, as the routes' schemas parse them. */
export type OrganizationInput = {
  name: string;
  region: string;
  sizeBand: SizeBand;
  /**
   * the calendar practices are dated in when the browser does not say its own; when absent, a new organization
   * takes its region's zone (else the coalition's usual one) and an existing one keeps its own
   */
  timeZone?: string;
  impactedLed: boolean;
  languages: string[];
  focusFreedomIds: string[];
};

/** A URL slug from a name: ASCII letters and digits joined by hyphens ("Comité del Valle" → "comite-del-valle"). */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const PAGE_SIZE = 50;

/** Organizations by name for coalition admins, with member counts, leads' emails and open lead invitations. */
export async function listOrganizations({
  prisma,
  locale,
  page = 1,
  q,
  now = new Date(),
}: {
  prisma: Prisma;
  locale: Locale;
  page?: number;
  q?: string;
  now?: Date;
}) {
  // a search matches the name, the region's code, or its name in either language
  const from = Sql.sql`FROM "Organization" o LEFT JOIN "Region" r ON r."code" = o."region"
    ${q ? Sql.sql`WHERE lower(o."region") = lower(${q}) OR ${textMatches(q, [Sql.sql`o."name"`, Sql.sql`r."name" ->> 'en'`, Sql.sql`r."name" ->> 'es'`])}` : Sql.empty}`;
  const { total, ids } = await pageOfIds({
    prisma,
    from,
    id: Sql.sql`o."id"`,
    orderBy: Sql.sql`o."name" ASC, o."id" ASC`,
    take: PAGE_SIZE,
    skip: (page - 1) * PAGE_SIZE,
  });
  const found = await prisma.organization.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      regionRef: { select: { name: true } },
      archivedAt: true,
      memberships: {
        where: { role: "LEAD" },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { email: true } } },
      },
      _count: {
        select: {
          memberships: true,
          invitations: {
            where: { membershipRole: "LEAD", acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          },
        },
      },
    },
  });
  const rows = inOrder(found, ids);
  return {
    organizations: rows.map((o) => ({
      id: o.id,
      name: o.name,
      region: regionName(o.regionRef, locale),
      archived: o.archivedAt !== null,
      members: o._count.memberships,
      leadEmails: o.memberships.map((m) => m.user.email),
      leadInvited: o._count.invitations > 0,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** One organization's metadata and leads for the admin page; null when the id is unknown. */
export function getOrganizationForAdmin({ prisma, id }: { prisma: Prisma; id: string }) {
  return prisma.organization.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      region: true,
      regionRef: { select: { name: true } },
      sizeBand: true,
      timeZone: true,
      impactedLed: true,
      languages: true,
      joinedAt: true,
      archivedAt: true,
      version: true,
      focusFreedoms: { select: { freedomId: true } },
      memberships: {
        where: { role: "LEAD" },
        orderBy: { createdAt: "asc" },
        select: { id: true, user: { select: { name: true, email: true } } },
      },
      _count: { select: { memberships: true } },
    },
  });
}

/** The active freedoms an organization can name as its focus, in one language. */
export async function listFocusFreedomOptions({ prisma, locale }: { prisma: Prisma; locale: Locale }) {
  const rows = await prisma.freedom.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  return rows.map((f) => ({ id: f.id, name: pick(f.name, locale) }));
}

// this page's own wording: the admin reloads to see the other change rather than copying text
const STALE = failure("stale", { message: "admin:organizations.errors.stale" });
const NAME_TAKEN = fieldFailure("name", "admin:organizations.errors.nameTaken");

function isUniqueViolation(e: unknown) {
  return typeof e === "object" && e !== null && "code" in e && e.code === "P2002";
}

async function checkInput(
  tx: PrismaNamespace.TransactionClient,
  input: OrganizationInput,
  current?: { id: string; region: string | null },
): Promise<Failure<"invalid"> | null> {
  const exceptId = current?.id;
  const regionError = await regionProblem(tx, input.region, current?.region);
  if (regionError) return fieldFailure("region", regionError);
  const sameName = await tx.organization.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (sameName) return NAME_TAKEN;
  const ids = [...new Set(input.focusFreedomIds)];
  if (ids.length && (await tx.freedom.count({ where: { id: { in: ids }, archivedAt: null } })) !== ids.length) {
    return fieldFailure("focusFreedomIds", "validation.invalidChoice");
  }
  return null;
}

/** Creates an organization with a slug from its name; a name or slug already in use is a field error. */
export async function createOrganization({
  prisma,
  actorId,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  input: OrganizationInput;
}): Promise<Result<{ id: string; slug: string; name: string }, "invalid">> {
  const slug = slugify(input.name) || `org-${Math.random().toString(36).slice(2, 8)}`;
  try {
    return await prisma.$transaction(async (tx) => {
      const problem = await checkInput(tx, input);
      if (problem) return problem;
      const organization = await tx.organization.create({
        data: {
          slug,
          name: input.name,
          region: input.region,
          sizeBand: input.sizeBand,
          timeZone: input.timeZone ?? (await timeZoneForRegion(tx, input.region)),
          impactedLed: input.impactedLed,
          languages: input.languages,
          focusFreedoms: { create: [...new Set(input.focusFreedomIds)].map((freedomId) => ({ freedomId })) },
        },
        select: { id: true, slug: true, name: true },
      });
      await ensureOrganizationYears(tx, organization.id, [new Date().getUTCFullYear()]);
      await audit(tx, {
        action: "organization.created",
        actorId,
        organizationId: organization.id,
        entityType: "Organization",
        entityId: organization.id,
      });
      return success(organization);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return NAME_TAKEN;
    throw e;
  }
}

/**
 * Updates an organization's metadata (the slug stays, so links keep working). `version` is the one the admin
 * edited: when someone saved in between, the result is stale and nothing changes.
 */
export async function updateOrganization({
  prisma,
  actorId,
  id,
  version,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  id: string;
  version: number;
  input: OrganizationInput;
}): Promise<Result<null, "not-found" | "stale" | "invalid">> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const current = await tx.organization.findUnique({
          where: { id },
          select: {
            name: true,
            region: true,
            sizeBand: true,
            timeZone: true,
            impactedLed: true,
            languages: true,
            focusFreedoms: { where: { freedom: { archivedAt: null } }, select: { freedomId: true } },
          },
        });
        // the input is checked before the version is claimed: a failure returned after a write would commit it;
        // the organization may keep a region archived since it was chosen
        const problem = await checkInput(tx, input, { id, region: current?.region ?? null });
        if (problem) return problem;
        const focus = [...new Set(input.focusFreedomIds)].sort();
        const before = current?.focusFreedoms.map((f) => f.freedomId).sort() ?? [];
        const changed = [
          current?.name !== input.name && "name",
          current?.region !== input.region && "region",
          current?.sizeBand !== input.sizeBand && "sizeBand",
          input.timeZone !== undefined && current?.timeZone !== input.timeZone && "timeZone",
          current?.impactedLed !== input.impactedLed && "impactedLed",
          current?.languages.join("\n") !== input.languages.join("\n") && "languages",
          before.join() !== focus.join() && "focusFreedoms",
        ].filter((f): f is string => Boolean(f));
        const saved = await updateVersioned(tx.organization, {
          where: { id },
          version,
          data: {
            name: input.name,
            region: input.region,
            sizeBand: input.sizeBand,
            timeZone: input.timeZone,
            impactedLed: input.impactedLed,
            languages: input.languages,
          },
        });
        if (!saved.ok) return saved.error === "stale" ? STALE : saved;
        if (!changed.length) return success();
        if (changed.includes("focusFreedoms")) {
          // archived freedoms are not offered in the form, so their links are left as they are
          await tx.organizationFreedom.deleteMany({ where: { organizationId: id, freedom: { archivedAt: null } } });
          await tx.organizationFreedom.createMany({
            data: focus.map((freedomId) => ({ organizationId: id, freedomId })),
            skipDuplicates: true,
          });
        }
        if (changed.some((f) => f === "region" || f === "sizeBand" || f === "impactedLed"))
          await refreshOrganizationRollups(tx, id);
        await audit(tx, {
          action: "organization.updated",
          actorId,
          organizationId: id,
          entityType: "Organization",
          entityId: id,
          metadata: { fields: changed },
        });
        return success();
        // the rollups' rebuild takes seconds at ten years of history
      },
      { timeout: 120_000 },
    );
  } catch (e) {
    // another organization took the name between the check and the save
    if (isUniqueViolation(e)) return NAME_TAKEN;
    throw e;
  }
}

/**
 * Archives (or restores) an organization. Archived, it disappears from its members' sessions on their next
 * request; nothing is deleted. `changed: false` when it was already so.
 */
export async function setOrganizationArchived({
  prisma,
  actorId,
  id,
  archived,
}: {
  prisma: Prisma;
  actorId: string;
  id: string;
  archived: boolean;
}) {
  return prisma.$transaction(
    async (tx): Promise<Result<{ name: string; changed: boolean }, "not-found">> => {
      const organization = await tx.organization.findUnique({ where: { id }, select: { name: true } });
      if (!organization) return failure("not-found");
      const result = await tx.organization.updateMany({
        where: { id, archivedAt: archived ? null : { not: null } },
        data: { archivedAt: archived ? new Date() : null },
      });
      if (result.count) {
        await refreshOrganizationRollups(tx, id);
        await audit(tx, {
          action: archived ? "organization.archived" : "organization.restored",
          actorId,
          organizationId: id,
          entityType: "Organization",
          entityId: id,
        });
      }
      return success({ name: organization.name, changed: result.count > 0 });
    },
    { timeout: 120_000 },
  );
}

export function archiveOrganization(args: { prisma: Prisma; actorId: string; id: string }) {
  return setOrganizationArchived({ ...args, archived: true });
}

export function restoreOrganization(args: { prisma: Prisma; actorId: string; id: string }) {
  return setOrganizationArchived({ ...args, archived: false });
}
