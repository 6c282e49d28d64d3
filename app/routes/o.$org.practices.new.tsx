import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeFields, usePracticeForm } from "~/components/practice-form";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import {
  checkPracticeReferences,
  createPractice,
  getPracticeCalendar,
  getPracticeFormOptions,
} from "~/models/practice.server";
import { practiceSchema, type PracticeInput } from "~/models/practice-schema";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { orThrow, parseForm, reply } from "~/utils/forms.server";
import { submissionKeyField } from "~/utils/form-fields";
import { timeZoneHint } from "~/utils/time-zone";
import { redirectWithToast } from "~/utils/toast.server";
import { searchParamsOf } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:practice");
  const prisma = await getPrisma();
  const locale = await getLocale(request);
  const [options, t] = await Promise.all([
    getPracticeFormOptions({ prisma, organizationId: organization.id, locale, hint: timeZoneHint(request) }),
    fixedT(request, "practice"),
  ]);
  const preselected = options.values.find((v) => v.slug === searchParamsOf(request).get("value"));
  return {
    title: t("new.title"),
    organization: { slug: organization.slug, name: organization.name },
    // one key per form shown: a repeated submission of this form creates one practice
    submissionKey: crypto.randomUUID(),
    valueId: preselected?.id ?? "",
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
  const { today } = await getPracticeCalendar({ prisma, organizationId: organization.id, hint: timeZoneHint(request) });
  const submission = await parseForm(request, practiceSchema({ maxDate: today }));
  // the form's own key, written when the page was drawn: without a sound one the post is not this form's
  const key = submissionKeyField().safeParse(submission.payload.submissionKey);
  if (!key.success) throw new Response("Bad request", { status: 400 });
  const submissionKey = key.data;
  if (submission.status !== "success") return reply(submission);
  const input = submission.value;
  const referenceErrors = await checkPracticeReferences({ prisma, organizationId: organization.id, input });
  if (referenceErrors) return reply(submission, { fieldErrors: referenceErrors });
  // a key another form already used is the 409 page
  orThrow(await createPractice({ prisma, organizationId: organization.id, actorId: user.id, submissionKey, input }));
  // a repeated submission lands on the same page with the same message: one practice either way
  return redirectWithToast(`/o/${organization.slug}/practices`, { key: "practice:toast.created" });
}

export default function NewPractice() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("practice");
  const [form, fields, calendar] = usePracticeForm<PracticeInput>({
    id: "new-practice",
    lastResult,
    defaultValue: { valueId: data.valueId, occurredOn: data.calendar.today, visibility: "PRIVATE" },
    calendar: data.calendar,
    followToday: true,
  });
  const list = `/o/${data.organization.slug}/practices`;
  return (
    <div className="container narrow section stack">
      <p>
        <Link to={list}>← {t("edit.backToList")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p className="section-intro">{t("new.intro")}</p>
      <Form method="post" className="stack card-form practice-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="submissionKey" value={data.submissionKey} />
        <PracticeFields
          fields={fields}
          values={data.values}
          freedoms={data.freedoms}
          commitments={data.commitments}
          calendar={calendar}
        />
        <div className="form-actions">
          <SubmitButton>{t("new.submit")}</SubmitButton>
          <Link to={list}>{t("common:actions.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
