import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/submit-button";
import { readStopRemindersToken } from "~/models/reminder-token.server";
import { setReminderPreference } from "~/models/reminder.server";
import { notFound } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { readForm } from "~/utils/security.server";
import { sessionSecrets } from "~/utils/session.server";

/** The user a reminder's "stop" link names; a link that was not signed here (with any current secret) is a 404. */
function userOf(token: string | undefined) {
  const userId =
    token && token.length <= 200
      ? sessionSecrets().reduce<string | null>(
          (found, secret) => found ?? readStopRemindersToken({ secret, token }),
          null,
        )
      : null;
  if (!userId) notFound();
  return userId;
}

/** The "stop these emails" link of a cycle reminder: one button, no sign-in (mail clients' one-click POST too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  userOf(params.token);
  const t = await fixedT(request, "cycle");
  return { title: t("stop.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · North Star` },
  { name: "robots", content: "noindex" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = userOf(params.token);
  await readForm(request);
  if (!(await setReminderPreference({ prisma: await getPrisma(), userId, receives: false }))) notFound();
  return { stopped: true };
}

export default function StopReminders() {
  const done = useActionData<typeof action>();
  useLoaderData<typeof loader>();
  const { t } = useTranslation("cycle");
  return (
    <div className="container narrow section stack">
      <h1>{t("stop.title")}</h1>
      {done?.stopped ? (
        <p role="status">{t("stop.done")}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t("stop.intro")}</p>
          <SubmitButton>{t("stop.submit")}</SubmitButton>
        </Form>
      )}
      <p className="field-help">{t("stop.account")}</p>
    </div>
  );
}
