import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";
import { Pager } from "~/components/ui/pager";
import { FilterSelect } from "~/components/ui/filter-select";
import { listMovementYears } from "~/models/movement-years.server";
import { MACRO_REGIONS } from "~/models/movement-filters";
import { listSharedEntries, listSharedOptions, parseSharedQuery } from "~/models/movement-shared.server";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { filterParamsOf } from "~/utils/http";
import { fixedT, getLocale } from "~/utils/i18next.server";

/** Staff: the practices and submitted reflections organizations shared with the coalition or made public. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:shared-content");
  const currentYear = new Date().getUTCFullYear();
  const query = parseSharedQuery(filterParamsOf(request), currentYear);
  const [prisma, t, locale] = await Promise.all([getPrisma(), fixedT(request, "movement"), getLocale(request)]);
  const [entries, options, years] = await Promise.all([
    listSharedEntries({ prisma, query, locale }),
    listSharedOptions({ prisma, locale }),
    listMovementYears({ prisma, currentYear }),
  ]);
  return { title: t("shared.title"), query, entries, options, years };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function MovementShared() {
  const { query, entries, options, years } = useLoaderData<typeof loader>();
  const { t } = useTranslation("movement");
  const { t: tr } = useTranslation("reflection");
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { page: _page, kind: _kind, ...filters } = query;
  const base = Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  const href = (kind: string, page = 1) =>
    `?${new URLSearchParams({ ...base, ...(kind !== "practices" ? { kind } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <div className="container section stack">
      <h1>{t("shared.title")}</h1>
      <p className="section-intro">{t("shared.intro")}</p>
      <Form method="get" className="filter-grid" aria-label={t("dashboard.filters")}>
        <div className="field">
          <label htmlFor="shared-q">{t("shared.search")}</label>
          <input id="shared-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <FilterSelect
          id="shared-year"
          label={t("dashboard.year")}
          name="year"
          value={query.year ? String(query.year) : undefined}
          any={t("shared.anyYear")}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <FilterSelect
          id="shared-value"
          label={t("dashboard.value")}
          name="value"
          value={query.value}
          any={t("dashboard.any")}
          options={options.values.map((v) => ({ value: v.slug, label: v.name }))}
        />
        <FilterSelect
          id="shared-freedom"
          label={t("dashboard.freedom")}
          name="freedom"
          value={query.freedom}
          any={t("dashboard.any")}
          options={options.freedoms.map((f) => ({ value: f.slug, label: f.name }))}
        />
        <FilterSelect
          id="shared-region"
          label={t("dashboard.region")}
          name="region"
          value={query.region}
          any={t("dashboard.any")}
          options={MACRO_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        />
        {query.kind !== "practices" ? <input type="hidden" name="kind" value={query.kind} /> : null}
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t("dashboard.apply")}
          </button>
          <Link to="/movement/shared">{t("dashboard.reset")}</Link>
        </div>
      </Form>

      <nav aria-label={t("shared.kinds")} className="tabs">
        {(["practices", "reflections"] as const).map((kind) => (
          <Link
            key={kind}
            to={href(kind)}
            aria-current={query.kind === kind ? "page" : undefined}
            className={query.kind === kind ? "button small" : "button small secondary"}
          >
            {t(`shared.${kind}`, { count: entries.counts[kind] })}
          </Link>
        ))}
      </nav>
      {query.freedom && query.kind === "reflections" ? (
        <p className="muted">{t("shared.freedomNoReflections")}</p>
      ) : null}

      {entries.practices.length || entries.reflections.length ? (
        <ol className="plain-list shared-list" aria-label={t(`shared.${query.kind}`, { count: entries.total })}>
          {entries.practices.map((p) => (
            <li key={p.id}>
              <article className="stack" aria-labelledby={`p-${p.id}`}>
                <h2 id={`p-${p.id}`}>{p.title}</h2>
                <p className="status-line">
                  {p.organization} · {format.date(p.date)} · {p.value}
                  {p.freedoms.length ? ` · ${p.freedoms.join(", ")}` : ""} · {tc(`visibility.badge${p.visibility}`)}
                </p>
                {p.participants ? (
                  <p>
                    {t("shared.participants", {
                      count: p.participants,
                      total: format.number(p.participants),
                      impacted: format.number(p.impactedParticipants),
                    })}
                  </p>
                ) : null}
                {p.notes ? <p className="entry-text">{p.notes}</p> : null}
              </article>
            </li>
          ))}
          {entries.reflections.map((r) => (
            <li key={r.id}>
              <article className="stack" aria-labelledby={`r-${r.id}`}>
                <h2 id={`r-${r.id}`}>
                  {t("shared.reflectionTitle", { organization: r.organization, value: r.value, year: r.year })}
                </h2>
                <p className="status-line">
                  {t("shared.submitted", { date: format.date(r.date) })} ·{" "}
                  {r.rubricLevel ? `${tr("readOnly.level")} ${r.rubricLevel}` : tr("readOnly.noLevel")} ·{" "}
                  {tc(`visibility.badge${r.visibility}`)}
                </p>
                <dl className="stack">
                  {(["wentWell", "challenges", "nextSteps"] as const).map((field) => (
                    <div key={field}>
                      <dt>
                        <strong>{tr(`step.${field}`)}</strong>
                      </dt>
                      <dd className="entry-text">
                        {r[field] || <span className="muted">{tr("readOnly.empty")}</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              </article>
            </li>
          ))}
        </ol>
      ) : query.page > entries.pages ? null : (
        <p className="empty-state">{t("shared.empty")}</p>
      )}
      <Pager
        page={query.page}
        pages={entries.pages}
        hrefFor={(page) => href(query.kind, page)}
        label={t("shared.pages")}
      />
    </div>
  );
}
