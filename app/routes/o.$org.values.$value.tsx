import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BesideLegend, BesideMovement } from "~/components/beside-movement";
import { ParticipantCount } from "~/components/participant-count";
import { VisibilityBadge } from "~/components/visibility-field";
import { acceptsCommitments } from "~/models/commitment-options.server";
import { besideGroupMinimum, getOrganizationBeside } from "~/models/movement-beside.server";
import { getValueForOrganization } from "~/models/value-page.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18next.server";
import { valueColor } from "~/utils/palette";
import { recordParam } from "~/utils/http";
import { useFormat } from "~/components/use-format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "read:reflection");
  const lng = await getLocale(request);
  const prisma = await getPrisma();
  const [data, canCommit] = await Promise.all([
    getValueForOrganization({ prisma, organizationId: organization.id, slug: recordParam(params.value), locale: lng }),
    acceptsCommitments({ prisma }),
  ]);
  if (!data) notFound();
  const min = besideGroupMinimum(getEnv().MIN_GROUP_SIZE);
  const year = new Date().getUTCFullYear();
  // an archived value is no longer compared: the movement's numbers are for the values in use
  const [beside] = data.value.archived
    ? []
    : await getOrganizationBeside({
        prisma,
        organizationId: organization.id,
        year,
        minGroupSize: min,
        valueIds: [data.value.id],
      });
  return {
    orgSlug: organization.slug,
    ...data,
    // an archived value takes no new commitment either
    canCommit: canCommit && !data.value.archived,
    beside: beside ? { year, min, item: beside } : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.value.name ?? ""} · North Star` }];

export default function ValuePage() {
  const { orgSlug, value, commitments, practices, practiceCount, reflections, canCommit, beside } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  const base = `/o/${orgSlug}`;
  const format = useFormat();
  const accent = { "--card-accent": valueColor(value.slug, value.position - 1) } as React.CSSProperties;
  return (
    <div className="container section stack" style={accent}>
      <div className="page-heading">
        <h1 className="value-title">{value.name}</h1>
        <Link className="button" to={`${base}/practices/new?value=${value.slug}`}>
          {t("home.logPractice")}
        </Link>
      </div>
      <p className="lede">{value.description}</p>
      {value.archived ? <p className="notice">{t("value.archived")}</p> : null}

      <section aria-labelledby="commitments-heading" className="stack">
        <h2 id="commitments-heading">{t("value.commitments")}</h2>
        {commitments.length ? (
          <ul className="plain-list">
            {commitments.map((c) => (
              <li key={c.id}>
                <Link to={`${base}/commitments/${c.id}`}>{c.title}</Link>
                <span className="status-line">
                  {c.year} · {t(`status.${c.status}`)} ·{" "}
                  {t("home.progress", { percent: format.percent(c.progress / 100) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            {t("home.noCommitments")}{" "}
            {canCommit ? (
              <Link to={`${base}/commitments/new?value=${value.slug}`}>{t("home.addCommitment")}</Link>
            ) : value.archived ? null : (
              t("home.commitmentsWithCycle")
            )}
          </p>
        )}
      </section>

      <section aria-labelledby="practices-heading" className="stack">
        <h2 id="practices-heading">{t("value.practices")}</h2>
        {practices.length ? (
          <>
            <ol className="timeline">
              {practices.map((p) => (
                <li key={p.id}>
                  <time dateTime={p.occurredOn}>{format.date(p.occurredOn)}</time> ·{" "}
                  <Link to={`${base}/practices/${p.id}`}>{p.title}</Link> <VisibilityBadge visibility={p.visibility} />
                  <span className="status-line">
                    <ParticipantCount participants={p.participants} impacted={p.impactedParticipants} />
                  </span>
                </li>
              ))}
            </ol>
            <p className="muted">
              {t("value.practicesShown", { shown: practices.length, count: practiceCount })}{" "}
              <Link to={`${base}/practices?value=${value.slug}`}>{t("value.allPractices")}</Link>
            </p>
          </>
        ) : (
          <p className="muted">{t("value.noPractices")}</p>
        )}
      </section>

      {beside ? (
        <section aria-labelledby="beside-heading" className="card stack">
          <h2 id="beside-heading">{t("beside.title")}</h2>
          <p>{t("beside.intro", { year: beside.year, min: beside.min })}</p>
          <BesideLegend />
          <BesideMovement item={beside.item} min={beside.min} />
        </section>
      ) : null}

      <section aria-labelledby="reflections-heading" className="stack">
        <h2 id="reflections-heading">{t("value.reflections")}</h2>
        {reflections.length ? (
          <div className="year-columns">
            {reflections.map((r) => (
              <article key={r.year} className="card" aria-labelledby={`reflection-${r.year}`}>
                <h3 id={`reflection-${r.year}`}>
                  <Link to={`${base}/reflections/${r.year}?step=${value.slug}`}>{r.year}</Link>
                </h3>
                <p>
                  {r.levelName ? t("value.level", { level: `${r.rubricLevel} · ${r.levelName}` }) : t("value.noLevel")}{" "}
                  · {t(`home.reflection${r.status}`)} <VisibilityBadge visibility={r.visibility} />
                </p>
                <dl>
                  <dt>{t("value.wentWell")}</dt>
                  <dd>{r.wentWell || "—"}</dd>
                  <dt>{t("value.challenges")}</dt>
                  <dd>{r.challenges || "—"}</dd>
                  <dt>{t("value.nextSteps")}</dt>
                  <dd>{r.nextSteps || "—"}</dd>
                </dl>
              </article>
            ))}
          </div>
        ) : (
          <p className="muted">{t("value.noReflections")}</p>
        )}
      </section>
    </div>
  );
}
