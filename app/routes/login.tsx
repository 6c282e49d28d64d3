import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { signIn } from "~/models/user.server";
import { getUser, homePath, startSession } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/http";
import { fixedT } from "~/utils/i18next.server";
import { retryAfterHeaders } from "~/utils/retry-after";
import { clientAddress } from "~/utils/security.server";
import { isKnownDevice } from "~/utils/session.server";
import { loginSchema } from "~/models/session-schema";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePath(user));
  const t = await fixedT(request, "auth");
  return { title: t("login.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.title ?? ""} · North Star` }];

export const headers: HeadersFunction = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await parseForm(request, loginSchema());
  if (submission.status !== "success") return reply(submission, { hideFields: ["password"] });
  const { email, password, redirectTo } = submission.value;
  const prisma = await getPrisma();
  const env = getEnv();
  const result = await signIn({
    prisma,
    email,
    password,
    address: clientAddress(context),
    ceiling: env.FAILED_SIGN_INS_PER_MINUTE,
    knownDevice: await isKnownDevice(request, email),
  });
  if (result.status === "failed")
    return reply(submission, { formErrors: ["auth:login.failed"], hideFields: ["password"] });
  if (result.status !== "signedIn") {
    const message = result.status === "busy" ? "auth:login.busy" : "auth:login.tooMany";
    return reply(submission, {
      formErrors: [message],
      hideFields: ["password"],
      status: 429,
      headers: { "Retry-After": String(result.retryAfter) },
    });
  }
  const { headers, home } = await startSession({ request, userId: result.userId, email });
  return redirect(safeRedirect(redirectTo, home), { headers });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({ id: "login", lastResult });
  return (
    <div className="container narrow section">
      <h1>{t("login.title")}</h1>
      <p className="section-intro">{t("login.intro")}</p>
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("fields.email")} meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" required />
        </Field>
        <Field label={t("fields.password")} meta={fields.password}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" required />
        </Field>
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="after-form">
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
    </div>
  );
}
