import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReflectionLeadActions } from "~/components/reflection-lead-actions";
import { ReflectionNoCycle } from "~/components/reflection-no-cycle";
import {
  ConsentField,
  LastYearNote,
  ReflectionAnswers,
  ReflectionOverview,
  ReflectionStepList,
  ReflectionTextFields,
  RubricLevelField,
  StepPager,
  type StepState,
} from "~/components/reflection-step";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { VisibilityField } from "~/components/visibility-field";
import { reflectionStepRules } from "~/models/reflection-rules";
import { reflectionIntentSchema, type ReflectionStepInput } from "~/models/reflection-schema";
import { getReflectionYear, reopenReflection, saveReflectionStep, submitReflection } from "~/models/reflection.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { validateWithRules } from "~/utils/form-rules";
import { orgRoleCan } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { searchParamsOf } from "~/utils/http";
import { useFormat } from "~/components/use-format";

/** The year in the URL; anything but four digits is not a page. */
function yearParam(value: string | undefined) {
  if (!value || !/^\d{4}$/.test(value)) notFound();
  return Number(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:reflection");
  const year = yearParam(params.year);
  const lng = await getLocale(request);
  const [reflection, t] = await Promise.all([
    getReflectionYear({ prisma: await getPrisma(), organizationId: organization.id, year, locale: lng }),
    fixedT(request, "reflection"),
  ]);
  if (!reflection) {
    // the year the organization's pages link to (this one, or the next once its cycle is planned) has no cycle
    // yet: the page says so; any other year without one is no page
    const thisYear = new Date().getUTCFullYear();
    if (year !== thisYear && year !== thisYear + 1) notFound();
    return {
      noCycle: true as const,
      title: t("title", { year }),
      organization: { slug: organization.slug, name: organization.name },
      year,
    };
  }
  const { cycle, submitted, steps } = reflection;
  // "submitted" is the year's state, which only the lead's submit sets; before it every saved step is a draft
  const stateOf = (s: (typeof steps)[number]): StepState =>
    submitted ? "submitted" : !s.reflection ? "empty" : s.reflection.rubricLevel === null ? "draft" : "done";
  const unfinished = steps.filter((s) => !s.archived && !s.reflection?.rubricLevel);
  const asked = searchParamsOf(request).get("step");
  const current = steps.find((s) => s.slug === asked) ?? unfinished[0] ?? steps[0] ?? null;
  const index = current ? steps.indexOf(current) : -1;
  const next = steps[index + 1] ?? unfinished.find((s) => s !== current) ?? current;
  const canSubmit = orgRoleCan(role, "submit:reflection");
  const open = cycle.status === "OPEN";
  const r = current?.reflection ?? null;
  return {
    noCycle: false as const,
    title: t("title", { year }),
    organization: { slug: organization.slug, name: organization.name },
    year,
    cycle: { status: cycle.status, closesOn: cycle.closesOn },
    submitted,
    submittedAt: reflection.submittedAt,
    canSubmit,
    // an archived value takes no new answers; its step shows what was written
    editable: open && !submitted && !current?.archived,
    canReopen: open && submitted && canSubmit,
    doneCount: steps.length - unfinished.length,
    steps: steps.map((s) => ({
      valueId: s.valueId,
      slug: s.slug,
      name: s.name,
      color: s.color,
      state: stateOf(s),
      levelName: s.levels.find((l) => l.level === s.reflection?.rubricLevel)?.name ?? null,
      practices: s.practices,
    })),
    // only the step on screen carries its text
    current: current && {
      number: index + 1,
      valueId: current.valueId,
      slug: current.slug,
      name: current.name,
      description: current.description,
      color: current.color,
      prompt: current.prompt,
      levels: current.levels,
      lastYearNextSteps: current.lastYearNextSteps,
      version: r?.version ?? 0,
      answer: r && {
        rubricLevel: r.rubricLevel,
        wentWell: r.wentWell,
        challenges: r.challenges,
        nextSteps: r.nextSteps,
        visibility: r.visibility,
        consentToQuote: r.consentToQuote,
      },
      nextSlug: next?.slug ?? current.slug,
      previous: steps[index - 1] ? { slug: steps[index - 1].slug, name: steps[index - 1].name } : null,
      following: steps[index + 1] ? { slug: steps[index + 1].slug, name: steps[index + 1].name } : null,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:reflection");
  const year = yearParam(params.year);
  const submission = await parseForm(request, reflectionIntentSchema);
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  if (submission.status !== "success") return reply(submission, {}, { intent, missing: [] as string[] });
  const value = submission.value;
  // submitting and reopening are the lead's: anyone else gets the same 404 as a stranger
  if (value.intent !== "save") requireOrgPermission(user, params.org, "submit:reflection");
  const write = { prisma: await getPrisma(), organizationId: organization.id, actorId: user.id, year };
  const here = `/o/${organization.slug}/reflections/${year}`;
  const result =
    value.intent === "save"
      ? await saveReflectionStep({ ...write, version: value.version, input: value })
      : value.intent === "submit"
        ? await submitReflection(write)
        : await reopenReflection(write);
  // the steps still without a level come back by value id, for the page to name them
  if (!result.ok) return replyFailure(submission, result, {}, { intent, missing: result.items ?? [] });
  if (value.intent === "save")
    return redirectWithToast(`${here}?step=${value.nextStep}`, { key: "reflection:toast.saved" });
  return redirectWithToast(here, {
    key: value.intent === "submit" ? "reflection:submit.done" : "reflection:reopen.done",
    values: { year },
  });
}

type Data = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { noCycle: false }>;
type Step = NonNullable<Data["current"]>;

export default function ReflectionYear() {
  const data = useLoaderData<typeof loader>();
  if (data.noCycle) return <ReflectionNoCycle year={data.year} organization={data.organization.slug} />;
  return <ReflectionPage data={data} />;
}

function ReflectionPage({ data }: { data: Data }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("reflection");
  const step = data.current;
  const format = useFormat();
  const stepResult = actionData?.intent === "save" ? actionData.result : undefined;
  const leadResult = actionData && actionData.intent !== "save" ? actionData : undefined;
  return (
    <div className="container section stack">
      <h1>{t("title", { year: data.year })}</h1>
      <p className="section-intro">{t("intro")}</p>
      <p className="notice">
        {data.cycle.status === "CLOSED"
          ? t("state.closed", { year: data.year })
          : data.cycle.status === "DRAFT"
            ? t("state.notOpen")
            : data.submitted
              ? t("state.submitted", { date: data.submittedAt ? format.date(data.submittedAt, "long") : "" })
              : t("state.open", { date: format.date(data.cycle.closesOn, "long") })}
      </p>
      {step ? (
        <div className="reflection-layout">
          <ReflectionStepList steps={data.steps} current={step.slug} doneCount={data.doneCount} />
          <section
            className="stack reflection-step"
            aria-labelledby="step-title"
            style={{ "--tag": step.color } as React.CSSProperties}
          >
            <p className="field-help">{t("steps.stepOf", { current: step.number, total: data.steps.length })}</p>
            <h2 id="step-title" className="value-tag">
              {step.name}
            </h2>
            <p>{step.description}</p>
            {step.prompt ? (
              <div className="prompt">
                <p className="field-help">{t("step.prompt")}</p>
                <blockquote className="quote">{step.prompt}</blockquote>
              </div>
            ) : null}
            {data.editable ? (
              <StepForm key={`${step.slug}-${step.version}`} step={step} lastResult={stepResult} />
            ) : (
              <>
                <ReflectionAnswers answer={step.answer} levels={step.levels} />
                <StepPager previous={step.previous} following={step.following} />
              </>
            )}
          </section>
        </div>
      ) : (
        <p className="empty-state">{t("noValues")}</p>
      )}
      {data.steps.length ? (
        <ReflectionOverview organization={data.organization.slug} year={data.year} steps={data.steps} />
      ) : null}
      <ReflectionLeadActions data={data} result={leadResult} />
    </div>
  );
}

function StepForm({ step, lastResult }: { step: Step; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("reflection");
  const a = step.answer;
  const [form, fields] = useForm<ReflectionStepInput, Record<string, unknown>>({
    id: "reflection-step",
    lastResult,
    defaultValue: {
      rubricLevel: a?.rubricLevel ? String(a.rubricLevel) : undefined,
      wentWell: a?.wentWell ?? "",
      challenges: a?.challenges ?? "",
      nextSteps: a?.nextSteps ?? "",
      visibility: a?.visibility ?? "PRIVATE",
      consentToQuote: a?.consentToQuote ? "on" : undefined,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWithRules(formData, reflectionStepRules),
  });
  const visibility =
    fields.visibility.value === "COALITION" || fields.visibility.value === "PUBLIC"
      ? fields.visibility.value
      : "PRIVATE";
  return (
    <div className="step-columns">
      <LastYearNote text={step.lastYearNextSteps} />
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="valueId" value={step.valueId} />
        <input type="hidden" name="version" value={step.version} />
        <input type="hidden" name="nextStep" value={step.nextSlug} />
        <RubricLevelField meta={fields.rubricLevel} levels={step.levels} />
        <ReflectionTextFields fields={fields} />
        <VisibilityField
          name={fields.visibility.name}
          defaultValue={visibility}
          errors={fields.visibility.errors}
          errorId={fields.visibility.errorId}
        />
        <ConsentField meta={fields.consentToQuote} publicChosen={visibility === "PUBLIC"} />
        <div className="form-actions">
          <SubmitButton>{t("step.save")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
