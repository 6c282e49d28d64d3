import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { RESET_MINUTES, requestPasswordReset } from "~/models/password-reset.server";
import { startAttempt } from "~/models/user.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply } from "~/utils/forms.server";
import { fixedT } from "~/utils/i18next.server";
import { retryAfterHeaders } from "~/utils/retry-after";
import { emailDelivery } from "~/utils/mailer.server";
import { clientAddress } from "~/utils/security.server";
import { searchParamsOf } from "~/utils/http";
import { forgotPasswordSchema } from "~/models/session-schema";

// Every accepted request answers after at least this long, so a known email (a few writes) and an unknown
// one (one lookup) cannot be told apart by the time they take.
const ANSWER_AFTER_MS = 500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await fixedT(request, "auth");
  const sent = searchParamsOf(request).get("sent") === "1";
  // what this server does with the email the page promises: sends it, keeps it in the outbox, or neither
  const mail = emailDelivery();
  return {
    title: t(sent ? "forgot.sentTitle" : "forgot.title", { context: mail }),
    sent,
    minutes: RESET_MINUTES,
    mail,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.title ?? ""} · North Star` }];

/** The same answer, after the same time, whether or not an account has the email. */
export const headers: HeadersFunction = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await parseForm(request, forgotPasswordSchema());
  if (submission.status !== "success") return reply(submission);
  const { email } = submission.value;
  const prisma = await getPrisma();
  const env = getEnv();
  // every request counts (none is refunded): each one may send an email
  const started = await startAttempt({
    prisma,
    kind: "reset",
    email,
    address: clientAddress(context),
    ceiling: env.FAILED_SIGN_INS_PER_MINUTE,
  });
  if (started.status !== "started") {
    return reply(submission, {
      formErrors: ["auth:forgot.tooMany"],
      status: 429,
      headers: { "Retry-After": String(started.retryAfter) },
    });
  }
  await Promise.all([requestPasswordReset({ prisma, email, appUrl: env.APP_URL }), pause(ANSWER_AFTER_MS)]);
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPassword() {
  const { sent, minutes, mail } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({ id: "forgot-password", lastResult });
  if (sent) {
    return (
      <div className="container narrow section stack">
        <h1>{t("forgot.sentTitle", { context: mail })}</h1>
        <p role="status">{t("forgot.sent", { minutes, context: mail })}</p>
        <p className="form-actions">
          <Link className="button" to="/login">
            {t("forgot.backToLogin")}
          </Link>
          <Link to="/forgot-password">{t("forgot.again")}</Link>
        </p>
        {mail === "OUTBOX" ? (
          <p className="field-help">
            <Link to="/dev/outbox">{t("forgot.devOutbox")}</Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="container narrow section">
      <h1>{t("forgot.title")}</h1>
      <p className="section-intro">{t("forgot.intro", { context: mail })}</p>
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <Field label={t("fields.email")} meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" required />
        </Field>
        <SubmitButton>{t("forgot.submit")}</SubmitButton>
      </Form>
      <p className="after-form">
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </div>
  );
}
