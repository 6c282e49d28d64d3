import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOrganizationSummary } from "~/models/organization.server";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:org");
  const summary = await getOrganizationSummary({ prisma: await getPrisma(), organizationId: organization.id });
  return json({ name: summary.name, slug: summary.slug, region: summary.region, members: summary._count.memberships, role });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ""} · North Star` }];

export default function OrganizationHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  return (
    <div className="container section stack">
      <h1>{data.name}</h1>
      <p>{t("home.role", { role: t(`home.role${data.role}`) })}</p>
      <p>
        <Link to={`/o/${data.slug}/members`}>{t("home.members", { count: data.members })}</Link>
      </p>
    </div>
  );
}
