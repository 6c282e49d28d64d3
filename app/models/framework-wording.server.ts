// The framework's wording by year: the coalition edits it, and each cycle keeps the words it was
// answered against. The framework tables hold the current wording; FrameworkWording keeps the earlier ones.
import * as z from "zod/mini";
import type { Prisma as PrismaNamespace } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";
import { localizedText } from "~/utils/localized.server";

type Db = Prisma | PrismaNamespace.TransactionClient;

export const valueSubject = (id: string) => `value:${id}`;
export const freedomSubject = (id: string) => `freedom:${id}`;
export const levelSubject = (level: number) => `level:${level}`;

const itemText = z.object({ name: localizedText, description: localizedText });
const valueText = z.object({
  name: localizedText,
  description: localizedText,
  descriptors: z.record(z.string(), localizedText),
});
export type ItemText = z.infer<typeof itemText>;
export type ValueText = z.infer<typeof valueText>;

/** A value row as the framework tables hold it; its per-level descriptors are RubricDescriptor rows. */
export type ValueRow = {
  id: string;
  name: unknown;
  description: unknown;
  descriptors: { level: number; descriptor: unknown }[];
};
export type ItemRow = { name: unknown; description: unknown };

export function valueTextOf(row: ValueRow): ValueText {
  return valueText.parse({
    name: row.name,
    description: row.description,
    descriptors: Object.fromEntries(row.descriptors.map((d) => [String(d.level), d.descriptor])),
  });
}

export function itemTextOf(row: ItemRow): ItemText {
  return itemText.parse({ name: row.name, description: row.description });
}

/**
 * The year a change made now applies from: the year after the latest cycle that has opened (its entries
 * were answered against today's words), or this year when no cycle has opened yet.
 */
export async function wordingChangeYear({ db, now = new Date() }: { db: Db; now?: Date }) {
  const latest = await db.cycle.findFirst({
    where: { status: { in: ["OPEN", "CLOSED"] } },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return latest ? latest.year + 1 : now.getUTCFullYear();
}

/**
 * Every stored wording, to resolve any year in memory (a row per edited item and year: a small table).
 * A subject without rows was never edited, so its current wording is every year's.
 */
export async function loadFrameworkWording({ prisma }: { prisma: Prisma }) {
  const rows = await prisma.frameworkWording.findMany({
    orderBy: { fromYear: "asc" },
    select: { subject: true, fromYear: true, text: true },
  });
  const bySubject = new Map<string, { fromYear: number; text: unknown }[]>();
  for (const r of rows) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r]);
  const forYear = (subject: string, year: number) =>
    (bySubject.get(subject) ?? []).filter((r) => r.fromYear <= year).pop()?.text;
  return {
    value(row: ValueRow, year: number): ValueText {
      const stored = forYear(valueSubject(row.id), year);
      return stored === undefined ? valueTextOf(row) : valueText.parse(stored);
    },
    freedom(row: ItemRow & { id: string }, year: number): ItemText {
      const stored = forYear(freedomSubject(row.id), year);
      return stored === undefined ? itemTextOf(row) : itemText.parse(stored);
    },
    level(row: ItemRow & { level: number }, year: number): ItemText {
      const stored = forYear(levelSubject(row.level), year);
      return stored === undefined ? itemTextOf(row) : itemText.parse(stored);
    },
  };
}
export type FrameworkWording = Awaited<ReturnType<typeof loadFrameworkWording>>;

/**
 * Records an edit's wording inside the edit's transaction: the wording it replaces stays every earlier
 * year's (kept from year 0 on the first edit), and the new one applies from `fromYear` (a second edit
 * before that year's cycle opens replaces it).
 */
export async function recordWording(
  tx: PrismaNamespace.TransactionClient,
  {
    subject,
    before,
    after,
    fromYear,
  }: { subject: string; before: ValueText | ItemText; after: ValueText | ItemText; fromYear: number },
) {
  const kept = await tx.frameworkWording.count({ where: { subject } });
  if (!kept) await tx.frameworkWording.create({ data: { subject, fromYear: 0, text: before } });
  await tx.frameworkWording.upsert({
    where: { subject_fromYear: { subject, fromYear } },
    create: { subject, fromYear, text: after },
    update: { text: after },
  });
}

/**
 * The names of values and freedoms as they read in a given year, in one language: for lists of dated
 * records (practices), each shown with the words of its own year.
 */
export async function getNamesByYear({ prisma, locale }: { prisma: Prisma; locale: "en" | "es" }) {
  const select = { id: true, name: true, description: true } as const;
  const [values, freedoms, wording] = await Promise.all([
    prisma.value.findMany({ select }),
    prisma.freedom.findMany({ select }),
    loadFrameworkWording({ prisma }),
  ]);
  const valueRows = new Map(values.map((v) => [v.id, { ...v, descriptors: [] }]));
  const freedomRows = new Map(freedoms.map((f) => [f.id, f]));
  return {
    value(id: string, year: number) {
      const row = valueRows.get(id);
      return row ? wording.value(row, year).name[locale] : null;
    },
    freedom(id: string, year: number) {
      const row = freedomRows.get(id);
      return row ? wording.freedom(row, year).name[locale] : null;
    },
  };
}
