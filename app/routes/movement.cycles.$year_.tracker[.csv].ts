import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getSubmissionTracker } from "~/models/cycle-tracker.server";
import { getCycleByParam } from "~/models/cycle.server";
import { notFound, readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { csvDownload } from "~/utils/csv";
import { getPrisma } from "~/utils/db.server";
import { searchParamsOf } from "~/utils/http";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { parseTrackerFilters } from "~/models/cycle-schema";

/** The submission tracker as CSV, with the page's filters: states, dates and names, never what was written. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:movement");
  const prisma = await getPrisma();
  const cycle = await getCycleByParam({ prisma, param: params.year });
  if (!cycle) notFound();
  const search = searchParamsOf(request);
  const { region, state } = parseTrackerFilters(search);
  const locale = await getLocale(request);
  const [tracker, t] = await Promise.all([
    getSubmissionTracker({ prisma, cycleId: cycle.id, locale, region, state }),
    fixedT(request, "cycle"),
  ]);
  const header = [t("csv.organization"), t("csv.region"), t("csv.overall"), t("csv.paused")];
  for (const v of tracker.values)
    header.push(t("csv.state", { value: v.name }), t("csv.at", { value: v.name }), t("csv.by", { value: v.name }));
  const rows = tracker.rows.map((r) => [
    r.name,
    r.region ?? t("tracker.noRegion"),
    t(`tracker.state.${r.state}`),
    r.paused ? (r.paused.until ?? t("csv.untilResumed")) : "",
    ...r.steps.flatMap((s) => [t(`tracker.state.${s.state}`), s.at?.slice(0, 10) ?? "", s.by ?? ""]),
  ]);
  // the file names the view it was taken from: the region's name as the page shows it, the state's
  const regionName = region ? (tracker.regions.find((r) => r.code === region)?.name ?? region) : null;
  return csvDownload(
    [header, ...rows],
    [t("csv.file"), cycle.year, regionName, state ? t(`tracker.state.${state}`) : null],
  );
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}
