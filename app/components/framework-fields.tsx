import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";

type Meta = FieldMetadata<string | undefined>;

/**
 * One text asked for in English and Spanish, side by side on a wide screen. Each input carries its
 * language, so a screen reader and the spell checker read it as such.
 */
export function LocalizedTextField({
  legend,
  en,
  es,
  multiline = false,
  maxLength,
  required = true,
  help,
}: {
  legend: string;
  en: Meta;
  es: Meta;
  multiline?: boolean;
  maxLength: number;
  required?: boolean;
  help?: string;
}) {
  const { t } = useTranslation("framework");
  const input = (meta: Meta, lang: "en" | "es") =>
    multiline ? (
      <textarea {...getTextareaProps(meta)} lang={lang} rows={3} maxLength={maxLength} required={required} />
    ) : (
      <input {...getInputProps(meta, { type: "text" })} lang={lang} maxLength={maxLength} required={required} />
    );
  return (
    <fieldset className="localized-field">
      <legend>{legend}</legend>
      {help ? <p className="field-help">{help}</p> : null}
      <div className="localized-pair">
        <Field label={t("fields.english")} meta={en}>
          {input(en, "en")}
        </Field>
        <Field label={t("fields.spanish")} meta={es}>
          {input(es, "es")}
        </Field>
      </div>
    </fieldset>
  );
}

type Fields = Record<string, Meta>;
export type LevelWording = { level: number; name: string; description: string };
const LIMITS = { name: 120, description: 1000, descriptor: 500 };

/**
 * The fields of a framework text form: a name and a description in both languages, and for a value, how
 * each rubric level looks for it (optional, both languages or neither). The server checks the same limits.
 */
export function FrameworkTextFields({
  fields,
  kind,
  levels = [],
}: {
  fields: Fields;
  kind: "value" | "freedom" | "level";
  levels?: LevelWording[];
}) {
  const { t } = useTranslation("framework");
  return (
    <>
      <LocalizedTextField
        legend={t(kind === "level" ? "fields.levelName" : "fields.name")}
        en={fields.nameEn}
        es={fields.nameEs}
        maxLength={LIMITS.name}
      />
      <LocalizedTextField
        legend={t(kind === "level" ? "fields.levelDescription" : "fields.description")}
        en={fields.descriptionEn}
        es={fields.descriptionEs}
        multiline
        maxLength={LIMITS.description}
      />
      {kind === "value" && levels.length ? (
        <section aria-labelledby="descriptors-heading" className="stack">
          <h2 id="descriptors-heading">{t("fields.descriptors")}</h2>
          <p className="field-help">{t("fields.descriptorsHelp")}</p>
          {levels.map((l) => (
            <LocalizedTextField
              key={l.level}
              legend={t("fields.descriptor", { level: l.level, name: l.name })}
              help={t("fields.general", { text: l.description })}
              en={fields[`descriptor${l.level}En`]}
              es={fields[`descriptor${l.level}Es`]}
              multiline
              required={false}
              maxLength={LIMITS.descriptor}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}
