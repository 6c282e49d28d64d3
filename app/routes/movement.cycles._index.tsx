import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleStatusBadge } from "~/components/cycle-status";
import { useFormat } from "~/components/use-format";
import { listCycles } from "~/models/cycle.server";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { coalitionRoleCan } from "~/utils/permissions";

/** Every annual cycle: staff read, admins also create. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const [cycles, t] = await Promise.all([listCycles({ prisma: await getPrisma() }), fixedT(request, "cycle")]);
  return { title: t("list.title"), cycles, canManage: coalitionRoleCan(user.coalitionRole, "manage:cycle") };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function Cycles() {
  const { cycles, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cycle");
  const format = useFormat();
  return (
    <div className="container section stack">
      <div className="page-heading">
        <h1>{t("list.title")}</h1>
        {canManage ? (
          <Link className="button" to="/movement/cycles/new">
            {t("list.new")}
          </Link>
        ) : null}
      </div>
      <p className="section-intro">{t("list.intro")}</p>
      {cycles.length ? (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("list.year")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.dates")}</th>
                <th scope="col">{t("list.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr key={c.year}>
                  <th scope="row">
                    <Link to={`/movement/cycles/${c.year}`}>{t("list.cycleOf", { year: c.year })}</Link>
                  </th>
                  <td>
                    <CycleStatusBadge status={c.status} />
                  </td>
                  <td>{t("list.range", { from: format.date(c.opensOn), to: format.date(c.closesOn) })}</td>
                  <td>{t("list.organizations", { count: c.submitted })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">{canManage ? t("list.emptyAdmin") : t("list.empty")}</p>
      )}
    </div>
  );
}
