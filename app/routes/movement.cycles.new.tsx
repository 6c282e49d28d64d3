import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleForm } from "~/components/cycle-form";
import { createCycleSchema } from "~/models/cycle-schema";
import { createCycle, getCyclePrompts, suggestNextCycle } from "~/models/cycle.server";
import { requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

/** Coalition admins prepare a year's cycle as a draft: dates, reminder interval, and last year's prompts to edit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:cycle");
  const prisma = await getPrisma();
  const lng = await getLocale(request);
  const suggested = await suggestNextCycle({ prisma });
  const [prompts, t] = await Promise.all([
    getCyclePrompts({ prisma, year: suggested.year, locale: lng }),
    fixedT(request, "cycle"),
  ]);
  // the first cycle of an installation has no earlier prompts to start from
  const firstCycle = prompts.every((p) => !p.en && !p.es);
  return { title: t("create.title"), firstCycle, defaultValue: { ...suggested, prompts } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:cycle");
  const submission = await parseForm(request, createCycleSchema());
  if (submission.status !== "success") return reply(submission);
  const { year, ...input } = submission.value;
  const created = await createCycle({ prisma: await getPrisma(), actorId: user.id, year, input });
  if (!created.ok) return replyFailure(submission, created);
  return redirectWithToast(`/movement/cycles/${year}`, { key: "cycle:create.created", values: { year } });
}

export default function NewCycle() {
  const { defaultValue, firstCycle } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("cycle");
  return (
    <div className="container narrow section stack">
      <h1>{t("create.title")}</h1>
      <p className="section-intro">{t(firstCycle ? "create.introFirst" : "create.intro")}</p>
      <CycleForm
        id="create-cycle"
        defaultValue={defaultValue}
        lastResult={lastResult}
        submitLabel={t("create.submit")}
      />
    </div>
  );
}
