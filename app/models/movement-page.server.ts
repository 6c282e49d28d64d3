// What the dashboard page and its CSV downloads share: the filters from the URL and the suppressed numbers,
// labelled in the user's language, so the CSV is exactly the table and the chart.
import { getMovementDashboard, movementYears } from "~/models/movement-dashboard.server";
import { parseMovementFilters } from "~/models/movement-filters";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import i18next from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { freedomColor, valueColor } from "~/utils/palette";

export const CHART_IDS = ["practices", "rubric", "freedoms", "participation", "participants", "commitments"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(id: string | null): id is ChartId {
  return (CHART_IDS as readonly (string | null)[]).includes(id);
}

export async function loadMovementDashboard(request: Request, now = new Date()) {
  const currentYear = now.getUTCFullYear();
  const filters = parseMovementFilters(new URL(request.url).searchParams, currentYear);
  const [prisma, t, tc, lng] = await Promise.all([
    getPrisma(),
    i18next.getFixedT(request, "movement"),
    i18next.getFixedT(request, "commitment"),
    i18next.getLocale(request),
  ]);
  const locale = isLocale(lng) ? lng : "en";
  const min = readEnv().MIN_GROUP_SIZE;
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2000, m, 1)).toLocaleDateString(locale, { month: "short", timeZone: "UTC" }));
  const [dashboard] = await Promise.all([
    getMovementDashboard({
      prisma,
      filters,
      locale,
      minGroupSize: min,
      valueColor,
      freedomColor,
      labels: {
        months,
        statuses: { PLANNED: tc("status.PLANNED"), IN_PROGRESS: tc("status.IN_PROGRESS"), ACHIEVED: tc("status.ACHIEVED"), PAUSED: tc("status.PAUSED"), DROPPED: tc("status.DROPPED") },
        participants: t("charts.participants.participants"),
        impacted: t("charts.participants.impacted"),
        practices: t("charts.practicesColumn"),
        organizations: t("charts.organizationsColumn"),
        participation: {
          quarter: (quarter) => t("charts.participation.quarter", { quarter }),
          year: t("charts.participation.year"),
          active: t("charts.participation.active"),
          notStarted: t("charts.participation.notStarted"),
          drafted: t("charts.participation.drafted"),
          submitted: t("charts.participation.submitted"),
        },
      },
    }),
  ]);
  const years = movementYears(dashboard.firstYear, currentYear);
  return { filters, dashboard, years, min, t, locale };
}
