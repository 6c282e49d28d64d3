// What the dashboard page and its CSV downloads share: the filters from the URL and the suppressed numbers,
// labelled in the user's language, so the CSV is exactly the table and the chart.
import { getMovementDashboard, type DashboardLabels } from "~/models/movement-dashboard.server";
import { movementCached } from "~/models/movement-cache.server";
import { movementYears } from "~/models/movement-years.server";
import { parseMovementFilters } from "~/models/movement-filters";
import { parseMonthRange } from "~/models/movement-range.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { filterParamsOf } from "~/utils/http";
import { freedomColor, valueColor } from "~/utils/palette";
import { formatDate } from "~/utils/format";
import type { Locale } from "~/utils/localized";

export const CHART_IDS = ["practices", "rubric", "freedoms", "participation", "participants", "commitments"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(id: string | null): id is ChartId {
  return (CHART_IDS as readonly (string | null)[]).includes(id);
}

type Translate = Awaited<ReturnType<typeof fixedT>>;

// The charts' names of months, statuses and columns depend on the language only: made once per language, not
// once per request (each is a translation or a date format).
const labelsByLocale = new Map<Locale, DashboardLabels>();
function dashboardLabels(locale: Locale, t: Translate, tc: Translate): DashboardLabels {
  let labels = labelsByLocale.get(locale);
  if (labels) return labels;
  const quarters = [1, 2, 3, 4].map((quarter) => t("charts.participation.quarter", { quarter }));
  labels = {
    months: Array.from({ length: 12 }, (_, m) =>
      formatDate(locale, `2000-${String(m + 1).padStart(2, "0")}-01`, { month: "short" }),
    ),
    month: (month) => formatDate(locale, `${month}-01`, { month: "short", year: "numeric" }),
    yearBefore: t("charts.practices.yearBefore"),
    statuses: {
      PLANNED: tc("status.PLANNED"),
      IN_PROGRESS: tc("status.IN_PROGRESS"),
      ACHIEVED: tc("status.ACHIEVED"),
      PAUSED: tc("status.PAUSED"),
      DROPPED: tc("status.DROPPED"),
    },
    participants: t("charts.participants.participants"),
    impacted: t("charts.participants.impacted"),
    practices: t("charts.practicesColumn"),
    organizations: t("charts.organizationsColumn"),
    participation: {
      quarter: (quarter) => quarters[quarter - 1],
      year: t("charts.participation.year"),
      active: t("charts.participation.active"),
      notStarted: t("charts.participation.notStarted"),
      drafted: t("charts.participation.drafted"),
      submitted: t("charts.participation.submitted"),
    },
  };
  labelsByLocale.set(locale, labels);
  return labels;
}

export async function loadMovementDashboard(request: Request, now = new Date()) {
  const currentYear = now.getUTCFullYear();
  // the dashboard and its CSVs: an address with empty filters is redirected to the one without them
  const params = filterParamsOf(request);
  const parsed = parseMonthRange(params, currentYear, now.toISOString().slice(0, 7));
  // a range that starts after this month has nothing to show yet: it is left out and the page says so
  const future = parsed.range !== undefined && parsed.range.from > now.toISOString().slice(0, 7);
  const range = future ? undefined : parsed.range;
  const rangeIgnored = parsed.ignored || future;
  const filters = { ...parseMovementFilters(params, currentYear), ...(range ? { range } : {}) };
  const locale = await getLocale(request);
  const [prisma, t, tc] = await Promise.all([getPrisma(), fixedT(locale, "movement"), fixedT(locale, "commitment")]);
  const min = getEnv().MIN_GROUP_SIZE;
  // the same for every reader of these filters, in this language, this month: kept between writes
  const month = now.toISOString().slice(0, 7);
  const dashboard = await movementCached(`dashboard ${JSON.stringify([filters, locale, min, month])}`, () =>
    getMovementDashboard({
      prisma,
      filters,
      locale,
      minGroupSize: min,
      valueColor,
      freedomColor,
      now,
      labels: dashboardLabels(locale, t, tc),
    }),
  );
  const years = movementYears(dashboard.firstYear, currentYear);
  // a year outside the ones the movement can show falls back to this one, and the page says so
  const yearIgnored = params.has("year") && params.get("year") !== String(filters.year);
  return { filters, rangeIgnored, yearIgnored, dashboard, years, min, t, locale };
}
