import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "~/utils/zod.server";
import { ErrorList, Field } from "~/components/ui/field";
import { SIZE_BANDS } from "~/models/organization-options";
import { organizationFields } from "~/models/organization-schema.server";
import { SubmitButton } from "~/components/ui/submit-button";
import { createOrganization, listFocusFreedomOptions, listOrganizations } from "~/models/organization.server";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm } from "~/utils/forms.server";
import i18next from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { redirectWithToast } from "~/utils/toast.server";

const schema = () =>
  z.object(organizationFields());

const searchSchema = () =>
  z.object({
  q: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});

/**
 * Coalition admins: every organization, and a form to add one. Only metadata: an organization's practices,
 * commitments and reflections are never read here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:organization");
  const t = await i18next.getFixedT(request, "admin");
  const url = new URL(request.url);
  const search = searchSchema().parse({ q: url.searchParams.get("q") || undefined, page: url.searchParams.get("page") ?? 1 });
  const prisma = await getPrisma();
  const locale = await i18next.getLocale(request);
  const [list, freedoms] = await Promise.all([
    listOrganizations({ prisma, page: search.page, q: search.q }),
    listFocusFreedomOptions({ prisma, locale: isLocale(locale) ? locale : "en" }),
  ]);
  return json({ title: t("organizations.title"), q: search.q ?? "", list, freedoms });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:organization");
  const submission = await parseForm(request, schema());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createOrganization({ prisma: await getPrisma(), actorId: user.id, input: submission.value });
  if (!created.ok) {
    const errors = created.field ? { fieldErrors: { [created.field]: [created.error] } } : { formErrors: [created.error] };
    return json(submission.reply(errors), { status: 400 });
  }
  return redirectWithToast(`/movement/admin/organizations/${created.id}`, { key: "admin:organizations.create.created", values: { name: created.name } });
}

export default function Organizations() {
  const { list, q, freedoms } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const [form, fields] = useForm({ id: "create-organization", lastResult });
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  return (
    <div className="container section stack">
      <h1>{t("organizations.title")}</h1>
      <p className="section-intro">{t("organizations.intro")}</p>
      <Form method="get" className="narrow stack" role="search">
        <div className="field">
          <label htmlFor="org-search">{t("organizations.search")}</label>
          <input id="org-search" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button small secondary">
            {t("search.submit")}
          </button>
          {q ? <Link to=".">{t("search.clear")}</Link> : null}
        </div>
      </Form>
      <p className="field-help" id="organizations-count">
        {t("organizations.count", { count: list.total })}
      </p>
      {list.organizations.length ? (
        <div className="table-wrap">
          <table className="data" aria-describedby="organizations-count">
            <thead>
              <tr>
                <th scope="col">{t("organizations.table.name")}</th>
                <th scope="col">{t("organizations.table.region")}</th>
                <th scope="col">{t("organizations.table.members")}</th>
                <th scope="col">{t("organizations.table.leads")}</th>
                <th scope="col">{t("organizations.table.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.organizations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/movement/admin/organizations/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{o.region}</td>
                  <td>{o.members}</td>
                  <td>{o.leadEmails.length ? o.leadEmails.join(", ") : o.leadInvited ? t("organizations.leadInvited") : t("organizations.noLead")}</td>
                  <td>
                    <span className="badge">{o.archived ? t("organizations.archived") : t("organizations.active")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">{q ? t("organizations.noResults", { q }) : t("organizations.empty")}</p>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label={t("pager.label")} className="form-actions">
          {list.page > 1 ? <Link to={pageLink(list.page - 1)}>{t("pager.previous")}</Link> : null}
          <span>{t("pager.page", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link to={pageLink(list.page + 1)}>{t("pager.next")}</Link> : null}
        </nav>
      ) : null}

      <section aria-labelledby="create-heading" className="narrow stack">
        <h2 id="create-heading">{t("organizations.create.title")}</h2>
        <Form method="post" className="stack card-form" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label={t("organizations.fields.name")} meta={fields.name}>
            <input {...getInputProps(fields.name, { type: "text" })} maxLength={100} required />
          </Field>
          <Field label={t("organizations.fields.region")} meta={fields.region} help={t("organizations.fields.regionHelp")}>
            <input {...getInputProps(fields.region, { type: "text" })} maxLength={100} required />
          </Field>
          <Field label={t("organizations.fields.sizeBand")} meta={fields.sizeBand}>
            <select {...getSelectProps(fields.sizeBand)} required>
              <option value="">{t("organizations.fields.choose")}</option>
              {SIZE_BANDS.map((band) => (
                <option key={band} value={band}>
                  {t(`organizations.sizeBands.${band}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="choice">
            <input {...getInputProps(fields.impactedLed, { type: "checkbox" })} />
            <span>
              <strong>{t("organizations.fields.impactedLed")}</strong>
              <span className="choice-help">{t("organizations.fields.impactedLedHelp")}</span>
            </span>
          </label>
          <Field label={t("organizations.fields.languages")} meta={fields.languages} help={t("organizations.fields.languagesHelp")}>
            <input {...getInputProps(fields.languages, { type: "text" })} maxLength={300} />
          </Field>
          <fieldset className="field freedom-choices" data-invalid={fields.focusFreedomIds.errors?.length ? true : undefined}>
            <legend>{t("organizations.fields.focusFreedoms")}</legend>
            {getCollectionProps(fields.focusFreedomIds, { type: "checkbox", options: freedoms.map((f) => f.id) }).map(({ key, ...props }) => (
              <label key={key} className="choice">
                <input {...props} />
                <span>{freedoms.find((f) => f.id === props.value)?.name}</span>
              </label>
            ))}
            <ErrorList id={fields.focusFreedomIds.errorId} errors={fields.focusFreedomIds.errors} />
          </fieldset>
          <SubmitButton>{t("organizations.create.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
