import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { ReminderPreference } from "~/components/reminder-preference";
import { changePassword, updateAccountLocale, updateAccountName } from "~/models/account.server";
import { getReminderPreference, setReminderPreference } from "~/models/reminder.server";
import { requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply } from "~/utils/forms.server";
import { fixedT, localeCookie } from "~/utils/i18next.server";
import { isLocale, LOCALES } from "~/utils/localized";
import { newPasswordErrors } from "~/utils/password-policy.server";
import { redirectWithToast } from "~/utils/toast.server";
import { accountSchema } from "~/models/account-schema";
import { NewPasswordFields } from "~/components/new-password-fields";

const PASSWORD_FIELDS = ["currentPassword", "password", "confirm"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, reminders] = await Promise.all([
    fixedT(request, "auth"),
    getReminderPreference({ prisma: await getPrisma(), userId: user.id }),
  ]);
  return {
    reminders,
    title: t("account.title"),
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : "en",
    coalitionRole: user.coalitionRole,
    memberships: user.memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseForm(request, accountSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  const hideFields = intent === "password" ? PASSWORD_FIELDS : undefined;
  const refuse = (status: number, options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    reply(submission, { status, hideFields, ...options }, { intent });
  if (submission.status !== "success") return refuse(400);
  const prisma = await getPrisma();
  const value = submission.value;
  switch (value.intent) {
    case "name":
      await updateAccountName({ prisma, userId: user.id, name: value.name });
      return redirectWithToast("/account", { key: "account:name.saved" });
    case "locale": {
      await updateAccountLocale({ prisma, userId: user.id, locale: value.locale });
      const res = await redirectWithToast("/account", { key: "account:language.saved" });
      // this browser switches too: a language chosen here overrides one chosen earlier with the switch
      res.headers.append("Set-Cookie", await localeCookie.serialize(value.locale));
      return res;
    }
    case "password": {
      const fieldErrors = await newPasswordErrors({
        password: value.password,
        confirm: value.confirm,
        email: user.email,
      });
      if (fieldErrors) return refuse(400, { fieldErrors });
      const changed = await changePassword({
        prisma,
        userId: user.id,
        sessionId: user.sessionId,
        current: value.currentPassword,
        next: value.password,
      });
      if (changed === "limited") return refuse(429, { formErrors: ["auth:login.tooMany"] });
      if (changed === "wrong") return refuse(400, { fieldErrors: { currentPassword: ["account:password.wrong"] } });
      return redirectWithToast("/account", { key: "account:password.saved" });
    }
    case "reminders":
      await setReminderPreference({ prisma, userId: user.id, receives: value.receives === "yes" });
      return redirectWithToast("/account", { key: "cycle:preference.saved" });
  }
}

type Result = SubmissionResult<string[]> | undefined;

/** One setting: a card with its heading. New settings are one more of these. */
function Setting({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="card stack account-setting">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

// coalition staff and admins belong to no organization: their name's help speaks of the coalition team
function NameForm({ name, coalition, lastResult }: { name: string; coalition: boolean; lastResult: Result }) {
  const { t } = useTranslation("account");
  const [form, fields] = useForm({ id: "account-name", lastResult, defaultValue: { name } });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      <input type="hidden" name="intent" value="name" />
      <Field
        label={t("name.label")}
        meta={fields.name}
        help={t("name.help", { context: coalition ? "coalition" : undefined })}
      >
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" maxLength={100} required />
      </Field>
      <SubmitButton className="button secondary">{t("name.submit")}</SubmitButton>
    </Form>
  );
}

function LanguageForm({ locale, lastResult }: { locale: string; lastResult: Result }) {
  const { t } = useTranslation("account");
  const [form, fields] = useForm({ id: "account-locale", lastResult, defaultValue: { locale } });
  return (
    // a full page load, so the page comes back with the other language's messages
    <Form method="post" reloadDocument className="stack" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      <input type="hidden" name="intent" value="locale" />
      <Field label={t("language.label")} meta={fields.locale} help={t("language.help")}>
        <select {...getSelectProps(fields.locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton className="button secondary">{t("language.submit")}</SubmitButton>
    </Form>
  );
}

function PasswordForm({ email, lastResult }: { email: string; lastResult: Result }) {
  const { t } = useTranslation(["account", "auth"]);
  const [form, fields] = useForm({ id: "account-password", lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p className="field-help">{t("password.intro")}</p>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      <input type="hidden" name="intent" value="password" />
      {/* lets a password manager file the new password under the right account */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <Field label={t("password.current")} meta={fields.currentPassword}>
        <input
          {...getInputProps(fields.currentPassword, { type: "password" })}
          autoComplete="current-password"
          required
        />
      </Field>
      <NewPasswordFields
        password={fields.password}
        confirm={fields.confirm}
        labels={{ password: t("password.new"), confirm: t("password.confirm") }}
      />
      <SubmitButton className="button secondary">{t("password.submit")}</SubmitButton>
    </Form>
  );
}

export default function Account() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["auth", "account"]);
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <div className="container narrow section stack">
      <h1>{t("account.title")}</h1>
      <p>{t("account.signedInAs", { email: page.email })}</p>
      {page.coalitionRole !== "NONE" ? (
        <p className="badge">{t(`account.coalitionRole${page.coalitionRole}`)}</p>
      ) : null}
      {page.memberships.length ? (
        <section aria-labelledby="memberships-heading">
          <h2 id="memberships-heading">{t("account.memberships")}</h2>
          <ul className="plain-list">
            {page.memberships.map((m) => (
              <li key={m.slug}>
                <a href={`/o/${m.slug}`}>{m.name}</a> · {t(`account.role${m.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Setting id="name" title={t("account:name.title")}>
        <NameForm name={page.name} coalition={page.coalitionRole !== "NONE"} lastResult={resultFor("name")} />
      </Setting>
      <Setting id="language" title={t("account:language.title")}>
        <LanguageForm locale={page.locale} lastResult={resultFor("locale")} />
      </Setting>
      <Setting id="password" title={t("account:password.title")}>
        <PasswordForm email={page.email} lastResult={resultFor("password")} />
      </Setting>
      {page.reminders.hasOrganization ? (
        <ReminderPreference
          receives={page.reminders.receives}
          errors={resultFor("reminders")?.error?.receives ?? null}
        />
      ) : null}
      <Setting id="sessions" title={t("account:sessions.title")}>
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
      </Setting>
    </div>
  );
}
