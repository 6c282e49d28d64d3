import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubHeader } from "~/components/sub-header";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { orgRoleCan } from "~/utils/permissions";

/** The organization workspace: every /o/$org page is inside it and only for the organization's members. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:org");
  return {
    organization: { slug: organization.slug, name: organization.name },
    role,
    canManageMembers: orgRoleCan(role, "manage:member"),
    year: new Date().getUTCFullYear(),
  };
}

export default function OrganizationLayout() {
  const { organization, year } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  const base = `/o/${organization.slug}`;
  return (
    <>
      <SubHeader
        title={organization.name}
        label={t("nav.label")}
        links={[
          { to: base, label: t("nav.home"), end: true },
          { to: `${base}/practices`, label: t("nav.practices") },
          { to: `${base}/commitments`, label: t("nav.commitments") },
          { to: `${base}/reflections/${year}`, label: t("nav.reflection", { year }) },
          { to: `${base}/members`, label: t("nav.members") },
        ]}
      />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
