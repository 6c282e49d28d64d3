// The movement dashboard as the integration tests call it: plain labels, the app's colours, a threshold of 3.
import { getMovementDashboard } from "~/models/movement-dashboard.server";
import type { MovementFilters } from "~/models/movement-filters";
import { getPrisma } from "~/utils/db.server";
import { freedomColor, valueColor } from "~/utils/palette";

export const dashboardLabels = {
  months: Array.from({ length: 12 }, (_, m) => `M${m + 1}`),
  month: (month: string) => `M${month}`,
  yearBefore: "a year before",
  statuses: { PLANNED: "P", IN_PROGRESS: "I", ACHIEVED: "A", PAUSED: "U", DROPPED: "D" },
  participants: "participants",
  impacted: "impacted",
  practices: "practices",
  organizations: "organizations",
  participation: {
    quarter: (q: number) => `Q${q}`,
    year: "year",
    active: "active",
    notStarted: "n",
    drafted: "d",
    submitted: "s",
  },
};

export async function movementDashboard(year: number, filters: Omit<MovementFilters, "year"> = {}, now?: Date) {
  return getMovementDashboard({
    prisma: await getPrisma(),
    filters: { year, ...filters },
    locale: "en",
    minGroupSize: 3,
    labels: dashboardLabels,
    valueColor,
    freedomColor,
    now,
  });
}
