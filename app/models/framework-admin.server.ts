// The coalition edits its framework: the values' and freedoms' words, the rubric's, their order, and which
// values are archived. Words change from the next cycle on (framework-wording.server.ts); order and archiving
// take effect at once, and an archived value keeps every record made under it.
import { audit } from "~/models/audit.server";
import { itemTextFrom, valueTextFrom, type ValueInput } from "~/models/framework-schema";
import {
  freedomSubject,
  itemTextOf,
  levelSubject,
  recordWording,
  valueSubject,
  valueTextOf,
  wordingChangeYear,
} from "~/models/framework-wording.server";
import { updateVersioned } from "~/models/versioned.server";
import type { Prisma } from "~/utils/db.server";
import { failure, success, type Result } from "~/utils/result";

const textSelect = { name: true, description: true, version: true } as const;
const valueSelect = {
  id: true,
  slug: true,
  position: true,
  archivedAt: true,
  ...textSelect,
  descriptors: { select: { level: true, descriptor: true } },
} as const;

/** Everything the framework page lists, current wording in both languages, and the year a change applies from. */
export async function getFrameworkForAdmin({ prisma }: { prisma: Prisma }) {
  const [values, freedoms, levels, fromYear] = await Promise.all([
    prisma.value.findMany({ orderBy: { position: "asc" }, select: valueSelect }),
    prisma.freedom.findMany({
      orderBy: { position: "asc" },
      select: { id: true, slug: true, position: true, archivedAt: true, ...textSelect },
    }),
    prisma.rubricLevel.findMany({ orderBy: { level: "asc" }, select: { level: true, ...textSelect } }),
    wordingChangeYear({ db: prisma }),
  ]);
  return {
    fromYear,
    values: values.map((v) => ({
      id: v.id,
      slug: v.slug,
      archived: v.archivedAt !== null,
      version: v.version,
      ...valueTextOf(v),
    })),
    freedoms: freedoms.map((f) => ({
      id: f.id,
      slug: f.slug,
      archived: f.archivedAt !== null,
      version: f.version,
      ...itemTextOf(f),
    })),
    levels: levels.map((l) => ({ level: l.level, version: l.version, ...itemTextOf(l) })),
  };
}

export type FrameworkKind = "values" | "freedoms" | "levels";

/** One value, freedom or rubric level with its current wording in both languages; null when there is none. */
export async function getFrameworkText({ prisma, kind, id }: { prisma: Prisma; kind: FrameworkKind; id: string }) {
  if (kind === "values") {
    const row = await prisma.value.findUnique({ where: { id }, select: valueSelect });
    return row && { version: row.version, ...valueTextOf(row) };
  }
  if (kind === "freedoms") {
    const row = await prisma.freedom.findUnique({ where: { id }, select: textSelect });
    return row && { version: row.version, ...itemTextOf(row), descriptors: {} };
  }
  const level = /^[1-9]$/.test(id) ? Number(id) : 0;
  const row = level ? await prisma.rubricLevel.findUnique({ where: { level }, select: textSelect }) : null;
  return row && { version: row.version, ...itemTextOf(row), descriptors: {} };
}

const AUDIT = {
  values: ["framework.value_updated", "Value"],
  freedoms: ["framework.freedom_updated", "Freedom"],
  levels: ["framework.level_updated", "RubricLevel"],
} as const;

/**
 * New wording for a value (with its level descriptors), a freedom or a rubric level's name and general
 * description. `version` is the one the form was loaded with; the change applies from the next cycle on.
 */
