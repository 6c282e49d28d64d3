import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";

/** The lead's submit or reopen of the whole reflection while its cycle is open; a member is told who submits. */
export function ReflectionLeadActions({
  data,
  result,
}: {
  data: {
    steps: { valueId: string; slug: string; name: string }[];
    cycle: { status: string };
    canSubmit: boolean;
    submitted: boolean;
  };
  result?: { intent: string; result: SubmissionResult<string[]>; missing: string[] };
}) {
  const { t } = useTranslation("reflection");
  const [form] = useForm({ id: "reflection-lead", lastResult: result?.result });
  const missing = data.steps.filter((s) => result?.missing.includes(s.valueId));
  const open = data.cycle.status === "OPEN";
  if (!open) return null;
  if (!data.canSubmit) return data.submitted ? null : <p className="field-help">{t("submit.memberNote")}</p>;
  return (
    <Form method="post" className="stack card-form lead-actions" {...getFormProps(form)}>
      <h2>{data.submitted ? t("reopen.title") : t("submit.title")}</h2>
      <p>{data.submitted ? t("reopen.intro") : t("submit.intro")}</p>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      {missing.length ? (
        <ul>
          {missing.map((s) => (
            <li key={s.slug}>
              <Link to={`?step=${s.slug}#step-title`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <input type="hidden" name="intent" value={data.submitted ? "reopen" : "submit"} />
      <div className="form-actions">
        <SubmitButton className={data.submitted ? "button secondary" : "button"}>
          {data.submitted ? t("reopen.button") : t("submit.button")}
        </SubmitButton>
      </div>
    </Form>
  );
}
