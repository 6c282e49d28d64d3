import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { chartCsv } from "~/models/movement-csv";
import { movementFilterNames } from "~/models/movement-filters";
import { isChartId, loadMovementDashboard } from "~/models/movement-page.server";
import { VIEW_ROUNDING } from "~/models/movement-suppression";
import { commitmentsNoCycle, rubricWithheldWhy } from "~/models/movement-takeaways";
import { notFound, readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { fixedT } from "~/utils/i18next.server";

/** One dashboard chart's numbers as CSV, for the same filters: exactly what its table shows. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const chart = new URL(request.url).searchParams.get("chart");
  if (!isChartId(chart)) notFound();
  const { filters, dashboard, min, t, locale } = await loadMovementDashboard(request);
  // a hidden cell holds the word the drawing uses; one line under the table says why, once: withheld
  // self-ratings say why they wait, any other hidden number why it is hidden
  const why =
    chart === "rubric" && dashboard.rubricWithheld
      ? rubricWithheldWhy({ withheld: dashboard.rubricWithheld, noCycle: dashboard.noCycle, year: filters.year, t })
      : t("dashboard.csvSuppressed", { min });
  const mark = t("dashboard.hiddenMark");
  const hidden = { mark, note: t("dashboard.csvNote", { mark, why }) };
  const period =
    chart === "practices" && filters.range
      ? t("files.range", { from: filters.range.from, to: filters.range.to })
      : String(filters.year);
  // the file names the view it was taken from: every filter, so two views' files never share a name
  const named = (list: { slug: string; name: string }[], slug?: string) => list.find((o) => o.slug === slug)?.name;
  // what the page says under its table, the file says too: a filtered view's numbers are rounded; a year
  // without a cycle has no commitments (its zeros are not "none were made")
  const notes = [
    ...(dashboard.viewWithheld === "rounded" ? [t("dashboard.viewRounded", { base: VIEW_ROUNDING })] : []),
    ...(chart === "commitments" && dashboard.noCycle
      ? [commitmentsNoCycle({ noCycle: dashboard.noCycle, year: filters.year, t })]
      : []),
  ];
  return csvDownload(chartCsv(dashboard.charts[chart], t(`charts.${chart}.rowHeader`), hidden, notes), [
    t("files.chart", { chart: t(`charts.${chart}.file`) }),
    period,
    ...movementFilterNames(filters, t, await fixedT(locale, "admin")),
    named(dashboard.options.values, filters.value),
    named(dashboard.options.freedoms, filters.freedom),
  ]);
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}
