import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentFields } from "~/components/commitment-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { defaultCycleYear, isWritableCycle, listCycles } from "~/models/commitment-options.server";
import { commitmentRules } from "~/models/commitment-rules";
import { newCommitmentSchema, type CommitmentInput } from "~/models/commitment-schema";
import { checkCommitmentReferences, createCommitment } from "~/models/commitment.server";
import { getFrameworkOptions } from "~/models/practice-options.server";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { orThrow, parseForm, reply } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { validateWithRules } from "~/utils/form-rules";
import { redirectWithToast } from "~/utils/toast.server";
import { searchParamsOf } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:commitment");
  const prisma = await getPrisma();
  const lng = await getLocale(request);
  const [framework, cycles, t] = await Promise.all([
    getFrameworkOptions({ prisma, locale: lng }),
    listCycles({ prisma }),
    fixedT(request, "commitment"),
  ]);
  const search = searchParamsOf(request);
  const years = cycles.filter(isWritableCycle).map((c) => c.year);
  const asked = Number(search.get("year"));
  return {
    title: t("new.title"),
    organization: { slug: organization.slug, name: organization.name },
    // one key per form shown: submitting it twice creates one commitment
    submissionKey: crypto.randomUUID(),
    values: framework.values.map(({ id, name }) => ({ id, name })),
    years,
    year: years.includes(asked) ? asked : defaultCycleYear(cycles),
    valueId: framework.values.find((v) => v.slug === search.get("value"))?.id ?? "",
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:commitment");
  const submission = await parseForm(request, newCommitmentSchema);
  if (submission.status !== "success") return reply(submission);
  const { submissionKey, ...input } = submission.value;
  const prisma = await getPrisma();
  const { errors, cycleId } = await checkCommitmentReferences({ prisma, input });
  if (errors || !cycleId) return reply(submission, { fieldErrors: errors ?? {} });
  // a key another form already used is the 409 page
  const created = orThrow(
    await createCommitment({
      prisma,
      organizationId: organization.id,
      actorId: user.id,
      cycleId,
      submissionKey,
      input,
    }),
  );
  // a repeated submission lands on the commitment the first one made
  return redirectWithToast(`/o/${organization.slug}/commitments/${created.id}`, { key: "commitment:new.created" });
}

export default function NewCommitment() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("commitment");
  const [form, fields] = useForm<CommitmentInput, Record<string, unknown>>({
    id: "new-commitment",
    lastResult,
    defaultValue: { valueId: data.valueId, year: data.year ? String(data.year) : "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWithRules(formData, commitmentRules),
  });
  const list = `/o/${data.organization.slug}/commitments${data.year ? `?year=${data.year}` : ""}`;
  return (
    <div className="container narrow section stack">
      <p>
        <Link to={list}>← {t("detail.back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      {data.years.length === 0 ? (
        <div className="empty-state">
          <p>{t("new.noCycle")}</p>
        </div>
      ) : (
        <>
          <p className="section-intro">{t("new.intro")}</p>
          <Form method="post" className="stack card-form" {...getFormProps(form)}>
            <ErrorList id={form.errorId} errors={form.errors} reveal />
            <input type="hidden" name="submissionKey" value={data.submissionKey} />
            <CommitmentFields fields={fields} values={data.values} years={data.years} />
            <div className="form-actions">
              <SubmitButton>{t("new.submit")}</SubmitButton>
              <Link to={list}>{t("common:actions.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
