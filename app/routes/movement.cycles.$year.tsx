import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleStatusBadge } from "~/components/cycle-status";
import { ConfirmStep } from "~/components/confirm-step";
import { useFormat } from "~/components/use-format";
import { CycleTracker } from "~/components/cycle-tracker";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { getSubmissionTracker } from "~/models/cycle-tracker.server";
import { cyclePageSchema, parseTrackerFilters } from "~/models/cycle-schema";
import {
  TRANSITIONS,
  getCycleByParam,
  getCyclePrompts,
  previewTransition,
  transitionCycle,
} from "~/models/cycle.server";
import { pauseReminders, previewReminders, resumeReminders, sendRemindersNow } from "~/models/reminder.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { filterParamsOf } from "~/utils/http";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { coalitionRoleCan } from "~/utils/permissions";
import { sessionSecret } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { emailDelivery, type EmailDelivery } from "~/utils/mailer.server";

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
  const search = filterParamsOf(request);
  const filters = parseTrackerFilters(search);
  const locale = await getLocale(request);
  const prisma = await getPrisma();
  const [prompts, tracker, t] = await Promise.all([
    getCyclePrompts({ prisma, year: cycle.year, locale }),
    getSubmissionTracker({ prisma, cycleId: cycle.id, locale, ...filters }),
    fixedT(request, "cycle"),
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
    mail: emailDelivery(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cycle } = await loadCycle(request, params.year);
  const submission = await parseForm(request, cyclePageSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  // one answer shape, so the page's types see the confirmation step beside the form results
  const form = {
    intent,
    confirm: null as CyclePreview | null,
    remindAll: null as { emails: number; organizations: number } | null,
  };
  if (submission.status !== "success") return reply(submission, {}, form);
  const value = submission.value;
  const prisma = await getPrisma();
  const here = `/movement/cycles/${cycle.year}`;
  const links = { appUrl: getEnv().APP_URL, secret: sessionSecret() };

  switch (value.intent) {
    case "open":
    case "close":
    case "reopen": {
      requireCoalitionPermission(user, "manage:cycle");
      // the first post of an open or a close only says what it would do (who gets an email, what is frozen)
      if (value.intent !== "reopen" && !value.confirm) {
        const locale = await getLocale(request);
        const preview = await previewTransition({ prisma, year: cycle.year, transition: value.intent, locale });
        if (!preview.ok) return replyFailure(submission, preview, {}, form);
        return reply(submission, { status: 200 }, { ...form, confirm: preview.value });
      }
      const reason = value.intent === "reopen" ? value.reason : undefined;
      const moved = await transitionCycle({
        prisma,
        actorId: user.id,
        year: cycle.year,
        transition: value.intent,
        reason,
        appUrl: links.appUrl,
      });
      if (!moved.ok) return replyFailure(submission, moved, {}, form);
      // opening announces the cycle to the leads: the toast says where those emails went
      return redirectWithToast(here, {
        key: `cycle:page.${value.intent}.done`,
        values: { year: cycle.year, ...(value.intent === "open" ? { context: emailDelivery() } : {}) },
      });
    }
    case "remind": {
      requireCoalitionPermission(user, "send:reminder");
      if (!value.organizationId && !value.confirm) {
        const preview = await previewReminders({ prisma, year: cycle.year });
        if (!preview.ok) return replyFailure(submission, preview, {}, form);
        return reply(submission, { status: 200 }, { ...form, remindAll: preview.value });
      }
      const sent = await sendRemindersNow({
        prisma,
        actorId: user.id,
        year: cycle.year,
        organizationId: value.organizationId,
        ...links,
      });
      if (!sent.ok) return replyFailure(submission, sent, {}, form);
      return redirectWithToast(here, {
        key: "cycle:tracker.reminded",
        values: { count: sent.value.sent, context: emailDelivery() },
      });
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
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.result;
  const confirm = actionData?.confirm ?? null;
  const remindAll = actionData?.remindAll ?? null;
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
      {/* the announcements and reminders this page speaks of, where no mail server sends them */}
      {data.mail !== "SMTP" ? <p className="notice">{t("page.mailNotice", { context: data.mail })}</p> : null}
      <ErrorList errors={lastResult?.error?.[""] ?? null} />
      {confirm ? <ConfirmTransition year={cycle.year} preview={confirm} mail={data.mail} /> : null}
      {remindAll ? (
        <ConfirmStep
          id="confirm-remind"
          title={t("tracker.remindConfirm.title", { year: cycle.year, context: data.mail })}
          fields={{ intent: "remind" }}
          confirmLabel={t("tracker.remindConfirm.submit", { context: data.mail })}
        >
          <p>
            {t("tracker.remindConfirm.body", {
              count: remindAll.emails,
              organizations: remindAll.organizations,
              context: data.mail,
            })}
          </p>
        </ConfirmStep>
      ) : null}

      {/* while a move waits for its confirmation, the step is the one thing to answer */}
      {data.transitions.length && !confirm ? (
        <section aria-labelledby="state-heading" className="card stack">
          <h2 id="state-heading">{t("page.stateTitle")}</h2>
          {cycle.status === "DRAFT" ? (
            <p>
              <Link to={`/movement/cycles/${cycle.year}/edit`}>{t("page.edit")}</Link>
            </p>
          ) : null}
          {data.transitions.map((transition) => (
            <Form method="post" key={transition} className="stack">
              <p className="field-help">{t(`page.${transition}.help`, { context: data.mail })}</p>
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
        mail={data.mail}
      />
    </div>
  );
}

type CyclePreview = Extract<Awaited<ReturnType<typeof previewTransition>>, { ok: true }>["value"];

/**
 * The step between the button and the move: who gets an email (open), worded by what this server does with
 * emails (sends them, keeps them in the outbox, or neither), and what is frozen (close).
 */
function ConfirmTransition({ year, preview, mail }: { year: number; preview: CyclePreview; mail: EmailDelivery }) {
  const { t } = useTranslation("cycle");
  const key = `page.${preview.transition}.confirm` as const;
  return (
    <ConfirmStep
      id={`confirm-${preview.transition}`}
      title={t(`${key}.title`, { year })}
      fields={{ intent: preview.transition }}
      confirmLabel={t(`${key}.submit`, { context: mail })}
    >
      {preview.transition === "open" ? (
        <p>{t("page.open.confirm.body", { count: preview.leads, context: mail })}</p>
      ) : (
        <ul>
          <li>{t("page.close.confirm.submitted", { count: preview.submitted })}</li>
          <li>{t("page.close.confirm.drafts", { count: preview.drafts })}</li>
          <li>{t("page.close.confirm.notStarted", { count: preview.notStarted })}</li>
        </ul>
      )}
      <p>{t(`${key}.after`, { context: mail })}</p>
    </ConfirmStep>
  );
}
