import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipationTracker } from "~/components/participation-tracker";
import { listMovementYears } from "~/models/movement-years.server";
import {
  getParticipationTracker,
  parseParticipationQuery,
  participationParams,
} from "~/models/movement-organizations.server";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { filterParamsOf } from "~/utils/http";
import { fixedT, getLocale } from "~/utils/i18next.server";

/** Staff: every active organization's participation, from the summaries; names and counts, never content. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const currentYear = new Date().getUTCFullYear();
  const query = parseParticipationQuery(filterParamsOf(request), currentYear);
  const [prisma, t, locale] = await Promise.all([getPrisma(), fixedT(request, "movement"), getLocale(request)]);
  const [tracker, years] = await Promise.all([
    getParticipationTracker({ prisma, query, locale }),
    listMovementYears({ prisma, currentYear }),
  ]);
  return {
    title: t("organizations.title"),
    query: { ...query, page: query.page === "all" ? 1 : query.page },
    params: participationParams(query, { page: 1 }),
    years,
    tracker,
  };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function MovementOrganizations() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("movement");
  return (
    <div className="container section stack">
      <h1>{t("organizations.title")}</h1>
      <p className="section-intro">{t("organizations.intro")}</p>
      <ParticipationTracker query={data.query} params={data.params} years={data.years} tracker={data.tracker} />
    </div>
  );
}
