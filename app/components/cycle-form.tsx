import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";

export type CyclePromptValue = { valueId: string; name: string; en: string; es: string };
export type CycleFormValue = {
  year?: number;
  opensOn: string;
  closesOn: string;
  reminderIntervalDays: number;
  version?: number;
  prompts: CyclePromptValue[];
};

/** A cycle's dates, reminder interval and one prompt per value in English and Spanish (create and edit). */
export function CycleForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue: CycleFormValue;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const { t } = useTranslation("cycle");
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: {
      ...defaultValue,
      year: defaultValue.year?.toString(),
      reminderIntervalDays: String(defaultValue.reminderIntervalDays),
      version: defaultValue.version?.toString(),
      prompts: defaultValue.prompts.map((p) => ({ valueId: p.valueId, en: p.en, es: p.es })),
    },
    shouldRevalidate: "onBlur",
  });
  const prompts = fields.prompts.getFieldList();
  return (
    <Form method="post" className="stack card-form" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      {fields.version.initialValue ? <input {...getInputProps(fields.version, { type: "hidden" })} /> : null}
      {defaultValue.year !== undefined && !fields.version.initialValue ? (
        <Field label={t("form.year")} meta={fields.year}>
          <input
            {...getInputProps(fields.year, { type: "number" })}
            min={2000}
            max={2200}
            required
            inputMode="numeric"
          />
        </Field>
      ) : null}
      <div className="field-row">
        <Field label={t("form.opensOn")} meta={fields.opensOn}>
          <input {...getInputProps(fields.opensOn, { type: "date" })} required />
        </Field>
        <Field label={t("form.closesOn")} meta={fields.closesOn} help={t("form.closesOnHelp")}>
          <input {...getInputProps(fields.closesOn, { type: "date" })} required />
        </Field>
      </div>
      <Field label={t("form.interval")} meta={fields.reminderIntervalDays} help={t("form.intervalHelp")}>
        <input
          {...getInputProps(fields.reminderIntervalDays, { type: "number" })}
          min={1}
          max={60}
          required
          inputMode="numeric"
        />
      </Field>
      <h2>{t("form.prompts")}</h2>
      <p className="field-help">{t("form.promptsHelp")}</p>
      <ErrorList id={fields.prompts.errorId} errors={fields.prompts.errors} />
      {prompts.map((item, i) => {
        const p = item.getFieldset();
        const name = defaultValue.prompts[i]?.name ?? "";
        return (
          <fieldset key={item.key} className="card stack">
            <legend>{name}</legend>
            <input {...getInputProps(p.valueId, { type: "hidden" })} />
            <Field label={t("form.promptEn", { value: name })} meta={p.en}>
              <textarea {...getTextareaProps(p.en)} lang="en" rows={3} maxLength={1000} required />
            </Field>
            <Field label={t("form.promptEs", { value: name })} meta={p.es}>
              <textarea {...getTextareaProps(p.es)} lang="es" rows={3} maxLength={1000} required />
            </Field>
          </fieldset>
        );
      })}
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
