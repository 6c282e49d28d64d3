import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { findUsableReset, RESET_MINUTES, resetPassword } from "~/models/password-reset.server";
import { startSession } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply } from "~/utils/forms.server";
import { fixedT } from "~/utils/i18next.server";
import { newPasswordErrors } from "~/utils/password-policy.server";
import { redirectWithToast } from "~/utils/toast.server";
import { tokenParam } from "~/utils/form-fields";
import { resetPasswordSchema } from "~/models/session-schema";
import { NewPasswordFields } from "~/components/new-password-fields";

const EXPIRED = "auth:reset.expired";

/**
 * A link cut short by a mail program is null (404); a well-formed one that no longer works is a 410. Both show
 * the page that explains it and offers a new link, never the generic 404.
 */
function tokenOf(params: LoaderFunctionArgs["params"]) {
  const parsed = tokenParam().safeParse(params.token);
  return parsed.success ? parsed.data : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenOf(params);
  const [reset, t] = await Promise.all([
    token ? findUsableReset({ prisma: await getPrisma(), token }) : null,
    fixedT(request, "auth"),
  ]);
  const page = {
    title: t(reset ? "reset.title" : "reset.expiredTitle"),
    email: reset?.email ?? null,
    minutes: RESET_MINUTES,
  };
  return data(page, { status: reset ? 200 : token ? 410 : 404 });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page?.title ?? ""} · North Star` },
  { name: "robots", content: "noindex" },
  // the token in this address never travels in a Referer header, not even to this site's own assets
  { name: "referrer", content: "no-referrer" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const token = tokenOf(params);
  const submission = await parseForm(request, resetPasswordSchema());
  const hideFields = ["password", "confirm"];
  if (!token) return reply(submission, { formErrors: [EXPIRED], hideFields, status: 404 });
  if (submission.status !== "success") return reply(submission, { hideFields });
  const prisma = await getPrisma();
  const reset = await findUsableReset({ prisma, token });
  if (!reset) return reply(submission, { formErrors: [EXPIRED], hideFields, status: 410 });
  const { password, confirm } = submission.value;
  const fieldErrors = await newPasswordErrors({ password, confirm, email: reset.email });
  if (fieldErrors) return reply(submission, { fieldErrors, hideFields });

  const changed = await resetPassword({ prisma, token, password });
  // the link was used (or expired) between the check above and now: the form says so, with its 410
  if (!changed.ok) return reply(submission, { formErrors: [EXPIRED], hideFields, status: 410 });
  const userId = changed.value;
  // the browser's previous session ends too, even when it was another account's
  const { headers, home } = await startSession({ request, userId, email: reset.email });
  return redirectWithToast(home, { key: "auth:reset.done" }, { headers });
}

export default function ResetPassword() {
  const { email, minutes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({ id: "reset-password", lastResult });
  if (!email || form.errors?.includes(EXPIRED)) {
    return (
      <div className="container narrow section stack">
        <h1>{t("reset.expiredTitle")}</h1>
        <p>{t("reset.expired", { minutes })}</p>
        <p>
          <Link className="button" to="/forgot-password">
            {t("reset.requestNew")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow section">
      <h1>{t("reset.title")}</h1>
      <p className="section-intro">{t("reset.intro", { email })}</p>
      <Form method="post" className="stack card-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} reveal />
        {/* lets a password manager file the new password under the right account */}
        <input type="email" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields
          password={fields.password}
          confirm={fields.confirm}
          labels={{ password: t("fields.newPassword"), confirm: t("fields.passwordConfirm") }}
        />
        <SubmitButton>{t("reset.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
