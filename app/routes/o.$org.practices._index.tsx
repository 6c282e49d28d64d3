import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipantCount } from "~/components/participant-count";
import { Pager } from "~/components/ui/pager";
import { VISIBILITY_OPTIONS, VisibilityBadge } from "~/components/visibility-field";
import { getNamesByYear } from "~/models/framework-wording.server";
import { getCommitmentOptions, getFrameworkOptions, parsePracticeSearch } from "~/models/practice-options.server";
import { listPractices, type PracticeFilters } from "~/models/practice-list.server";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { filterParamsOf } from "~/utils/http";
import { useFormat } from "~/components/use-format";
import { FilterSelect } from "~/components/ui/filter-select";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "read:practice");
  const prisma = await getPrisma();
  const locale = await getLocale(request);
  // the address is parsed on the server only: zod stays out of this page's JavaScript
  const search = parsePracticeSearch(filterParamsOf(request));
  const [framework, names, commitments, t] = await Promise.all([
    getFrameworkOptions({ prisma, locale, includeArchived: true }),
    getNamesByYear({ prisma, locale }),
    getCommitmentOptions({ prisma, organizationId: organization.id }),
    fixedT(request, "practice"),
  ]);
  const value = framework.values.find((v) => v.slug === search.value);
  const freedom = framework.freedoms.find((f) => f.slug === search.freedom);
  const commitment = commitments.find((c) => c.id === search.commitment);
  const filters: PracticeFilters = {
    valueId: value?.id,
    freedomId: freedom?.id,
    commitmentId: commitment?.id,
    from: search.from,
    to: search.to,
    visibility: search.visibility,
  };
  const list = await listPractices({ prisma, organizationId: organization.id, filters, page: search.page });
  return {
    title: t("list.title"),
    organization: { slug: organization.slug, name: organization.name },
    // the filters as applied, so the form and the paging links show and keep only what took effect
    applied: {
      value: value?.slug ?? "",
      freedom: freedom?.slug ?? "",
      commitment: commitment?.id ?? "",
      from: search.from ?? "",
      to: search.to ?? "",
      visibility: search.visibility ?? "",
    },
    page: search.page,
    pages: list.pages,
    total: list.total,
    values: framework.values.map(({ id, slug, name, color, archived }) => ({ id, slug, name, color, archived })),
    freedoms: framework.freedoms.map(({ id, slug, name, color, archived }) => ({ id, slug, name, color, archived })),
    commitments: commitments.map((c) => ({ id: c.id, title: c.title, year: c.year })),
    practices: list.practices.map((p) => ({
      id: p.id,
      title: p.title,
      occurredOn: p.occurredOn,
      participants: p.participants,
      impactedParticipants: p.impactedParticipants,
      visibility: p.visibility,
      consentToQuote: p.consentToQuote,
      valueId: p.valueId,
      // each practice names its value and freedoms in the words of its year
      valueName: names.value(p.valueId, Number(p.occurredOn.slice(0, 4))),
      commitment: p.commitment?.title ?? null,
      freedomIds: p.freedomIds,
      freedomNames: p.freedomIds.map((id) => names.freedom(id, Number(p.occurredOn.slice(0, 4)))),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export default function PracticeList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("practice");
  const location = useLocation();
  const base = `/o/${data.organization.slug}/practices`;
  const activeFilters = Object.values(data.applied).filter(Boolean).length;
  const valueById = new Map(data.values.map((v) => [v.id, v]));
  const freedomById = new Map(data.freedoms.map((f) => [f.id, f]));
  const format = useFormat();
  const pageLink = (page: number) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    for (const [k, v] of Object.entries(data.applied)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return query ? `?${query}` : base;
  };
  const newLink = data.applied.value ? `${base}/new?value=${encodeURIComponent(data.applied.value)}` : `${base}/new`;

  return (
    <div className="container section stack">
      <div className="page-heading">
        <h1>{t("list.title")}</h1>
        <Link to={newLink} className="button practice-cta">
          <span aria-hidden="true">+</span> {t("list.logNew")}
        </Link>
      </div>
      <p className="section-intro">{t("list.intro")}</p>

      {data.total === 0 && activeFilters === 0 ? (
        <div className="empty-state stack">
          <h2>{t("list.empty.title")}</h2>
          <p>{t("list.empty.body")}</p>
          <p>
            <Link to={newLink} className="button">
              {t("list.empty.cta")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <details className="practice-filters" open={activeFilters > 0}>
            <summary>
              {t("filters.title")}
              {activeFilters ? <span className="badge">{t("filters.active", { count: activeFilters })}</span> : null}
            </summary>
            <Form method="get" action={base} className="filter-grid">
              <FilterSelect
                id="filter-value"
                name="value"
                any={t("filters.all")}
                label={t("filters.value")}
                value={data.applied.value}
                options={data.values
                  .filter((v) => !v.archived || v.slug === data.applied.value)
                  .map((v) => ({ value: v.slug, label: v.name }))}
              />
              <FilterSelect
                id="filter-freedom"
                name="freedom"
                any={t("filters.all")}
                label={t("filters.freedom")}
                value={data.applied.freedom}
                options={data.freedoms
                  .filter((f) => !f.archived || f.slug === data.applied.freedom)
                  .map((f) => ({ value: f.slug, label: f.name }))}
              />
              {data.commitments.length ? (
                <FilterSelect
                  id="filter-commitment"
                  name="commitment"
                  any={t("filters.all")}
                  label={t("filters.commitment")}
                  value={data.applied.commitment}
                  options={data.commitments.map((c) => ({ value: c.id, label: `${c.year} · ${c.title}` }))}
                />
              ) : null}
              <FilterSelect
                id="filter-visibility"
                name="visibility"
                any={t("filters.all")}
                label={t("filters.visibility")}
                value={data.applied.visibility}
                options={VISIBILITY_OPTIONS.map((v) => ({ value: v, label: t(`common:visibility.badge${v}`) }))}
              />
              <div className="field">
                <label htmlFor="filter-from">{t("filters.from")}</label>
                <input id="filter-from" type="date" name="from" defaultValue={data.applied.from} min="2000-01-01" />
              </div>
              <div className="field">
                <label htmlFor="filter-to">{t("filters.to")}</label>
                <input id="filter-to" type="date" name="to" defaultValue={data.applied.to} min="2000-01-01" />
              </div>
              <div className="form-actions">
                <button type="submit" className="button secondary">
                  {t("common:actions.filter")}
                </button>
                {activeFilters ? <Link to={base}>{t("common:actions.clearFilters")}</Link> : null}
              </div>
            </Form>
          </details>

          {data.practices.length ? (
            <div className="table-wrap">
              <table className="data practice-table">
                <caption className="field-help">{t("list.caption", { count: data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("list.table.date")}</th>
                    <th scope="col">{t("list.table.practice")}</th>
                    <th scope="col">{t("list.table.value")}</th>
                    <th scope="col">{t("list.table.people")}</th>
                    <th scope="col">{t("list.table.visibility")}</th>
                    <th scope="col">{t("list.table.freedoms")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.practices.map((p) => {
                    const value = valueById.get(p.valueId);
                    return (
                      <tr key={p.id}>
                        <td data-label={t("list.table.date")} className="cell-date">
                          <time dateTime={p.occurredOn}>{format.date(p.occurredOn)}</time>
                        </td>
                        <td data-label={t("list.table.practice")} className="cell-title">
                          <div>
                            <Link to={`${base}/${p.id}`} className="practice-title">
                              {p.title}
                            </Link>
                            {p.commitment ? (
                              <span className="field-help practice-commitment">
                                {t("list.commitment", { title: p.commitment })}
                              </span>
                            ) : null}
                          </div>
                        </td>
                        <td data-label={t("list.table.value")}>
                          {value ? (
                            <span className="value-tag" style={{ "--tag": value.color } as React.CSSProperties}>
                              {p.valueName ?? value.name}
                            </span>
                          ) : null}
                        </td>
                        <td data-label={t("list.table.people")}>
                          <ParticipantCount participants={p.participants} impacted={p.impactedParticipants} stacked />
                        </td>
                        <td data-label={t("list.table.visibility")}>
                          <div>
                            <VisibilityBadge visibility={p.visibility} />
                            {p.visibility === "PUBLIC" ? (
                              <span className="field-help practice-impacted">
                                {t(p.consentToQuote ? "quote.named" : "quote.anonymous")}
                              </span>
                            ) : null}
                          </div>
                        </td>
                        <td data-label={t("list.table.freedoms")}>
                          {p.freedomIds.length ? (
                            <ul className="tag-list">
                              {p.freedomIds.map((id, i) => {
                                const f = freedomById.get(id);
                                return f ? (
                                  <li
                                    key={id}
                                    className="freedom-name"
                                    style={{ "--tag": f.color } as React.CSSProperties}
                                  >
                                    {p.freedomNames[i] ?? f.name}
                                  </li>
                                ) : null;
                              })}
                            </ul>
                          ) : (
                            <span className="field-help">{t("list.noFreedoms")}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : data.page > data.pages ? null : (
            <p className="empty-state">
              {t("list.noMatch")} <Link to={base}>{t("common:actions.clearFilters")}</Link>
            </p>
          )}

          <Pager page={data.page} pages={data.pages} hrefFor={pageLink} label={t("paging.label")} />
        </>
      )}
    </div>
  );
}
