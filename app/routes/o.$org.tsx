import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireOrgPermission, requireUser } from "~/utils/auth.server";
import { orgRoleCan } from "~/utils/permissions";

/** The organization workspace: every /o/$org page is inside it and only for the organization's members. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:org");
  return json({
    organization: { slug: organization.slug, name: organization.name },
    role,
    canManageMembers: orgRoleCan(role, "manage:member"),
    year: new Date().getUTCFullYear(),
  });
}

export default function OrganizationLayout() {
  const { organization, year } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  const base = `/o/${organization.slug}`;
  return (
    <>
      <div className="subheader">
        <div className="container">
          <p className="subheader-title">{organization.name}</p>
          <nav aria-label={t("nav.label")} className="subnav">
            <NavLink to={base} end>
              {t("nav.home")}
            </NavLink>
            <NavLink to={`${base}/practices`}>{t("nav.practices")}</NavLink>
            <NavLink to={`${base}/commitments`}>{t("nav.commitments")}</NavLink>
            <NavLink to={`${base}/reflections/${year}`}>{t("nav.reflection", { year })}</NavLink>
            <NavLink to={`${base}/members`}>{t("nav.members")}</NavLink>
          </nav>
        </div>
      </div>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
