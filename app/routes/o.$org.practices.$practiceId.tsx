import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "~/utils/zod.server";
import { PracticeFields, usePracticeForm } from "~/components/practice-form";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { getCommitmentOptions, getFrameworkOptions } from "~/models/practice-options.server";
import { checkPracticeReferences, getPractice, setPracticeDeleted, updatePractice } from "~/models/practice.server";
import { tomorrow } from "~/models/practice-rules";
import { practiceSchema, type PracticeInput } from "~/models/practice-schema";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import i18next from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { readForm } from "~/utils/security.server";
import { parseFormData } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/toast.server";
import { recordParam } from "~/utils/http";

// Three forms post here: the edit itself (with the version it saw), delete, and the toast's undo.
function intentSchema() {
  return z.discriminatedUnion("intent", [
    z.safeExtend(practiceSchema({ maxDate: tomorrow() }), {
      intent: z.literal("save"),
      version: z.coerce.number({ error: "validation.required" }).check(z.int(), z.minimum(1)),
    }),
    z.object({ intent: z.literal("delete") }),
    z.object({ intent: z.literal("restore") }),
  ]);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "read:practice");
  const prisma = await getPrisma();
  const practice = await getPractice({ prisma, organizationId: organization.id, id: recordParam(params.practiceId) });
  // another organization's practice, or a deleted one, is not here (the undo posts to the action)
  if (!practice || practice.deleted) notFound();
  const lng = await i18next.getLocale(request);
  const locale = isLocale(lng) ? lng : "en";
  const year = new Date().getUTCFullYear();
  const practiceYear = Number(practice.occurredOn.slice(0, 4));
  const [framework, commitments, t] = await Promise.all([
    getFrameworkOptions({ prisma, locale }),
    getCommitmentOptions({ prisma, organizationId: organization.id, years: [...new Set([year, year - 1, practiceYear])] }),
    i18next.getFixedT(request, "practice"),
  ]);
  const { deleted: _deleted, ...fields } = practice;
  return json({
    title: t("edit.title"),
    organization: { slug: organization.slug, name: organization.name },
    practice: { ...fields, commitmentId: fields.commitmentId ?? "" },
    maxDate: tomorrow(),
    values: framework.values.map(({ id, slug, name, color }) => ({ id, slug, name, color })),
    freedoms: framework.freedoms.map(({ id, slug, name, color }) => ({ id, slug, name, color })),
    commitments,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · ${data?.organization.name ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:practice");
  const prisma = await getPrisma();
  const id = recordParam(params.practiceId);
  const existing = await getPractice({ prisma, organizationId: organization.id, id });
  if (!existing) notFound();
  const formData = await readForm(request);
  // a deleted practice answers only to its undo
  if (existing.deleted && formData.get("intent") !== "restore") notFound();
  const submission = parseFormData(formData, intentSchema());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const list = `/o/${organization.slug}/practices`;
  const value = submission.value;
  const write = { prisma, organizationId: organization.id, actorId: user.id, id };

  switch (value.intent) {
    case "save": {
      const { intent: _intent, version, ...input } = value;
      const referenceErrors = await checkPracticeReferences({ prisma, organizationId: organization.id, input });
      if (referenceErrors) return json(submission.reply({ fieldErrors: referenceErrors }), { status: 400 });
      const result = await updatePractice({ ...write, version, input });
      if (result.status === "not-found") notFound();
      // someone saved first: the typed text comes back with the message, nothing is overwritten
      if (result.status === "conflict") return json(submission.reply({ formErrors: ["validation.conflict"] }), { status: 409 });
      return redirectWithToast(list, { key: "practice:toast.updated" });
    }
    case "delete": {
      const result = await setPracticeDeleted({ ...write, deleted: true });
      if (result.status === "not-found") notFound();
      return redirectWithToast(list, { key: "practice:toast.deleted", undo: { action: `${list}/${id}`, fields: { intent: "restore" } } });
    }
    case "restore": {
      const result = await setPracticeDeleted({ ...write, deleted: false });
      if (result.status === "not-found") notFound();
      return redirectWithToast(`${list}/${id}`, { key: "practice:toast.restored" });
    }
  }
}

export default function EditPractice() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("practice");
  const [form, fields] = usePracticeForm<PracticeInput & { version?: number }>({ id: `practice-${data.practice.id}`, lastResult, defaultValue: data.practice, maxDate: data.maxDate });
  const list = `/o/${data.organization.slug}/practices`;
  return (
    <div className="container narrow section stack">
      <p>
        <Link to={list}>← {t("edit.backToList")}</Link>
      </p>
      <h1>{t("edit.title")}</h1>
      <Form method="post" className="stack card-form practice-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        {/* the version this page was loaded with; after a conflict it stays the stale one until a reload */}
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <PracticeFields fields={fields} values={data.values} freedoms={data.freedoms} commitments={data.commitments} maxDate={data.maxDate} />
        <div className="form-actions">
          <SubmitButton>{t("edit.submit")}</SubmitButton>
          <Link to={list}>{t("common:actions.cancel")}</Link>
        </div>
      </Form>

      <section aria-labelledby="delete-heading" className="stack practice-delete">
        <h2 id="delete-heading">{t("edit.deleteTitle")}</h2>
        <p className="field-help">{t("edit.deleteHelp")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton className="button small danger">{t("edit.delete")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
