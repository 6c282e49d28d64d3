// The submission tracker: per organization and value, whether the cycle's reflection is not started, a
// draft or submitted, when and by whom. It reads statuses, dates and a name only: never what was written.
import { isYearSubmitted } from "~/models/reflection.server";
import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/utils/localized";
import { pick } from "~/utils/localized.server";
import { TRACKER_STATES } from "~/models/cycle-schema";

export type TrackerState = (typeof TRACKER_STATES)[number];

export async function getSubmissionTracker({
  prisma,
  cycleId,
  locale,
  region,
  state,
  now = new Date(),
}: {
  prisma: Prisma;
  cycleId: string;
  locale: Locale;
  region?: string;
  state?: TrackerState;
  now?: Date;
}) {
  const [values, organizations, reflections, regions] = await Promise.all([
    prisma.value.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, name: true },
    }),
    prisma.organization.findMany({
      where: { archivedAt: null, ...(region ? { region } : {}) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        regionRef: { select: { name: true } },
        reminderPause: { select: { until: true } },
      },
    }),
    prisma.reflection.findMany({
      where: { cycleId, organization: { archivedAt: null, ...(region ? { region } : {}) } },
      select: {
        organizationId: true,
        valueId: true,
        status: true,
        submittedAt: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    }),
    prisma.region.findMany({
      where: { organizations: { some: { archivedAt: null } } },
      select: { code: true, name: true },
    }),
  ]);
  const byOrg = new Map<string, typeof reflections>();
  for (const r of reflections) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

  const rows = organizations.map((o) => {
    const mine = byOrg.get(o.id) ?? [];
    // the same rule as the organization's own reflection page: the year, not one step, is submitted
    const submitted = isYearSubmitted(mine, values.length);
    const own = new Map(mine.map((r) => [r.valueId, r]));
    const steps = values.map((v) => {
      const r = own.get(v.id);
      const state: TrackerState = !r ? "NOT_STARTED" : submitted ? "SUBMITTED" : "DRAFT";
      return {
        valueId: v.id,
        state,
        at: r ? (submitted ? (r.submittedAt ?? r.updatedAt) : r.updatedAt).toISOString() : null,
        by: r?.updatedBy?.name ?? null,
      };
    });
    const orgState: TrackerState = submitted ? "SUBMITTED" : mine.length > 0 ? "DRAFT" : "NOT_STARTED";
    const pause = o.reminderPause;
    const paused = pause !== null && (pause.until === null || pause.until >= today);
    return {
      id: o.id,
      slug: o.slug,
      name: o.name,
      // the region's name in the reader's language; null when the organization has none recorded
      region: o.regionRef ? pick(o.regionRef.name, locale) : null,
      state: orgState,
      steps,
      paused: paused ? { until: pause.until?.toISOString().slice(0, 10) ?? null } : null,
    };
  });
  const counts = { total: rows.length, NOT_STARTED: 0, DRAFT: 0, SUBMITTED: 0 };
  for (const r of rows) counts[r.state]++;
  return {
    values: values.map((v) => ({ id: v.id, slug: v.slug, name: pick(v.name, locale) })),
    regions: regions
      .map((r) => ({ code: r.code, name: pick(r.name, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    counts,
    rows: state ? rows.filter((r) => r.state === state) : rows,
  };
}
