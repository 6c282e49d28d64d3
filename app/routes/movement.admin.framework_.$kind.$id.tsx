import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FrameworkTextFields } from "~/components/framework-fields";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import {
  createValue,
  getFrameworkForAdmin,
  getFrameworkText,
  updateFrameworkText,
  type FrameworkKind,
} from "~/models/framework-admin.server";
import { formDefaults, frameworkTextSchema } from "~/models/framework-schema";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

// One page edits a value (/values/<id>, or adds one at /values/new), a freedom (/freedoms/<id>) or a rubric
// level (/levels/<1-4>): the same wording in English and Spanish; a value also words each level its own way.
const KINDS: FrameworkKind[] = ["values", "freedoms", "levels"];
const FRAMEWORK = "/movement/admin/framework";

/** Coalition admins only; anyone else, an unknown kind or an unknown id get the same 404. */
async function loadPage(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:framework");
  const kind = KINDS.find((k) => k === params.kind);
  const id = params.id ?? "";
  if (!kind || id.length > 40) notFound();
  const prisma = await getPrisma();
  const isNew = kind === "values" && id === "new";
  const current = isNew ? null : await getFrameworkText({ prisma, kind, id });
  if (!isNew && !current) notFound();
  return { user, prisma, kind, id, isNew, current };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, kind, isNew, current } = await loadPage(request, params);
  const [framework, locale, t] = await Promise.all([
    getFrameworkForAdmin({ prisma }),
    getLocale(request),
    fixedT(request, "framework"),
  ]);
  const title = isNew ? t("edit.newValueTitle") : t(`edit.${kind}Title`, { level: params.id });
  return {
    title,
    kind,
    isNew,
    name: current?.name[locale] ?? "",
    fromYear: framework.fromYear,
    defaults: current ? { version: String(current.version), ...formDefaults(current) } : {},
    levels:
      kind === "values"
        ? framework.levels.map((l) => ({ level: l.level, name: l.name[locale], description: l.description[locale] }))
        : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: [data?.title, data?.name, "North Star"].filter(Boolean).join(" · ") },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, kind, id, isNew } = await loadPage(request, params);
  const submission = await parseForm(request, frameworkTextSchema({ withDescriptors: kind === "values", isNew }));
  if (submission.status !== "success") return reply(submission);
  const { version, ...input } = submission.value as typeof submission.value & { version?: number };
  if (isNew) {
    await createValue({ prisma, actorId: user.id, input });
    return redirectWithToast(FRAMEWORK, { key: "framework:toast.created" });
  }
  const result = await updateFrameworkText({ prisma, actorId: user.id, kind, id, version: version ?? 0, input });
  // someone saved first: the typed text comes back with the message, nothing is overwritten
  if (!result.ok) return replyFailure(submission, result);
  return redirectWithToast(FRAMEWORK, { key: "framework:toast.saved", values: { year: result.value.fromYear } });
}

export default function EditFrameworkText() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("framework");
  const defaults: Record<string, string> = data.defaults;
  const [form, fields] = useForm<Record<string, string>>({
    id: `framework-${data.kind}`,
    lastResult,
    defaultValue: defaults,
  });
  return (
    <div className="container section stack framework-edit">
      <p>
        <Link to={FRAMEWORK}>← {t("edit.back")}</Link>
      </p>
      <h1>{data.isNew ? data.title : `${data.title}: ${data.name}`}</h1>
      <p className="notice">{data.isNew ? t("edit.newValueIntro") : t("appliesFrom", { year: data.fromYear })}</p>
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        {/* the version this page was loaded with; after a conflict it stays the stale one until a reload */}
        {data.isNew ? null : <input type="hidden" name="version" value={defaults.version} />}
        <FrameworkTextFields
          fields={fields}
          kind={data.kind === "values" ? "value" : data.kind === "freedoms" ? "freedom" : "level"}
          levels={data.levels}
        />
        <SubmitButton>{data.isNew ? t("edit.create") : t("edit.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
