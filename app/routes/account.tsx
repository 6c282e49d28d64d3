import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReminderPreference } from "~/components/reminder-preference";
import { reminderPreferenceSchema } from "~/models/cycle-schema.server";
import { getReminderPreference, setReminderPreference } from "~/models/reminder.server";
import { requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm } from "~/utils/forms.server";
import i18next from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await i18next.getFixedT(request, "auth");
  const reminders = await getReminderPreference({ prisma: await getPrisma(), userId: user.id });
  return json({
    reminders,
    title: t("account.title"),
    email: user.email,
    name: user.name,
    coalitionRole: user.coalitionRole,
    memberships: user.memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseForm(request, reminderPreferenceSchema());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await setReminderPreference({ prisma: await getPrisma(), userId: user.id, receives: submission.value.receives === "yes" });
  return redirectWithToast("/account", { key: "cycle:preference.saved" });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  return (
    <div className="container narrow section stack">
      <h1>{t("account.title")}</h1>
      <p>
        <strong>{data.name}</strong>
        <br />
        {t("account.signedInAs", { email: data.email })}
      </p>
      {data.coalitionRole !== "NONE" ? <p className="badge">{t(`account.coalitionRole${data.coalitionRole}`)}</p> : null}
      {data.memberships.length ? (
        <section aria-labelledby="memberships-heading">
          <h2 id="memberships-heading">{t("account.memberships")}</h2>
          <ul className="plain-list">
            {data.memberships.map((m) => (
              <li key={m.slug}>
                <a href={`/o/${m.slug}`}>{m.name}</a> · {t(`account.role${m.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.reminders.hasOrganization ? <ReminderPreference receives={data.reminders.receives} errors={lastResult?.error?.receives ?? null} /> : null}
      <div className="card stack">
        <Form method="post" action="/logout">
          <button type="submit" className="button secondary">
            {t("account.signOutHere")}
          </button>
        </Form>
        <Form method="post" action="/logout" className="stack">
          <p className="field-help">{t("account.signOutEverywhereHelp")}</p>
          <button type="submit" name="scope" value="everywhere" className="button">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </div>
  );
}
