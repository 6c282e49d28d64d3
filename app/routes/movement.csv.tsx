import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/models/movement-csv";
import { isChartId, loadMovementDashboard } from "~/models/movement-page.server";
import { notFound, readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";

/** One dashboard chart's numbers as CSV, for the same filters: exactly what its table shows. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const chart = new URL(request.url).searchParams.get("chart");
  if (!isChartId(chart)) notFound();
  const { filters, dashboard, min, t } = await loadMovementDashboard(request);
  // withheld self-ratings say why in each cell, as the page says it in place of the chart
  const hidden =
    chart === "rubric" && dashboard.rubricWithheld
      ? t(dashboard.rubricWithheld === "filtered" ? "dashboard.rubricWholeOnly" : "dashboard.rubricWhenClosed", {
          year: filters.year,
        })
      : t("dashboard.suppressed", { min });
  const period =
    chart === "practices" && filters.range
      ? t("files.range", { from: filters.range.from, to: filters.range.to })
      : String(filters.year);
  return csvDownload(
    toCsv(dashboard.charts[chart], t(`charts.${chart}.rowHeader`), hidden),
    t("files.chart", { chart: t(`charts.${chart}.file`), period }),
  );
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}
