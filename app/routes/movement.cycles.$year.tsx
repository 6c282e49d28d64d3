import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleStatusBadge } from "~/components/cycle-status";
import { useFormat } from "~/components/use-format";
import { CycleTracker } from "~/components/cycle-tracker";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { getSubmissionTracker } from "~/models/cycle-tracker.server";
import { cyclePageSchema, parseTrackerFilters } from "~/models/cycle-schema";
import { TRANSITIONS, getCycleByParam, getCyclePrompts, transitionCycle } from "~/models/cycle.server";
import { pauseReminders, resumeReminders, sendRemindersNow } from "~/models/reminder.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { searchParamsOf } from "~/utils/http";
import i18next, { getLocale } from "~/utils/i18next.server";
import { coalitionRoleCan } from "~/utils/permissions";
import { sessionSecret } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

async function loadCycle(request: Request, param: string | undefined) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const cycle = await getCycleByParam({ prisma: await getPrisma(), param });
  if (!cycle) notFound();
  return { user, cycle };
}

/** One cycle: its dates and prompts, its state machine (admins) and the submission tracker (staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cycle } = await loadCycle(request, params.year);
  const search = searchParamsOf(request);
  const filters = parseTrackerFilters(search);
  const locale = await getLocale(request);
  const prisma = await getPrisma();
  const [prompts, tracker, t] = await Promise.all([
    getCyclePrompts({ prisma, year: cycle.year, locale }),
    getSubmissionTracker({ prisma, cycleId: cycle.id, locale, ...filters }),
    i18next.getFixedT(request, "cycle"),
  ]);
  return {
    title: t("page.title", { year: cycle.year }),
    cycle: {
      year: cycle.year,
      status: cycle.status,
      opensOn: cycle.opensOn,
      closesOn: cycle.closesOn,
      reminderIntervalDays: cycle.reminderIntervalDays,
    },
    prompts: prompts.map((p) => ({ valueId: p.valueId, name: p.name, prompt: locale === "es" ? p.es : p.en })),
    transitions: coalitionRoleCan(user.coalitionRole, "manage:cycle") ? TRANSITIONS[cycle.status] : [],
    canRemind: coalitionRoleCan(user.coalitionRole, "send:reminder"),
    filters: { region: filters.region ?? "", state: filters.state ?? "" },
    tracker,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cycle } = await loadCycle(request, params.year);
  const submission = await parseForm(request, cyclePageSchema());
  if (submission.status !== "success") return reply(submission);
  const value = submission.value;
  const prisma = await getPrisma();
  const here = `/movement/cycles/${cycle.year}`;
  const links = { appUrl: getEnv().APP_URL, secret: sessionSecret() };

  switch (value.intent) {
    case "open":
    case "close":
    case "reopen": {
      requireCoalitionPermission(user, "manage:cycle");
      const reason = value.intent === "reopen" ? value.reason : undefined;
      const moved = await transitionCycle({
        prisma,
        actorId: user.id,
        year: cycle.year,
        transition: value.intent,
        reason,
        appUrl: links.appUrl,
      });
      if (!moved.ok) return replyFailure(submission, moved);
      return redirectWithToast(here, { key: `cycle:page.${value.intent}.done`, values: { year: cycle.year } });
    }
    case "remind": {
      requireCoalitionPermission(user, "send:reminder");
      const sent = await sendRemindersNow({
        prisma,
        actorId: user.id,
        year: cycle.year,
        organizationId: value.organizationId,
        ...links,
      });
      if (!sent.ok) return replyFailure(submission, sent);
      return redirectWithToast(here, { key: "cycle:tracker.reminded", values: { count: sent.value.sent } });
    }
    case "pause":
    case "resume": {
      requireCoalitionPermission(user, "send:reminder");
      const org =
        value.intent === "pause"
          ? await pauseReminders({
              prisma,
              actorId: user.id,
              organizationId: value.organizationId,
              until: value.until ?? null,
            })
          : await resumeReminders({ prisma, actorId: user.id, organizationId: value.organizationId });
      if (!org.ok) notFound();
      return redirectWithToast(here, { key: `cycle:tracker.${value.intent}d`, values: { name: org.value.name } });
    }
  }
}

export default function CyclePage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("cycle");
  const format = useFormat();
  const { cycle } = data;
  return (
    <div className="container section stack">
      <p>
        <Link to="/movement/cycles">{t("page.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{t("page.title", { year: cycle.year })}</h1>
        <CycleStatusBadge status={cycle.status} />
      </div>
      <p className="section-intro">
        {t("list.range", { from: format.date(cycle.opensOn), to: format.date(cycle.closesOn) })} ·{" "}
        {t("page.interval", { count: cycle.reminderIntervalDays })}
      </p>
      <ErrorList errors={lastResult?.error?.[""] ?? null} />

      {data.transitions.length ? (
        <section aria-labelledby="state-heading" className="card stack">
          <h2 id="state-heading">{t("page.stateTitle")}</h2>
          {cycle.status === "DRAFT" ? (
            <p>
              <Link to={`/movement/cycles/${cycle.year}/edit`}>{t("page.edit")}</Link>
            </p>
          ) : null}
          {data.transitions.map((transition) => (
            <Form method="post" key={transition} className="stack">
              <p className="field-help">{t(`page.${transition}.help`)}</p>
              {transition === "reopen" ? (
                <div className="field">
                  <label htmlFor="reopen-reason">{t("page.reopen.reason")}</label>
                  <textarea
                    id="reopen-reason"
                    name="reason"
                    rows={2}
                    maxLength={500}
                    required
                    aria-describedby="reopen-reason-errors"
                  />
                  <ErrorList id="reopen-reason-errors" errors={lastResult?.error?.reason ?? null} />
                </div>
              ) : null}
              <SubmitButton
                name="intent"
                value={transition}
                className={transition === "close" ? "button secondary" : "button"}
              >
                {t(`page.${transition}.submit`)}
              </SubmitButton>
            </Form>
          ))}
        </section>
      ) : null}

      <details className="card">
        <summary>{t("page.prompts")}</summary>
        <dl className="stack">
          {data.prompts.map((p) => (
            <div key={p.valueId}>
              <dt>
                <strong>{p.name}</strong>
              </dt>
              <dd>{p.prompt || t("page.noPrompt")}</dd>
            </div>
          ))}
        </dl>
      </details>

      <CycleTracker
        year={cycle.year}
        open={cycle.status === "OPEN"}
        canRemind={data.canRemind}
        filters={data.filters}
        tracker={data.tracker}
      />
    </div>
  );
}
