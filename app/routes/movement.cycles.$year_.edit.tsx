import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleForm } from "~/components/cycle-form";
import { editCycleSchema } from "~/models/cycle-schema";
import { getCycleByParam, getCyclePrompts, updateCycle } from "~/models/cycle.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

/** A draft cycle, for coalition admins to edit; once open, a cycle's dates and prompts are what organizations answer. */
async function draftCycle(request: Request, param: string | undefined) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:cycle");
  const cycle = await getCycleByParam({ prisma: await getPrisma(), param });
  if (!cycle) notFound();
  return { user, cycle };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await draftCycle(request, params.year);
  if (cycle.status !== "DRAFT") notFound();
  const lng = await getLocale(request);
  const [prompts, t] = await Promise.all([
    getCyclePrompts({ prisma: await getPrisma(), year: cycle.year, locale: lng }),
    fixedT(request, "cycle"),
  ]);
  return { title: t("edit.title", { year: cycle.year }), year: cycle.year, defaultValue: { ...cycle, prompts } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cycle } = await draftCycle(request, params.year);
  const submission = await parseForm(request, editCycleSchema());
  if (submission.status !== "success") return reply(submission);
  const { version, ...input } = submission.value;
  const saved = await updateCycle({ prisma: await getPrisma(), actorId: user.id, year: cycle.year, version, input });
  if (!saved.ok) return replyFailure(submission, saved);
  return redirectWithToast(`/movement/cycles/${cycle.year}`, { key: "cycle:edit.saved", values: { year: cycle.year } });
}

export default function EditCycle() {
  const { year, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("cycle");
  return (
    <div className="container narrow section stack">
      <h1>{t("edit.title", { year })}</h1>
      <CycleForm id="edit-cycle" defaultValue={defaultValue} lastResult={lastResult} submitLabel={t("edit.submit")} />
    </div>
  );
}