export async function updateFrameworkText({
  prisma,
  actorId,
  kind,
  id,
  version,
  input,
}: {
  prisma: Prisma;
  actorId: string;
  kind: FrameworkKind;
  id: string;
  version: number;
  input: ValueInput;
}): Promise<Result<{ fromYear: number }, "not-found" | "stale">> {
  const after = kind === "values" ? valueTextFrom(input) : itemTextFrom(input);
  const data = { name: after.name, description: after.description };
  return prisma.$transaction(async (tx) => {
    // the words before the change, read first: a save that claims the version below saw exactly these
    let before;
    let subject;
    let saved;
    if (kind === "values") {
      const row = await tx.value.findUnique({ where: { id }, select: valueSelect });
      if (!row) return failure("not-found");
      [before, subject] = [valueTextOf(row), valueSubject(id)];
      saved = await updateVersioned(tx.value, { where: { id }, version, data });
      if (saved.ok) {
        await tx.rubricDescriptor.deleteMany({ where: { valueId: id } });
        await tx.rubricDescriptor.createMany({
          data: Object.entries(valueTextFrom(input).descriptors).map(([level, descriptor]) => ({
            valueId: id,
            level: Number(level),
            descriptor,
          })),
        });
      }
    } else if (kind === "freedoms") {
      const row = await tx.freedom.findUnique({ where: { id }, select: textSelect });
      if (!row) return failure("not-found");
      [before, subject] = [itemTextOf(row), freedomSubject(id)];
      saved = await updateVersioned(tx.freedom, { where: { id }, version, data });
    } else {
      const level = Number(id);
      const row = await tx.rubricLevel.findUnique({ where: { level }, select: textSelect });
      if (!row) return failure("not-found");
      [before, subject] = [itemTextOf(row), levelSubject(level)];
      saved = await updateVersioned(tx.rubricLevel, { where: { level }, version, data });
    }
    if (!saved.ok) return saved;
    const fromYear = await wordingChangeYear({ db: tx });
    await recordWording(tx, { subject, before, after, fromYear });
    const [action, entityType] = AUDIT[kind];
    await audit(tx, { action, actorId, entityType, entityId: id, metadata: { fromYear } });
    return success({ fromYear });
  });
}

/** A slug for a new value's address, from its English name: lower-case ASCII words joined by hyphens. */
export function slugify(name: string) {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "value";
}

/** A new value, last in order, active at once (new entries can use it from now on). */
export async function createValue({ prisma, actorId, input }: { prisma: Prisma; actorId: string; input: ValueInput }) {
  const text = valueTextFrom(input);
  const base = slugify(input.nameEn);
  return prisma.$transaction(async (tx) => {
    // values are created rarely and by admins: serializing them keeps positions and slugs unique without retries
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('framework.value.create'))`;
    const [taken, last] = await Promise.all([
      tx.value.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
      tx.value.aggregate({ _max: { position: true } }),
    ]);
    const slugs = new Set(taken.map((v) => v.slug));
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    const value = await tx.value.create({
      data: {
        slug,
        position: (last._max.position ?? 0) + 1,
        name: text.name,
        description: text.description,
        descriptors: {
          create: Object.entries(text.descriptors).map(([level, descriptor]) => ({ level: Number(level), descriptor })),
        },
      },
      select: { id: true, slug: true },
    });
    await audit(tx, { action: "framework.value_created", actorId, entityType: "Value", entityId: value.id });
    return value;
  });
}

/** Archives or restores a value. Repeating either changes nothing. */
export async function setValueArchived({
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
  return prisma.$transaction(async (tx): Promise<Result<null, "not-found">> => {
    const row = await tx.value.findUnique({ where: { id }, select: { id: true, archivedAt: true } });
    if (!row) return failure("not-found");
    if ((row.archivedAt !== null) === archived) return success();
    await tx.value.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await audit(tx, {
      action: archived ? "framework.value_archived" : "framework.value_restored",
      actorId,
      entityType: "Value",
      entityId: id,
    });
    return success();
  });
}

/** Swaps a value or freedom with its neighbour in the order. */
export async function moveFrameworkItem({
  prisma,
  actorId,
  kind,
  id,
  direction,
}: {
  prisma: Prisma;
  actorId: string;
  kind: "value" | "freedom";
  id: string;
  direction: "up" | "down";
}) {
  return prisma.$transaction(async (tx): Promise<Result<null, "not-found">> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('framework.order'))`;
    const select = { id: true, position: true } as const;
    const rows =
      kind === "value"
        ? await tx.value.findMany({ orderBy: { position: "asc" }, select })
        : await tx.freedom.findMany({ orderBy: { position: "asc" }, select });
    const index = rows.findIndex((r) => r.id === id);
    if (index < 0) return failure("not-found");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return success(); // already first or last
    const order = rows.map((r) => r.id);
    [order[index], order[target]] = [order[target], order[index]];
    // renumbered 1..n, so equal or sparse positions still end in the order shown
    const byId = new Map(rows.map((r) => [r.id, r.position]));
    for (const [i, rowId] of order.entries()) {
      if (byId.get(rowId) === i + 1) continue;
      if (kind === "value") await tx.value.update({ where: { id: rowId }, data: { position: i + 1 } });
      else await tx.freedom.update({ where: { id: rowId }, data: { position: i + 1 } });
    }
    await audit(tx, {
      action: kind === "value" ? "framework.value_moved" : "framework.freedom_moved",
      actorId,
      entityType: kind === "value" ? "Value" : "Freedom",
      entityId: id,
      metadata: { direction },
    });
    return success();
  });
}
