import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { coalitionRoleCan } from "~/utils/permissions";

/** Coalition pages: staff and admins only; everyone else gets a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  return json({
    canManageOrganizations: coalitionRoleCan(user.coalitionRole, "manage:organization"),
    canManagePeople: coalitionRoleCan(user.coalitionRole, "manage:people"),
    canReadAudit: coalitionRoleCan(user.coalitionRole, "read:audit"),
  });
}

export default function MovementLayout() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <div className="subheader">
        <div className="container">
          <p className="subheader-title">{t("nav.title")}</p>
          <nav aria-label={t("nav.title")} className="subnav">
            <NavLink to="/movement" end>
              {t("nav.overview")}
            </NavLink>
            {data.canManageOrganizations ? <NavLink to="/movement/admin/organizations">{t("nav.organizations")}</NavLink> : null}
            {data.canManagePeople ? <NavLink to="/movement/admin/people">{t("nav.people")}</NavLink> : null}
            {data.canReadAudit ? <NavLink to="/movement/admin/audit">{t("nav.audit")}</NavLink> : null}
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
