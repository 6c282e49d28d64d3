import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { REGION_MACROS } from "~/models/movement-filters";
import { REGION_CODE, regionEditSchema } from "~/models/region-schema";
import { getRegionForAdmin, updateRegion } from "~/models/region.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

// Renames a region (both languages) or moves it to another macro-region; its code never changes.
const REGIONS = "/movement/admin/regions";

/** Coalition admins only; anyone else and an unknown code get the same 404. */
async function loadRegion(request: Request, code: string | undefined) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:region");
  if (!code || !REGION_CODE.test(code)) notFound();
  const prisma = await getPrisma();
  const region = await getRegionForAdmin({ prisma, code });
  if (!region) notFound();
  return { user, prisma, region };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await loadRegion(request, params.code);
  const [t, locale] = await Promise.all([fixedT(request, "admin"), getLocale(request)]);
  const name = locale === "es" ? region.nameEs : region.nameEn;
  return { title: t("regions.edit.title", { code: region.code, name }), region };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, region } = await loadRegion(request, params.code);
  const submission = await parseForm(request, regionEditSchema());
  if (submission.status !== "success") return reply(submission);
  const { version, ...input } = submission.value;
  const saved = await updateRegion({ prisma, actorId: user.id, code: region.code, version, input });
  // someone saved first: what this admin typed comes back with the message, nothing is overwritten
  if (!saved.ok) return replyFailure(submission, saved);
  return redirectWithToast(REGIONS, { key: "admin:regions.toast.saved", values: { code: region.code } });
}

export default function EditRegion() {
  const { title, region } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const { t: tm } = useTranslation("movement");
  const [form, fields] = useForm({
    id: `region-${region.code}`,
    lastResult,
    defaultValue: { nameEn: region.nameEn, nameEs: region.nameEs, macroRegion: region.macroRegion },
  });
  return (
    <div className="container section stack narrow">
      <p>
        <Link to={REGIONS}>← {t("regions.edit.back")}</Link>
      </p>
      <h1>{title}</h1>
      {region.archived ? <p className="notice">{t("regions.edit.archivedNotice")}</p> : null}
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        {/* the version this page was loaded with; after a conflict it stays the stale one until a reload */}
        <input type="hidden" name="version" value={region.version} />
        <Field label={t("regions.fields.nameEn")} meta={fields.nameEn}>
          <input {...getInputProps(fields.nameEn, { type: "text" })} lang="en" maxLength={100} required />
        </Field>
        <Field label={t("regions.fields.nameEs")} meta={fields.nameEs}>
          <input {...getInputProps(fields.nameEs, { type: "text" })} lang="es" maxLength={100} required />
        </Field>
        <Field label={t("regions.fields.macroRegion")} meta={fields.macroRegion} help={t("regions.edit.moveHelp")}>
          <select {...getSelectProps(fields.macroRegion)} required>
            {REGION_MACROS.map((m) => (
              <option key={m} value={m}>
                {tm(`regions.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton>{t("regions.edit.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
