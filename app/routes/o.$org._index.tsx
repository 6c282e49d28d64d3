import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BesideLegend, BesideMovement } from "~/components/beside-movement";
import { CycleAnnouncement } from "~/components/cycle-announcement";
import { ParticipantCount } from "~/components/participant-count";
import { acceptsCommitments } from "~/models/commitment-options.server";
import { countCopyable } from "~/models/commitment.server";
import { getOpenCycleSummary } from "~/models/cycle.server";
import { besideGroupMinimum, getOrganizationBeside } from "~/models/movement-beside.server";
import { getWorkspaceOverview } from "~/models/workspace.server";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18next.server";
import { valueColor } from "~/utils/palette";
import { useFormat } from "~/components/use-format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:org");
  const locale = await getLocale(request);
  const prisma = await getPrisma();
  const min = besideGroupMinimum(getEnv().MIN_GROUP_SIZE);
  const year = new Date().getUTCFullYear();
  const [overview, openCycle, beside, canCommit] = await Promise.all([
    getWorkspaceOverview({ prisma, organizationId: organization.id, locale }),
    getOpenCycleSummary({ prisma, locale }),
    getOrganizationBeside({ prisma, organizationId: organization.id, year, minGroupSize: min }),
    acceptsCommitments({ prisma }),
  ]);
  // leads are offered to carry last year's unfinished commitments into the open cycle
  const copyable =
    openCycle && role === "LEAD"
      ? await countCopyable({ prisma, organizationId: organization.id, toYear: openCycle.year })
      : 0;
  const names = new Map(overview.values.map((v) => [v.id, v.name]));
  return {
    organization: { slug: organization.slug, name: organization.name },
    overview,
    openCycle,
    copyable,
    canCommit,
    beside: { year, min, values: beside.map((b) => ({ ...b, name: names.get(b.valueId) })) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? ""} · North Star` },
];

export default function OrganizationHome() {
  const { organization, overview, openCycle, copyable, canCommit, beside } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  const format = useFormat();
  const base = `/o/${organization.slug}`;
  const { attention, cycle } = overview;
  const needsAttention = attention.staleCommitments.length > 0 || attention.reflectionNotStarted;
  return (
    <div className="container section stack">
      <div className="page-heading">
        <h1>{t("home.title", { org: organization.name })}</h1>
        <Link className="button" to={`${base}/practices/new`}>
          {t("home.logPractice")}
        </Link>
      </div>
      <p className="section-intro">
        {cycle
          ? `${t("home.cycle", { year: cycle.year })} · ${cycle.status === "OPEN" ? t("home.cycleOpen", { date: format.date(cycle.closesOn) }) : cycle.status === "DRAFT" ? t("home.cycleDraft") : t("home.cycleClosed")}`
          : t("home.noCycle", { year: overview.year })}
        {/* said once for the page, not in each value's card */}
        {canCommit ? null : `${cycle ? " · " : " "}${t("home.commitmentsWithCycle")}`}
      </p>

      {openCycle ? <CycleAnnouncement base={base} cycle={openCycle} copyable={copyable} /> : null}

      <section aria-labelledby="attention-heading" className={needsAttention ? "notice attention" : "notice"}>
        <div>
          <h2 id="attention-heading">{t("home.attention")}</h2>
          {needsAttention ? (
            <ul className="attention-list">
              {attention.reflectionNotStarted ? (
                <li>
                  {t("home.reflectionNotStarted")}{" "}
                  <Link to={`${base}/reflections/${overview.year}`}>{t("home.startReflection")}</Link>
                </li>
              ) : null}
              {attention.staleCommitments.map((c) => (
                <li key={c.id}>
                  <Link to={`${base}/commitments/${c.id}`}>
                    {t("home.staleCommitment", { title: c.title, date: format.date(c.lastUpdateAt) })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home.allGood")}</p>
          )}
        </div>
      </section>

      <ul className="value-grid" aria-label={t("home.title", { org: organization.name })}>
        {overview.values.map((v) => (
          <li
            key={v.id}
            className="card value-card"
            style={{ "--card-accent": valueColor(v.slug, v.position - 1) } as React.CSSProperties}
          >
            <h2>
              <Link to={`${base}/values/${v.slug}`}>{v.name}</Link>
            </h2>
            <p className="value-stats">
              <strong>{t("home.practicesYear", { count: v.practicesYear })}</strong> ·{" "}
              {t("home.practicesQuarter", { count: v.practicesQuarter })}
              <br />
              <ParticipantCount participants={v.participants} impacted={v.impactedParticipants} />
            </p>
            <h3>{t("home.commitments")}</h3>
            {v.commitments.length ? (
              <ul className="plain-list compact">
                {v.commitments.map((c) => (
                  <li key={c.id}>
                    <Link to={`${base}/commitments/${c.id}`}>{c.title}</Link>
                    <span className="status-line">
                      {t(`status.${c.status}`)} · {t("home.progress", { percent: format.percent(c.progress / 100) })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">
                {t("home.noCommitments")}
                {canCommit ? (
                  <>
                    {" "}
                    <Link to={`${base}/commitments/new?value=${v.slug}`}>{t("home.addCommitment")}</Link>
                  </>
                ) : null}
              </p>
            )}
            <p className="reflection-state">
              <strong>{t("home.reflection")}:</strong>{" "}
              <Link to={`${base}/reflections/${overview.year}?step=${v.slug}`}>
                {v.reflection ? t(`home.reflection${v.reflection.status}`) : t("home.reflectionNone")}
              </Link>
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="beside-heading" className="card stack">
        <h2 id="beside-heading">{t("beside.title")}</h2>
        <p>{t("beside.intro", { year: beside.year, min: beside.min })}</p>
        <BesideLegend />
        <div className="beside-grid">
          {beside.values.map((b) => (
            <BesideMovement key={b.valueId} item={b} min={beside.min} />
          ))}
        </div>
      </section>
    </div>
  );
}
