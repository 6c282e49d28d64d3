import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {} from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { acceptInvitation, findOpenInvitation } from "~/models/invitation.server";
import { startAttempt, succeeded, type Attempt } from "~/models/user.server";
import { getUser, startSession } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { orThrow, parseForm, reply, replyFailure } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { retryAfterHeaders } from "~/utils/retry-after";
import { newPasswordErrors } from "~/utils/password-policy.server";
import { clientAddress } from "~/utils/security.server";
import { isKnownDevice } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useFormat } from "~/components/use-format";
import { acceptInvitationSchema } from "~/models/invitation-schema";
import { NewPasswordFields } from "~/components/new-password-fields";

const HIDE = { hideFields: ["password", "confirm"] };

/** The open invitation behind the link; anything else is the 404 or 410 page, never a 500. */
async function openInvitation(token: string | undefined) {
  return orThrow(await findOpenInvitation({ prisma: await getPrisma(), token: token ?? "" }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await openInvitation(params.token);
  const [user, t] = await Promise.all([getUser(request), fixedT(request, "invite")]);
  const mode = !invitation.accountId ? "create" : user?.id === invitation.accountId ? "confirm" : "join";
  return {
    title: t("title"),
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    organization: invitation.organization,
    inviter: invitation.inviter,
    expiresAt: invitation.expiresAt.toISOString(),
    mode,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page?.title ?? ""} · North Star` },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = retryAfterHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const invitation = await openInvitation(params.token);
  const submission = await parseForm(request, acceptInvitationSchema());
  if (submission.status !== "success") return reply(submission, HIDE);
  const value = submission.value;
  const prisma = await getPrisma();
  const env = getEnv();
  const user = await getUser(request);
  let attempt: Attempt | null = null;

  if (value.intent === "create") {
    if (invitation.accountId) return reply(submission, { formErrors: ["invite:errors.accountExists"], ...HIDE });
    const fieldErrors = await newPasswordErrors({
      password: value.password,
      confirm: value.confirm,
      email: invitation.email,
    });
    if (fieldErrors) return reply(submission, { fieldErrors, ...HIDE });
  } else {
    if (!invitation.accountId) return reply(submission, { formErrors: ["invite:errors.accountMissing"], ...HIDE });
    if (user?.id !== invitation.accountId) {
      if (!value.password) return reply(submission, { fieldErrors: { password: ["validation.required"] }, ...HIDE });
      // the password is checked as at sign-in, under the same limits
      const started = await startAttempt({
        prisma,
        kind: "sign-in",
        email: invitation.email,
        address: clientAddress(context),
        ceiling: env.FAILED_SIGN_INS_PER_MINUTE,
        knownDevice: await isKnownDevice(request, invitation.email),
      });
      if (started.status !== "started") {
        const message = started.status === "busy" ? "auth:login.busy" : "auth:login.tooMany";
        return reply(submission, {
          formErrors: [message],
          ...HIDE,
          status: 429,
          headers: { "Retry-After": String(started.retryAfter) },
        });
      }
      attempt = started.attempt;
    }
  }

  const result = await acceptInvitation({
    prisma,
    token: params.token ?? "",
    name: value.intent === "create" ? value.name : undefined,
    password: value.password,
    locale: await getLocale(request),
    signedInUserId: user?.id ?? null,
  });
  if (!result.ok) return replyFailure(submission, result, HIDE);

  if (attempt) await succeeded({ prisma, attempt });
  // a fresh session for the person who accepted; the browser's previous one ends
  const { headers, home } = await startSession({ request, userId: result.value.userId, email: invitation.email });
  return redirectWithToast(home, { key: "invite:accepted" }, { headers });
}

export default function Invite() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("invite");
  const [form, fields] = useForm<Record<"name" | "password" | "confirm", string>>({
    id: "invite",
    lastResult,
    defaultValue: { name: page.name ?? "" },
  });
  const role = t(`roleIn.${page.role}`);
  const intro = page.organization
    ? t(page.inviter ? "introOrganization" : "introOrganizationNoInviter", {
        inviter: page.inviter,
        organization: page.organization,
        role,
      })
    : t(page.inviter ? "introCoalition" : "introCoalitionNoInviter", { inviter: page.inviter, role });
  const expires = useFormat().date(page.expiresAt, "long");
  return (
    <div className="container narrow section stack">
      <h1>{t("title")}</h1>
      <p className="section-intro">{intro}</p>
      <p>
        {t("forEmail", { email: page.email })} {t("expires", { date: expires })}
      </p>
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="intent" value={page.mode === "create" ? "create" : "join"} />
        {/* lets a password manager save the new password under the right account */}
        <input type="email" name="username" autoComplete="username" value={page.email} readOnly hidden />
        {page.mode === "create" ? (
          <>
            <h2>{t("create.title")}</h2>
            <Field
              label={t("auth:fields.name")}
              meta={fields.name}
              help={t("auth:fields.nameHelp", { context: page.organization ? undefined : "coalition" })}
            >
              <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" maxLength={100} required />
            </Field>
            <NewPasswordFields
              password={fields.password}
              confirm={fields.confirm}
              labels={{ password: t("auth:fields.newPassword"), confirm: t("auth:fields.passwordConfirm") }}
            />
            <SubmitButton>{t("create.submit")}</SubmitButton>
          </>
        ) : page.mode === "join" ? (
          <>
            <p>{t("join.intro")}</p>
            <Field label={t("auth:fields.password")} meta={fields.password}>
              <input
                {...getInputProps(fields.password, { type: "password" })}
                autoComplete="current-password"
                maxLength={128}
                required
              />
            </Field>
            <SubmitButton>{t("join.submit")}</SubmitButton>
          </>
        ) : (
          <>
            <p>{t("confirm.intro", { email: page.email })}</p>
            <SubmitButton>{t("join.submit")}</SubmitButton>
          </>
        )}
      </Form>
      {page.mode === "join" ? (
        <p className="after-form">
          <Link to="/forgot-password">{t("auth:login.forgot")}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** An unknown link (404) and a used, withdrawn or expired one (410) get their own plain explanation. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("invite");
  if (!isRouteErrorResponse(error) || (error.status !== 404 && error.status !== 410)) return <GeneralErrorBoundary />;
  const key = error.status === 404 ? "notFound" : "gone";
  return (
    <div className="container narrow section stack">
      <h1>{t(`${key}.title`)}</h1>
      <p>{t(`${key}.body`)}</p>
      <p className="form-actions">
        <Link className="button" to="/login">
          {t("common:nav.signIn")}
        </Link>
        <Link className="button secondary" to="/">
          {t("common:error.home")}
        </Link>
      </p>
    </div>
  );
}
