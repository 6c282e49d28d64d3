import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeFields, usePracticeForm } from "~/components/practice-form";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import {
  checkPracticeReferences,
  getPractice,
  getPracticeCalendar,
  getPracticeFormOptions,
  updatePractice,
} from "~/models/practice.server";
import { practiceEditSchema, type PracticeInput } from "~/models/practice-schema";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { recordParam } from "~/utils/http";
import { timeZoneHint } from "~/utils/time-zone";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:practice");
  const prisma = await getPrisma();
  const practice = await getPractice({ prisma, organizationId: organization.id, id: recordParam(params.practiceId) });
  if (!practice || practice.deleted) notFound();
  const locale = await getLocale(request);
  const [options, t] = await Promise.all([
    getPracticeFormOptions({
      prisma,
      organizationId: organization.id,
      locale,
      hint: timeZoneHint(request),
      alsoYear: Number(practice.occurredOn.slice(0, 4)),
    }),
    fixedT(request, "practice"),
  ]);
  const { deleted: _deleted, commitmentTitle: _title, ...fields } = practice;
  return {
    title: t("edit.title"),
    organization: { slug: organization.slug, name: organization.name },
    practice: { ...fields, commitmentId: fields.commitmentId ?? "" },
    ...options,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:practice");
  const prisma = await getPrisma();
  const id = recordParam(params.practiceId);
  const existing = await getPractice({ prisma, organizationId: organization.id, id });
  if (!existing || existing.deleted) notFound();
  const { today } = await getPracticeCalendar({ prisma, organizationId: organization.id, hint: timeZoneHint(request) });
  const submission = await parseForm(request, practiceEditSchema({ maxDate: today }));
  if (submission.status !== "success") return reply(submission);
  const { intent: _intent, version, ...input } = submission.value;
  const referenceErrors = await checkPracticeReferences({ prisma, organizationId: organization.id, input });
  if (referenceErrors) return reply(submission, { fieldErrors: referenceErrors });
  const result = await updatePractice({
    prisma,
    organizationId: organization.id,
    actorId: user.id,
    id,
    version,
    input,
  });
  // someone saved first: the typed text comes back with the message, nothing is overwritten
  if (!result.ok) return replyFailure(submission, result);
  return redirectWithToast(`/o/${organization.slug}/practices/${id}`, { key: "practice:toast.updated" });
}

export default function EditPractice() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("practice");
  const p = data.practice;
  const [form, fields, calendar] = usePracticeForm<PracticeInput & { version?: number }>({
    id: `practice-${p.id}`,
    lastResult,
    // no one counted shows as an empty field, as it was left when logged
    defaultValue: {
      ...p,
      participants: p.participants || undefined,
      impactedParticipants: p.participants ? p.impactedParticipants : undefined,
    },
    calendar: data.calendar,
  });
  const page = `/o/${data.organization.slug}/practices/${p.id}`;
  return (
    <div className="container narrow section stack">
      <p>
        <Link to={page}>← {t("edit.backToPractice")}</Link>
      </p>
      <h1>{t("edit.title")}</h1>
      <Form method="post" className="stack card-form practice-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="intent" value="save" />
        {/* the version this page was loaded with; after a conflict it stays the stale one until a reload */}
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <PracticeFields
          fields={fields}
          values={data.values}
          freedoms={data.freedoms}
          commitments={data.commitments}
          calendar={calendar}
        />
        <div className="form-actions">
          <SubmitButton>{t("edit.submit")}</SubmitButton>
          <Link to={page}>{t("common:actions.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
