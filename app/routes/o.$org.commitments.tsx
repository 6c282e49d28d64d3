import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentStatusBadge, ProgressMeter } from "~/components/commitment-status";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { isWritableCycle, listCycles } from "~/models/commitment-options.server";
import { copyForwardSchema, yearParam } from "~/models/commitment-schema";
import { copyCommitmentsForward, countCopyable, listCommitments } from "~/models/commitment.server";
import { getFrameworkOptions } from "~/models/practice-options.server";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";
import { filterParamsOf } from "~/utils/http";
import { useFormat } from "~/components/use-format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "read:commitment");
  const thisYear = new Date().getUTCFullYear();
  const year = yearParam(filterParamsOf(request).get("year"), thisYear);
  const prisma = await getPrisma();
  const lng = await getLocale(request);
  const [framework, cycles, commitments, copyable, t] = await Promise.all([
    // archived values too: an older commitment keeps the name it was made under
    getFrameworkOptions({ prisma, locale: lng, includeArchived: true }),
    listCycles({ prisma }),
    listCommitments({ prisma, organizationId: organization.id, year }),
    countCopyable({ prisma, organizationId: organization.id, toYear: year }),
    fixedT(request, "commitment"),
  ]);
  const cycle = cycles.find((c) => c.year === year) ?? null;
  const writable = isWritableCycle(cycle);
  const groups = framework.values
    .map((v) => ({
      id: v.id,
      slug: v.slug,
      name: v.name,
      color: v.color,
      archived: v.archived,
      commitments: commitments
        .filter((c) => c.valueId === v.id)
        .map((c) => ({
          id: c.id,
          title: c.title,
          status: c.status,
          progress: c.progress,
          target: c.target,
          lastUpdateAt: c.lastUpdateAt,
        })),
    }))
    .filter((g) => !g.archived || g.commitments.length > 0);
  return {
    title: t("list.title", { year }),
    organization: { slug: organization.slug, name: organization.name },
    year,
    years: [...new Set([thisYear, year, ...cycles.map((c) => c.year)])].sort((a, b) => b - a),
    cycleStatus: cycle?.status ?? null,
    writable,
    copyable: writable ? copyable : 0,
    total: commitments.length,
    groups,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:commitment");
  const submission = await parseForm(request, copyForwardSchema);
  if (submission.status !== "success") return reply(submission);
  const { year } = submission.value;
  const copied = await copyCommitmentsForward({
    prisma: await getPrisma(),
    organizationId: organization.id,
    actorId: user.id,
    toYear: year,
  });
  if (!copied.ok) return replyFailure(submission, copied);
  // a repeated click copies nothing more and says so
  return redirectWithToast(`/o/${organization.slug}/commitments?year=${year}`, {
    key: copied.value.copied ? "commitment:copy.done" : "commitment:copy.none",
    values: { count: copied.value.copied, year },
  });
}

export default function Commitments() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("commitment");
  const format = useFormat();
  const [copyForm] = useForm({ id: "copy-forward", lastResult });
  const base = `/o/${data.organization.slug}/commitments`;
  const newLink = (valueSlug?: string) =>
    `${base}/new?${new URLSearchParams({ year: String(data.year), ...(valueSlug ? { value: valueSlug } : {}) })}`;
  return (
    <div className="container section stack">
      <div className="page-heading">
        <h1>{t("list.title", { year: data.year })}</h1>
        {data.writable ? (
          <Link className="button" to={newLink()}>
            {t("list.new")}
          </Link>
        ) : null}
      </div>
      <p className="section-intro">{t("list.intro")}</p>
      <Form method="get" className="year-picker" key={data.year}>
        <label htmlFor="commitments-year">{t("list.year")}</label>
        <select id="commitments-year" name="year" defaultValue={String(data.year)}>
          {data.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary small">
          {t("list.show")}
        </button>
      </Form>
      {data.cycleStatus === null ? <p className="notice">{t("list.noCycle", { year: data.year })}</p> : null}
      {data.cycleStatus === "CLOSED" ? <p className="notice">{t("list.closed", { year: data.year })}</p> : null}
      {data.copyable > 0 ? (
        <Form method="post" className="notice copy-forward" {...getFormProps(copyForm)}>
          <div className="stack">
            <h2>{t("copy.title")}</h2>
            <p>{t("copy.body", { count: data.copyable, previous: data.year - 1, year: data.year })}</p>
            <ErrorList id={copyForm.errorId} errors={copyForm.errors} />
            <input type="hidden" name="intent" value="copy-forward" />
            <input type="hidden" name="year" value={data.year} />
            <SubmitButton className="button secondary">{t("copy.submit")}</SubmitButton>
          </div>
        </Form>
      ) : null}
      {data.total === 0 ? (
        <div className="empty-state stack">
          <h2>{t("list.empty.title", { year: data.year })}</h2>
          <p>{t("list.empty.body")}</p>
          {data.writable ? (
            <Link className="button" to={newLink()}>
              {t("list.empty.cta")}
            </Link>
          ) : null}
        </div>
      ) : (
        data.groups.map((g) => (
          <section
            key={g.id}
            className="value-group"
            aria-labelledby={`value-${g.slug}`}
            style={{ "--tag": g.color } as React.CSSProperties}
          >
            <h2 id={`value-${g.slug}`} className="value-tag">
              {g.name}
            </h2>
            {g.commitments.length ? (
              <ul className="card-list">
                {g.commitments.map((c) => (
                  <li key={c.id} className="commitment-row">
                    <h3>
                      <Link to={`${base}/${c.id}`}>{c.title}</Link>
                    </h3>
                    <div className="commitment-state">
                      <CommitmentStatusBadge status={c.status} />
                      <ProgressMeter value={c.progress} label={t("fields.progress")} />
                    </div>
                    {c.target ? <p className="field-help">{t("list.target", { target: c.target })}</p> : null}
                    <p className="field-help">{t("list.lastUpdate", { date: format.date(c.lastUpdateAt) })}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="field-help">{t("list.noneForValue")}</p>
            )}
            {data.writable && !g.archived ? (
              <p>
                <Link to={newLink(g.slug)}>{t("list.addForValue", { value: g.name })}</Link>
              </p>
            ) : null}
          </section>
        ))
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
