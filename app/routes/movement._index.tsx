import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMovementOverview } from "~/models/movement.server";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import i18next from "~/utils/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const [overview, t] = await Promise.all([getPrisma().then((prisma) => getMovementOverview({ prisma })), i18next.getFixedT(request, "admin")]);
  return json({ overview, title: t("overview.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function MovementOverview() {
  const { overview } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="container section stack">
      <h1>{t("overview.title")}</h1>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t("overview.organizations")}</dt>
          <dd>{number.format(overview.organizations)}</dd>
        </div>
        <div className="stat">
          <dt>{t("overview.people")}</dt>
          <dd>{number.format(overview.people)}</dd>
        </div>
        <div className="stat">
          <dt>{t("overview.leads")}</dt>
          <dd>{number.format(overview.leads)}</dd>
        </div>
        <div className="stat">
          <dt>{t("overview.cycle")}</dt>
          <dd>
            {overview.openCycle
              ? t("overview.cycleOpen", { year: overview.openCycle.year, date: new Date(`${overview.openCycle.closesOn}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: "long", timeZone: "UTC" }) })
              : t("overview.noCycle")}
          </dd>
        </div>
      </dl>
    </div>
  );
}
