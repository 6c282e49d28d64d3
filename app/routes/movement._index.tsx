import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { drawingForData, renderChartSvg } from "~/components/charts/render-chart.server";
import { ChartDataTable } from "~/components/charts/chart-data-table";
import { ChartFigure } from "~/components/charts/chart-figure";
import { MovementFirstSteps } from "~/components/movement-first-steps";
import type { ChartKind, ChartTable } from "~/models/movement-chart-types";
import { MACRO_REGIONS, movementFilterParams } from "~/models/movement-filters";
import { VIEW_ROUNDING } from "~/models/movement-suppression";
import { CHART_IDS, loadMovementDashboard } from "~/models/movement-page.server";
import { movementTakeaways, rubricWithheldWhy } from "~/models/movement-takeaways";
import { SIZE_BANDS } from "~/models/organization-options";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { coalitionRoleCan } from "~/utils/permissions";
import { formatDate, formatList, formatNumber, formatPercent } from "~/utils/format";
import { ChartLegend } from "~/components/charts/chart-legend";
import { FilterSelect } from "~/components/ui/filter-select";

const KINDS: Record<string, ChartKind> = {
  practices: "line",
  rubric: "stacked",
  freedoms: "bar",
  participation: "bar",
  participants: "grouped",
  commitments: "stacked",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const { filters, rangeIgnored, yearIgnored, dashboard, years, min, t, locale } = await loadMovementDashboard(request);
  const { start } = dashboard;
  // a new installation sees its next steps; the charts wait for an organization to draw
  const firstSteps =
    start.hasOrganizations && start.hasCycle && start.hasPractices
      ? null
      : {
          start,
          canManageOrganizations: coalitionRoleCan(user.coalitionRole, "manage:organization"),
          canManageCycle: coalitionRoleCan(user.coalitionRole, "manage:cycle"),
        };
  const takeaways = movementTakeaways({
    charts: dashboard.charts,
    perValue: dashboard.perValue,
    monthsHidden: dashboard.monthsHidden,
    year: filters.year,
    t,
    format: (n, style) => (style ? formatPercent(locale, n) : formatNumber(locale, n)),
    list: (names) => formatList(locale, names),
    range: Boolean(filters.range),
    noCycle: dashboard.noCycle,
  });
  // "…, 2026 cycle" only once there is one
  const titleContext = (id: string) => (id === "commitments" && dashboard.noCycle ? "noCycle" : undefined);
  const monthName = (m: string) => formatDate(locale, `${m}-01`, { month: "long", year: "numeric" });
  // a one-month range names its month once ("March 2026", not "March 2026 to March 2026")
  const range = filters.range
    ? {
        from: monthName(filters.range.from),
        to: monthName(filters.range.to),
        context: filters.range.from === filters.range.to ? "month" : undefined,
      }
    : null;
  // a hidden cell says so in the drawing too, in the data table's words
  const hidden = { mark: t("dashboard.hiddenMark"), title: t("dashboard.suppressed", { min }) };
  const charts = CHART_IDS.map((id) => {
    // withheld self-ratings have nothing to draw: the chart is its title and why
    const withheld = id === "rubric" && dashboard.rubricWithheld !== null;
    return {
      id,
      title:
        range && id === "practices"
          ? t("charts.practices.titleRange", range)
          : t(`charts.${id}.title`, { year: filters.year, previous: filters.year - 1, context: titleContext(id) }),
      // the date range is drawn by the monthly chart; the others count whole years and say which
      covers: range && id !== "practices" ? t("dashboard.wholeYear", { year: filters.year, ...range }) : null,
      rowHeader: t(`charts.${id}.rowHeader`),
      // self-ratings withheld say why in place of a takeaway
      takeaway:
        id === "rubric" && dashboard.rubricWithheld
          ? rubricWithheldWhy({ withheld: dashboard.rubricWithheld, noCycle: dashboard.noCycle, year: filters.year, t })
          : takeaways[id],
      table: dashboard.charts[id],
      withheld,
      svg: withheld
        ? null
        : drawingForData(
            context,
            id,
            renderChartSvg(
              dashboard.charts[id],
              KINDS[id],
              hidden,
              id === "freedoms" ? dashboard.freedomColors : undefined,
            ),
          ),
    };
  });
  return {
    firstSteps,
    showCharts: start.hasOrganizations,
    filters,
    rangeIgnored,
    yearIgnored,
    viewWithheld: dashboard.viewWithheld,
    params: movementFilterParams(filters).toString(),
    years,
    options: dashboard.options,
    charts,
    min,
    title: t("dashboard.title"),
  };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

function hasHidden(table: ChartTable) {
  return table.rows.some((r) => r.cells.some((c) => c === null));
}

export default function MovementDashboard() {
  const {
    firstSteps,
    showCharts,
    filters,
    rangeIgnored,
    yearIgnored,
    viewWithheld,
    params,
    years,
    options,
    charts,
    min,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation("movement");
  const { t: ta } = useTranslation("admin");
  // the same words in every chart's section and every hidden cell: translated once
  const words = {
    table: t("dashboard.table"),
    csv: t("dashboard.csv"),
    someHidden: t("dashboard.someHidden", { min }),
    someHiddenMonths: t("dashboard.someHiddenMonths"),
    suppressed: t("dashboard.suppressed", { min }),
  };
  return (
    <div className="container section stack">
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.intro", { min })}</p>
      {firstSteps ? <MovementFirstSteps {...firstSteps} /> : null}
      {showCharts ? (
        <>
          <Form method="get" className="filters" aria-label={t("dashboard.filters")}>
            <FilterSelect
              id="dashboard-year"
              label={t("dashboard.year")}
              name="year"
              value={String(filters.year)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <label>
              {t("dashboard.from")}
              <input
                type="month"
                name="from"
                min="2000-01"
                defaultValue={filters.range?.from ?? ""}
                placeholder="YYYY-MM"
                aria-describedby="range-help"
              />
            </label>
            <label>
              {t("dashboard.to")}
              <input
                type="month"
                name="to"
                min="2000-01"
                defaultValue={filters.range?.to ?? ""}
                placeholder="YYYY-MM"
                aria-describedby="range-help"
              />
            </label>
            <FilterSelect
              id="dashboard-value"
              label={t("dashboard.value")}
              name="value"
              value={filters.value}
              any={t("dashboard.any")}
              options={options.values.map((v) => ({ value: v.slug, label: v.name }))}
            />
            <FilterSelect
              id="dashboard-freedom"
              label={t("dashboard.freedom")}
              name="freedom"
              value={filters.freedom}
              any={t("dashboard.any")}
              options={options.freedoms.map((f) => ({ value: f.slug, label: f.name }))}
            />
            <FilterSelect
              id="dashboard-region"
              label={t("dashboard.region")}
              name="region"
              value={filters.region}
              any={t("dashboard.any")}
              options={MACRO_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
            />
            <FilterSelect
              id="dashboard-size"
              label={t("dashboard.size")}
              name="size"
              value={filters.size}
              any={t("dashboard.any")}
              options={SIZE_BANDS.map((b) => ({ value: b, label: ta(`organizations.sizeBands.${b}`) }))}
            />
            <FilterSelect
              id="dashboard-impacted"
              label={t("dashboard.impacted")}
              name="impacted"
              value={filters.impacted === undefined ? undefined : filters.impacted ? "yes" : "no"}
              any={t("dashboard.any")}
              options={[
                { value: "yes", label: t("dashboard.yes") },
                { value: "no", label: t("dashboard.no") },
              ]}
            />
            <div className="filters-actions">
              <button type="submit" className="button">
                {t("dashboard.apply")}
              </button>
              <Link to="/movement">{t("dashboard.reset")}</Link>
            </div>
            <p id="range-help" className="field-help filters-help">
              {t("dashboard.rangeHelp")}
            </p>
          </Form>
          {yearIgnored ? (
            <p className="notice" role="status">
              {t("dashboard.yearIgnored", { year: filters.year })}
            </p>
          ) : null}
          {viewWithheld ? (
            <p className="notice" role="status">
              {viewWithheld === "few"
                ? t("dashboard.viewFew", { min })
                : t("dashboard.viewRounded", { base: VIEW_ROUNDING })}
            </p>
          ) : null}
          {rangeIgnored ? (
            <p className="notice" role="status">
              {t("dashboard.rangeIgnored")}
            </p>
          ) : null}
          {/* a view of too few organizations has nothing to draw: its notice says why */}
          {(viewWithheld === "few" ? [] : charts).map((chart) => (
            <section key={chart.id} className="card chart-card stack" aria-labelledby={`${chart.id}-title`}>
              <h2 id={`${chart.id}-title`}>{chart.title}</h2>
              <p className="chart-takeaway">{chart.takeaway}</p>
              {chart.covers ? <p className="muted">{chart.covers}</p> : null}
              {chart.withheld ? null : (
                <>
                  <ChartFigure id={chart.id} svg={chart.svg} label={chart.title} />
                  <ChartLegend columns={chart.table.columns} />
                  {hasHidden(chart.table) ? (
                    <p className="muted">
                      {words.someHidden}
                      {/* one month alone is drawn as bars, each hidden one marked in words */}
                      {KINDS[chart.id] === "line" && chart.table.rows.length > 1 ? ` ${words.someHiddenMonths}` : null}
                    </p>
                  ) : null}
                  <ChartDataTable
                    table={chart.table}
                    title={chart.title}
                    rowHeader={chart.rowHeader}
                    summary={words.table}
                    hidden={words.suppressed}
                  />
                  <p>
                    <a href={`/movement/csv?${params}&chart=${chart.id}`} download>
                      {words.csv}
                    </a>
                  </p>
                </>
              )}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
