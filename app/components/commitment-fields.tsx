import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { COMMITMENT_STATUS_ICONS, type CommitmentStatusName } from "~/components/commitment-status";
import { Field } from "~/components/ui/field";
import { fieldProps } from "~/utils/form-rules";
import { commitmentRules, commitmentUpdateRules } from "~/models/commitment-rules";

export type CommitmentValueOption = { id: string; name: string };

export type CommitmentFormFields = {
  valueId: FieldMetadata<string>;
  year: FieldMetadata<unknown>;
  title: FieldMetadata<string>;
  description: FieldMetadata<string | undefined>;
  indicator: FieldMetadata<string | undefined>;
  target: FieldMetadata<string | undefined>;
};

export type CommitmentUpdateFormFields = {
  status: FieldMetadata<string>;
  progress: FieldMetadata<unknown>;
  note: FieldMetadata<string | undefined>;
};

/** The commitment's own fields, shared by the new and the edit form: what it is first, how to tell it is done after. */
export function CommitmentFields({
  fields,
  values,
  years,
}: {
  fields: CommitmentFormFields;
  values: CommitmentValueOption[];
  years: number[];
}) {
  const { t } = useTranslation("commitment");
  return (
    <>
      <Field label={t("fields.value")} meta={fields.valueId}>
        <select {...getSelectProps(fields.valueId)} required>
          <option value="">{t("fields.chooseValue")}</option>
          {values.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("fields.year")} meta={fields.year} help={t("fields.yearHelp")}>
        <select {...getSelectProps(fields.year, { ariaDescribedBy: fields.year.descriptionId })} required>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("fields.title")} meta={fields.title} help={t("fields.titleHelp")}>
        <input
          {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })}
          {...fieldProps(commitmentRules.fields.title)}
        />
      </Field>
      <Field label={t("fields.description")} meta={fields.description} help={t("fields.privacyHelp")}>
        <textarea
          {...getTextareaProps(fields.description, { ariaDescribedBy: fields.description.descriptionId })}
          {...fieldProps(commitmentRules.fields.description)}
        />
      </Field>
      <Field label={t("fields.indicator")} meta={fields.indicator} help={t("fields.indicatorHelp")}>
        <input
          {...getInputProps(fields.indicator, { type: "text", ariaDescribedBy: fields.indicator.descriptionId })}
          {...fieldProps(commitmentRules.fields.indicator)}
        />
      </Field>
      <Field label={t("fields.target")} meta={fields.target} help={t("fields.targetHelp")}>
        <input
          {...getInputProps(fields.target, { type: "text", ariaDescribedBy: fields.target.descriptionId })}
          {...fieldProps(commitmentRules.fields.target)}
        />
      </Field>
    </>
  );
}

/** A dated update: where the commitment stands now, how far along, and what happened. */
export function CommitmentUpdateFields({ fields }: { fields: CommitmentUpdateFormFields }) {
  const { t } = useTranslation("commitment");
  const statuses = Object.keys(COMMITMENT_STATUS_ICONS) as CommitmentStatusName[];
  return (
    <>
      <div className="update-row">
        <Field label={t("fields.status")} meta={fields.status}>
          <select {...getSelectProps(fields.status)} required>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {COMMITMENT_STATUS_ICONS[s]} {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("fields.progress")} meta={fields.progress} help={t("fields.progressHelp")}>
          <input
            {...getInputProps(fields.progress, { type: "number", ariaDescribedBy: fields.progress.descriptionId })}
            {...fieldProps(commitmentUpdateRules.fields.progress)}
            inputMode="numeric"
          />
        </Field>
      </div>
      <Field label={t("fields.note")} meta={fields.note} help={t("fields.privacyHelp")}>
        <textarea
          {...getTextareaProps(fields.note, { ariaDescribedBy: fields.note.descriptionId })}
          {...fieldProps(commitmentUpdateRules.fields.note)}
        />
      </Field>
    </>
  );
}
