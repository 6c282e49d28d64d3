import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubHeader } from "~/components/sub-header";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { coalitionRoleCan } from "~/utils/permissions";

/** Coalition pages: staff and admins only; everyone else gets a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  return {
    canReadShared: coalitionRoleCan(user.coalitionRole, "read:shared-content"),
    canManageOrganizations: coalitionRoleCan(user.coalitionRole, "manage:organization"),
    canManagePeople: coalitionRoleCan(user.coalitionRole, "manage:people"),
    canReadAudit: coalitionRoleCan(user.coalitionRole, "read:audit"),
    canManageFramework: coalitionRoleCan(user.coalitionRole, "manage:framework"),
    canManageRegions: coalitionRoleCan(user.coalitionRole, "manage:region"),
  };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

export default function MovementLayout() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "framework"]);
  const { t: tm } = useTranslation("movement");
  return (
    <>
      <SubHeader
        title={t("nav.title")}
        label={t("nav.title")}
        links={[
          { to: "/movement", label: tm("nav.dashboard"), end: true },
          { to: "/movement/organizations", label: tm("nav.organizations") },
          ...(data.canReadShared ? [{ to: "/movement/shared", label: tm("nav.shared") }] : []),
          { to: "/movement/cycles", label: t("cycle:list.title") },
          ...(data.canManageOrganizations
            ? [{ to: "/movement/admin/organizations", label: tm("nav.manageOrganizations") }]
            : []),
          ...(data.canManagePeople ? [{ to: "/movement/admin/people", label: t("nav.people") }] : []),
          ...(data.canReadAudit ? [{ to: "/movement/admin/audit", label: t("nav.audit") }] : []),
          ...(data.canManageFramework ? [{ to: "/movement/admin/framework", label: t("framework:nav") }] : []),
          ...(data.canManageRegions ? [{ to: "/movement/admin/regions", label: t("nav.regions") }] : []),
        ]}
      />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
