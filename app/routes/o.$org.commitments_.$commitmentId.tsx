import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentFields, CommitmentUpdateFields, type CommitmentValueOption } from "~/components/commitment-fields";
import { CommitmentStatusBadge, ProgressMeter } from "~/components/commitment-status";
import { CommitmentTimeline } from "~/components/commitment-timeline";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { isWritableCycle, listCycles } from "~/models/commitment-options.server";
import { commitmentRules, commitmentUpdateRules } from "~/models/commitment-rules";
import { commitmentIntentSchema, type CommitmentInput, type CommitmentUpdateInput } from "~/models/commitment-schema";
import {
  addCommitmentUpdate,
  checkCommitmentReferences,
  findCommitmentCycle,
  getCommitment,
  updateCommitment,
} from "~/models/commitment.server";
import { getFrameworkOptions } from "~/models/practice-options.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { getLocale } from "~/utils/i18next.server";
import { validateWithRules } from "~/utils/form-rules";
import { redirectWithToast } from "~/utils/toast.server";
import { recordParam } from "~/utils/http";

// Two forms post here: a dated update (with the version it saw and its submission key) and the edit.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "read:commitment");
  const prisma = await getPrisma();
  const commitment = await getCommitment({
    prisma,
    organizationId: organization.id,
    id: recordParam(params.commitmentId),
  });
  if (!commitment) notFound();
  const lng = await getLocale(request);
  const [framework, cycles] = await Promise.all([
    getFrameworkOptions({ prisma, locale: lng, includeArchived: true }),
    listCycles({ prisma }),
  ]);
  const value = framework.values.find((v) => v.id === commitment.valueId);
  const { cycle, updates, ...fields } = commitment;
  return {
    organization: { slug: organization.slug, name: organization.name },
    // one key per update form shown: submitting it twice adds one update
    submissionKey: crypto.randomUUID(),
    commitment: { ...fields, year: cycle.year },
    value: { name: value?.name ?? "", color: value?.color ?? "" },
    updates,
    writable: isWritableCycle(cycle),
    values: framework.values
      .filter((v) => !v.archived || v.id === commitment.valueId)
      .map(({ id, name }) => ({ id, name })),
    years: cycles.filter(isWritableCycle).map((c) => c.year),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.commitment.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:commitment");
  const prisma = await getPrisma();
  const id = recordParam(params.commitmentId);
  const existing = await findCommitmentCycle({ prisma, organizationId: organization.id, id });
  if (!existing) notFound();
  const submission = await parseForm(request, commitmentIntentSchema);
  const intent = submission.payload.intent === "edit" ? "edit" : "update";
  if (submission.status !== "success") return reply(submission, {}, { intent });
  // a closed cycle's commitments are a record: read-only
  if (!isWritableCycle(existing.cycle))
    return reply(submission, { status: 409, formErrors: ["commitment:errors.cycleClosed"] }, { intent });
  const write = { prisma, organizationId: organization.id, actorId: user.id };
  const here = `/o/${organization.slug}/commitments/${id}`;
  const value = submission.value;
  if (value.intent === "update") {
    const { intent: _intent, version, submissionKey, ...input } = value;
    const done = await addCommitmentUpdate({ ...write, commitmentId: id, version, submissionKey, input });
    if (!done.ok) return replyFailure(submission, done, {}, { intent });
    return redirectWithToast(here, { key: "commitment:detail.update.done" });
  }
  const { intent: _intent, version, ...input } = value;
  const { errors, cycleId } = await checkCommitmentReferences({ prisma, input });
  if (errors || !cycleId) return reply(submission, { fieldErrors: errors ?? {} }, { intent });
  const done = await updateCommitment({ ...write, id, version, input, cycleId });
  if (!done.ok) return replyFailure(submission, done, {}, { intent });
  return redirectWithToast(here, { key: "commitment:detail.edit.done" });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CommitmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("commitment");
  const c = data.commitment;
  const lastResult = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <div
      className="container section stack"
      style={{ "--tag": data.value.color, "--card-accent": data.value.color } as React.CSSProperties}
    >
      <p>
        <Link to={`/o/${data.organization.slug}/commitments?year=${c.year}`}>← {t("detail.back")}</Link>
      </p>
      <header className="commitment-head stack">
        <p>
          <span className="value-tag">{data.value.name}</span> · {t("detail.cycle", { year: c.year })}
        </p>
        <h1>{c.title}</h1>
        <div className="commitment-state">
          <CommitmentStatusBadge status={c.status} />
          <ProgressMeter value={c.progress} label={t("fields.progress")} />
        </div>
        {c.description ? <p className="entry-text">{c.description}</p> : null}
        {c.indicator || c.target ? (
          <dl className="commitment-facts">
            {c.indicator ? (
              <div>
                <dt>{t("fields.indicator")}</dt>
                <dd>{c.indicator}</dd>
              </div>
            ) : null}
            {c.target ? (
              <div>
                <dt>{t("fields.target")}</dt>
                <dd>{c.target}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </header>
      {data.writable ? null : <p className="notice">{t("detail.readOnly", { year: c.year })}</p>}
      <div className="commitment-layout">
        {data.writable ? <UpdateForm key={data.submissionKey} data={data} lastResult={lastResult("update")} /> : null}
        <section aria-labelledby="timeline-title" className="stack">
          <h2 id="timeline-title">{t("detail.timeline.title")}</h2>
          {data.updates.length === 0 ? <p className="field-help">{t("detail.timeline.empty")}</p> : null}
          <CommitmentTimeline updates={data.updates} createdAt={c.createdAt} />
        </section>
      </div>
      {data.writable ? <EditForm key={c.version} data={data} lastResult={lastResult("edit")} /> : null}
    </div>
  );
}

// Keyed by the submission key: a saved update brings a fresh, empty form; a refused one keeps the text.
function UpdateForm({ data, lastResult }: { data: Data; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("commitment");
  const [form, fields] = useForm<CommitmentUpdateInput, Record<string, unknown>>({
    id: "commitment-update",
    lastResult,
    defaultValue: { status: data.commitment.status, progress: String(data.commitment.progress) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWithRules(formData, commitmentUpdateRules),
  });
  return (
    <Form method="post" className="stack card-form" aria-labelledby="update-title" {...getFormProps(form)}>
      <h2 id="update-title">{t("detail.update.title")}</h2>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="version" value={data.commitment.version} />
      <input type="hidden" name="submissionKey" value={data.submissionKey} />
      <CommitmentUpdateFields fields={fields} />
      <SubmitButton>{t("detail.update.submit")}</SubmitButton>
    </Form>
  );
}

// Keyed by the version: a saved edit shows the new text; a refused one keeps what was typed.
function EditForm({ data, lastResult }: { data: Data; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("commitment");
  const c = data.commitment;
  const [form, fields] = useForm<CommitmentInput, Record<string, unknown>>({
    id: "commitment-edit",
    lastResult,
    defaultValue: {
      title: c.title,
      description: c.description,
      indicator: c.indicator ?? "",
      target: c.target ?? "",
      valueId: c.valueId,
      year: String(c.year),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWithRules(formData, commitmentRules),
  });
  const values: CommitmentValueOption[] = data.values;
  return (
    <details className="card-form edit-details" open={lastResult ? true : undefined}>
      <summary>{t("detail.edit.title")}</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="version" value={c.version} />
        <CommitmentFields
          fields={fields}
          values={values}
          years={data.years.includes(c.year) ? data.years : [c.year, ...data.years]}
        />
        <SubmitButton>{t("detail.edit.submit")}</SubmitButton>
      </Form>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
