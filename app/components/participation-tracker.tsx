import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";
import { Pager } from "~/components/ui/pager";
import { FilterSelect } from "~/components/ui/filter-select";
import { MACRO_REGIONS } from "~/models/movement-filters";
import { SIZE_BANDS } from "~/models/organization-options";

type State = "NOT_STARTED" | "DRAFT" | "SUBMITTED";
type Sort = "name" | "region" | "last" | "practices" | "reflection";
const STATES: State[] = ["NOT_STARTED", "DRAFT", "SUBMITTED"];
const STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;

type Query = {
  year: number;
  region?: string;
  size?: string;
  impacted?: boolean;
  state?: State;
  q?: string;
  sort: Sort;
  dir: "asc" | "desc";
  page: number;
};
type Tracker = {
  cycleYear: number | null;
  total: number;
  pages: number;
  rows: {
    id: string;
    name: string;
    regionName: string | null;
    macroRegion: string;
    practices: number;
    lastPracticeOn: string | null;
    reflection: State | null;
    commitments: Record<(typeof STATUSES)[number], number>;
  }[];
};

/**
 * The participation tracker: filters in the URL (a GET form, so it works without JavaScript), sortable
 * columns, pages and a CSV of the same rows. Reflection states read like the cycle's submission tracker.
 */
export function ParticipationTracker({
  query,
  params,
  years,
  tracker,
}: {
  query: Query;
  params: string;
  years: number[];
  tracker: Tracker;
}) {
  const { t } = useTranslation("movement");
  const { t: tc } = useTranslation("cycle");
  const { t: ta } = useTranslation("admin");
  const { t: tm } = useTranslation("commitment");
  const format = useFormat();
  const link = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next}`;
  };
  const withSort = (s: Sort, dir: "asc" | "desc") =>
    link({ sort: s === "name" ? null : s, dir: dir === "asc" ? null : dir, page: null });
  const pageLink = (page: number) =>
    link({
      sort: query.sort === "name" ? null : query.sort,
      dir: query.dir === "asc" ? null : query.dir,
      page: page === 1 ? null : String(page),
    });
  const header = (s: Sort, label: string) => {
    const active = query.sort === s;
    const next = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={withSort(s, next)} aria-label={t("organizations.sortBy", { column: label })}>
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };
  const sortParams = {
    ...(query.sort !== "name" ? { sort: query.sort } : {}),
    ...(query.dir !== "asc" ? { dir: query.dir } : {}),
  };
  const csv = `/movement/organizations.csv?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(params)), ...sortParams })}`;
  return (
    <section aria-labelledby="participation-heading" className="stack">
      <Form method="get" className="filter-grid" aria-label={t("organizations.filters")}>
        <div className="field">
          <label htmlFor="org-q">{t("organizations.search")}</label>
          <input id="org-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <FilterSelect
          id="org-year"
          label={t("dashboard.year")}
          name="year"
          value={String(query.year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <FilterSelect
          id="org-region"
          label={t("dashboard.region")}
          name="region"
          value={query.region}
          any={t("dashboard.any")}
          options={MACRO_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        />
        <FilterSelect
          id="org-size"
          label={t("dashboard.size")}
          name="size"
          value={query.size}
          any={t("dashboard.any")}
          options={SIZE_BANDS.map((b) => ({ value: b, label: ta(`organizations.sizeBands.${b}`) }))}
        />
        <FilterSelect
          id="org-impacted"
          label={t("dashboard.impacted")}
          name="impacted"
          value={query.impacted === undefined ? undefined : query.impacted ? "yes" : "no"}
          any={t("dashboard.any")}
          options={[
            { value: "yes", label: t("dashboard.yes") },
            { value: "no", label: t("dashboard.no") },
          ]}
        />
        {tracker.cycleYear !== null ? (
          <FilterSelect
            id="org-state"
            label={t("organizations.reflectionFilter", { year: tracker.cycleYear })}
            name="state"
            value={query.state}
            any={t("dashboard.any")}
            options={STATES.map((s) => ({ value: s, label: tc(`tracker.state.${s}`) }))}
          />
        ) : null}
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t("dashboard.apply")}
          </button>
          <Link to="/movement/organizations">{t("dashboard.reset")}</Link>
        </div>
      </Form>

      <h2 id="participation-heading">{t("organizations.count", { count: tracker.total, year: query.year })}</h2>
      <p>
        <a className="button secondary small" href={csv} download>
          {t("organizations.csv")}
        </a>
      </p>
      {tracker.cycleYear === null ? <p className="muted">{t("organizations.noOpenCycle")}</p> : null}
      {tracker.rows.length ? (
        <p id="participation-scroll" className="scroll-hint">
          {t("organizations.scrollHint")}
        </p>
      ) : null}
      {tracker.rows.length ? (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="participation-caption"
          aria-describedby="participation-scroll"
        >
          <table className="data tracker">
            <caption id="participation-caption" className="visually-hidden">
              {t("organizations.caption", { year: query.year })}
            </caption>
            <thead>
              <tr>
                {header("name", t("organizations.name"))}
                {header("region", t("dashboard.region"))}
                {header("last", t("organizations.lastPractice"))}
                {header("practices", t("organizations.practices", { year: query.year }))}
                <th scope="col">{t("organizations.commitments", { year: query.year })}</th>
                {tracker.cycleYear !== null
                  ? header("reflection", t("organizations.reflection", { year: tracker.cycleYear }))
                  : null}
              </tr>
            </thead>
            <tbody>
              {tracker.rows.map((row) => {
                const commitments = STATUSES.filter((s) => row.commitments[s] > 0);
                return (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>
                      {row.regionName}
                      <span className="status-line muted">{t(`regions.${row.macroRegion}`)}</span>
                    </td>
                    <td>
                      {row.lastPracticeOn ? (
                        format.date(row.lastPracticeOn)
                      ) : (
                        <span className="muted">{t("organizations.never")}</span>
                      )}
                    </td>
                    <td className="numeric">{format.number(row.practices)}</td>
                    <td>
                      {commitments.length ? (
                        <ul className="plain-list compact">
                          {commitments.map((s) => (
                            <li key={s}>
                              {tm(`status.${s}`)}: {format.number(row.commitments[s])}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t("organizations.noCommitments")}</span>
                      )}
                    </td>
                    {row.reflection ? (
                      <td>
                        <span className={`badge state-${row.reflection.toLowerCase()}`}>
                          {tc(`tracker.state.${row.reflection}`)}
                        </span>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : query.page > tracker.pages ? null : (
        <p className="empty-state">{t("organizations.empty")}</p>
      )}
      <Pager page={query.page} pages={tracker.pages} hrefFor={pageLink} label={t("organizations.pages")} />
    </section>
  );
}
