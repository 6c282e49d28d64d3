import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { COMMITMENT_STATUSES } from "~/models/commitment-rules";
import { movementFilterNames } from "~/models/movement-filters";
import { getParticipationTracker, parseParticipationQuery } from "~/models/movement-organizations.server";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { getPrisma } from "~/utils/db.server";
import { searchParamsOf } from "~/utils/http";
import { fixedT, getLocale } from "~/utils/i18next.server";

/** The participation tracker as CSV: every row for the page's filters and order; names and counts only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const query = {
    ...parseParticipationQuery(searchParamsOf(request), new Date().getUTCFullYear()),
    page: "all" as const,
  };
  const [prisma, t, tc, tm, ta, locale] = await Promise.all([
    getPrisma(),
    fixedT(request, "movement"),
    fixedT(request, "cycle"),
    fixedT(request, "commitment"),
    fixedT(request, "admin"),
    getLocale(request),
  ]);
  const tracker = await getParticipationTracker({ prisma, query, locale });
  const header = [
    t("organizations.name"),
    t("dashboard.region"),
    t("organizations.macroRegion"),
    t("organizations.lastPractice"),
    t("organizations.practices", { year: query.year }),
    ...COMMITMENT_STATUSES.map((s) =>
      t("organizations.csvCommitments", { status: tm(`status.${s}`), year: query.year }),
    ),
    ...(tracker.cycleYear !== null ? [t("organizations.reflection", { year: tracker.cycleYear })] : []),
  ];
  const rows = tracker.rows.map((r) => [
    r.name,
    r.regionName ?? "",
    t(`regions.${r.macroRegion}`),
    r.lastPracticeOn ?? "",
    r.practices,
    ...COMMITMENT_STATUSES.map((s) => r.commitments[s]),
    ...(r.reflection ? [tc(`tracker.state.${r.reflection}`)] : []),
  ]);
  // the file names the view it was taken from; the order of rows is no filter
  return csvDownload(
    [header, ...rows],
    [
      t("files.organizations"),
      query.year,
      ...movementFilterNames(query, t, ta),
      query.state ? tc(`tracker.state.${query.state}`) : null,
      query.q,
    ],
  );
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}
