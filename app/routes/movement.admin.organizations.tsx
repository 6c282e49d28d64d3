import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationFields, type OrganizationFormValue } from "~/components/organization-fields";
import { ErrorList } from "~/components/ui/field";
import { newOrganizationSchema } from "~/models/organization-schema";
import { SubmitButton } from "~/components/ui/submit-button";
import { createOrganization, listFocusFreedomOptions, listOrganizations } from "~/models/organization.server";
import { coalitionTimeZone, timeZoneChoices } from "~/models/organization-time-zone.server";
import { listRegionChoices } from "~/models/region.server";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";
import { filterParamsOf } from "~/utils/http";
import { parseListSearch } from "~/utils/form-fields";
import { AdminList } from "~/components/admin-list";
import { zoneName } from "~/utils/time-zone";

/**
 * Coalition admins: every organization, and a form to add one. Only metadata: an organization's practices,
 * commitments and reflections are never read here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:organization");
  const t = await fixedT(request, "admin");
  const query = filterParamsOf(request);
  const search = parseListSearch(query);
  const prisma = await getPrisma();
  const locale = await getLocale(request);
  const [list, freedoms, regions, usualZone] = await Promise.all([
    listOrganizations({ prisma, locale, page: search.page, q: search.q }),
    listFocusFreedomOptions({ prisma, locale }),
    listRegionChoices({ prisma, locale }),
    coalitionTimeZone(prisma),
  ]);
  return {
    title: t("organizations.title"),
    q: search.q ?? "",
    list,
    freedoms,
    regions,
    timeZones: timeZoneChoices({ locale }),
    zoneByRegion: { otherwise: zoneName(usualZone, locale) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:organization");
  const submission = await parseForm(request, newOrganizationSchema());
  if (submission.status !== "success") return reply(submission);
  const created = await createOrganization({ prisma: await getPrisma(), actorId: user.id, input: submission.value });
  if (!created.ok) return replyFailure(submission, created);
  const { id, name } = created.value;
  return redirectWithToast(`/movement/admin/organizations/${id}`, {
    key: "admin:organizations.create.created",
    values: { name },
  });
}

export default function Organizations() {
  const { list, q, freedoms, regions, timeZones, zoneByRegion } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const [form, fields] = useForm<OrganizationFormValue>({ id: "create-organization", lastResult });
  return (
    <div className="container section stack">
      <h1>{t("organizations.title")}</h1>
      <p className="section-intro">{t("organizations.intro")}</p>
      <AdminList
        id="organizations"
        q={q}
        searchLabel={t("organizations.search")}
        count={t("organizations.count", { count: list.total })}
        headings={[
          t("organizations.table.name"),
          t("organizations.table.region"),
          t("organizations.table.members"),
          t("organizations.table.leads"),
          t("organizations.table.status"),
        ]}
        empty={q ? t("organizations.noResults", { q }) : t("organizations.empty")}
        page={list.page}
        pageCount={list.pageCount}
        rows={list.organizations.map((o) => (
          <tr key={o.id}>
            <td className="cell-title">
              <Link to={`/movement/admin/organizations/${o.id}`}>{o.name}</Link>
            </td>
            <td data-label={t("organizations.table.region")}>{o.region ?? t("organizations.noRegion")}</td>
            <td data-label={t("organizations.table.members")}>{o.members}</td>
            <td data-label={t("organizations.table.leads")}>
              {o.leadEmails.length
                ? o.leadEmails.join(", ")
                : o.leadInvited
                  ? t("organizations.leadInvited")
                  : t("organizations.noLead")}
            </td>
            <td data-label={t("organizations.table.status")}>
              <span className="badge">{o.archived ? t("organizations.archived") : t("organizations.active")}</span>
            </td>
          </tr>
        ))}
      />

      <section aria-labelledby="create-heading" className="narrow stack">
        <h2 id="create-heading">{t("organizations.create.title")}</h2>
        <Form method="post" className="stack card-form" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} reveal />
          <OrganizationFields
            fields={fields}
            freedoms={freedoms}
            regions={regions}
            timeZones={timeZones}
            zoneByRegion={zoneByRegion}
            chooseSize
          />
          <SubmitButton>{t("organizations.create.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
