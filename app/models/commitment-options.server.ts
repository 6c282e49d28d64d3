// The cycles the commitment pages offer. The values come from getFrameworkOptions (practice-options.server.ts),
// so every page names and colours them the same way.
import type { CycleStatus } from "~/generated/prisma/client";
import type { Prisma } from "~/utils/db.server";

export type CycleOption = { year: number; status: CycleStatus };

/** Every cycle, newest first. */
export function listCycles({ prisma }: { prisma: Prisma }): Promise<CycleOption[]> {
  return prisma.cycle.findMany({ orderBy: { year: "desc" }, select: { year: true, status: true } });
}

/** A commitment can be written into any cycle that is not closed (staff prepare a cycle as DRAFT, then open it). */
export function isWritableCycle(cycle: CycleOption | null | undefined) {
  return cycle != null && cycle.status !== "CLOSED";
}

/**
 * Whether any cycle takes commitments now (one not closed, draft or open). Without one, "Add a commitment" would
 * lead to a form with no cycle to choose, so the pages say commitments open with the coalition's cycle instead.
 */
export async function acceptsCommitments({ prisma }: { prisma: Prisma }) {
  return (await prisma.cycle.count({ where: { status: { not: "CLOSED" } } })) > 0;
}

/** The cycle a new commitment starts in: this year's when it is open, else the newest open one, else the newest writable one. */
export function defaultCycleYear(cycles: CycleOption[], now = new Date()) {
  const year = now.getUTCFullYear();
  const open = cycles.filter((c) => c.status === "OPEN");
  return (open.find((c) => c.year === year) ?? open[0] ?? cycles.find(isWritableCycle))?.year ?? null;
}
