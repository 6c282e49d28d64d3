import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { regionListSchema } from "~/models/region-schema";
import { REGION_MACROS } from "~/models/movement-filters";
import { createRegion, listRegionsForAdmin, setRegionArchived } from "~/models/region.server";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

const HERE = "/movement/admin/regions";

/** The region list's admin pages: coalition admins only; staff and everyone else get a 404, as for the framework. */
async function requireAdmin(request: Request) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:region");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [regions, t] = await Promise.all([
    listRegionsForAdmin({ prisma: await getPrisma() }),
    fixedT(request, "admin"),
  ]);
  const groups = REGION_MACROS.map((macroRegion) => ({
    macroRegion,
    regions: regions.filter((r) => r.macroRegion === macroRegion),
  }));
  return { title: t("regions.title"), groups };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const submission = await parseForm(request, regionListSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  if (submission.status !== "success") return reply(submission, {}, { intent });
  const prisma = await getPrisma();
  const value = submission.value;
  const locale = await getLocale(request);
  const name = (v: { nameEn: string; nameEs: string }) => (locale === "es" ? v.nameEs : v.nameEn);
  if (value.intent === "create") {
    const { intent: _intent, code, ...input } = value;
    const created = await createRegion({ prisma, actorId: user.id, code, input });
    if (!created.ok) return replyFailure(submission, created, {}, { intent });
    return redirectWithToast(HERE, { key: "admin:regions.toast.created", values: { name: name(input) } });
  }
  const archived = value.intent === "archive";
  const done = await setRegionArchived({
    prisma,
    actorId: user.id,
    code: value.code,
    version: value.version,
    archived,
  });
  if (!done.ok) return replyFailure(submission, done, {}, { intent });
  return redirectWithToast(HERE, {
    key: archived ? "admin:regions.toast.archived" : "admin:regions.toast.restored",
    values: { code: value.code },
  });
}

export default function RegionsAdmin() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin");
  const { t: tm } = useTranslation("movement");
  // a new location after a region was added: the form starts empty again, its earlier errors gone
  const location = useLocation();
  const [form, fields] = useForm({
    id: `create-region-${location.key}`,
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
  });
  const rowErrors = actionData && actionData.intent !== "create" ? actionData.result.error?.[""] : undefined;
  const nameOf = (r: { nameEn: string; nameEs: string }) => (i18n.language === "es" ? r.nameEs : r.nameEn);
  return (
    <div className="container section stack">
      <h1>{t("regions.title")}</h1>
      <p className="section-intro">{t("regions.intro")}</p>
      {/* the list is long on a phone: the form to add one is one tap away */}
      <p>
        <a className="button secondary" href="#add-region">
          {t("regions.add.title")}
        </a>
      </p>
      <ErrorList errors={rowErrors} />
      {groups.map((group) => (
        <section key={group.macroRegion} aria-labelledby={`macro-${group.macroRegion}`} className="stack">
          <h2 id={`macro-${group.macroRegion}`}>{tm(`regions.${group.macroRegion}`)}</h2>
          {group.regions.length ? (
            <div className="table-wrap">
              <table className="data cards">
                <thead>
                  <tr>
                    <th scope="col">{t("regions.table.name")}</th>
                    <th scope="col">{t("regions.table.code")}</th>
                    <th scope="col">{t("regions.table.otherName")}</th>
                    <th scope="col">{t("regions.table.organizations")}</th>
                    <th scope="col">{t("regions.table.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.regions.map((r) => (
                    <tr key={r.code}>
                      <td className="cell-title">
                        {nameOf(r)}{" "}
                        {r.archived ? <span className="badge muted-badge">{t("regions.archived")}</span> : null}
                      </td>
                      <td data-label={t("regions.table.code")}>{r.code}</td>
                      <td data-label={t("regions.table.otherName")} lang={i18n.language === "es" ? "en" : "es"}>
                        {i18n.language === "es" ? r.nameEn : r.nameEs}
                      </td>
                      <td data-label={t("regions.table.organizations")}>{r.organizations}</td>
                      <td data-label={t("regions.table.actions")}>
                        <div className="form-actions">
                          <Link
                            className="button small secondary"
                            to={`${HERE}/${r.code}`}
                            aria-label={t("regions.actions.editNamed", { name: nameOf(r) })}
                          >
                            {t("regions.actions.edit")}
                          </Link>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value={r.archived ? "restore" : "archive"} />
                            <input type="hidden" name="code" value={r.code} />
                            <input type="hidden" name="version" value={r.version} />
                            <button
                              type="submit"
                              className="button small secondary"
                              aria-label={t(
                                r.archived ? "regions.actions.restoreNamed" : "regions.actions.archiveNamed",
                                { name: nameOf(r) },
                              )}
                            >
                              {t(r.archived ? "regions.actions.restore" : "regions.actions.archive")}
                            </button>
                          </Form>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty-state">{t("regions.none")}</p>
          )}
        </section>
      ))}

      <section aria-labelledby="add-region" className="narrow stack">
        <h2 id="add-region">{t("regions.add.title")}</h2>
        <Form key={location.key} method="post" className="stack card-form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <ErrorList id={form.errorId} errors={form.errors} reveal />
          <Field label={t("regions.fields.code")} meta={fields.code} help={t("regions.fields.codeHelp")}>
            <input
              {...getInputProps(fields.code, { type: "text" })}
              maxLength={10}
              required
              autoCapitalize="characters"
            />
          </Field>
          <Field label={t("regions.fields.nameEn")} meta={fields.nameEn}>
            <input {...getInputProps(fields.nameEn, { type: "text" })} lang="en" maxLength={100} required />
          </Field>
          <Field label={t("regions.fields.nameEs")} meta={fields.nameEs}>
            <input {...getInputProps(fields.nameEs, { type: "text" })} lang="es" maxLength={100} required />
          </Field>
          <Field label={t("regions.fields.macroRegion")} meta={fields.macroRegion}>
            <select {...getSelectProps(fields.macroRegion)} required>
              <option value="">{t("organizations.fields.choose")}</option>
              {REGION_MACROS.map((m) => (
                <option key={m} value={m}>
                  {tm(`regions.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <SubmitButton>{t("regions.add.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
