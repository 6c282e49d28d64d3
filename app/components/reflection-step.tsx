import { getCollectionProps, getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";
import { VisibilityBadge, type VisibilityOption } from "~/components/visibility-field";

export type StepState = "empty" | "draft" | "done" | "submitted";
export type ReflectionStepSummary = { slug: string; name: string; color: string; state: StepState };
export type RubricLevelOption = { level: number; name: string; descriptor: string };
export type ReflectionAnswer = {
  rubricLevel: number | null;
  wentWell: string;
  challenges: string;
  nextSteps: string;
  visibility: VisibilityOption;
  consentToQuote: boolean;
};

const STATE_ICONS: Record<StepState, string> = { empty: "○", draft: "✎", done: "✓", submitted: "✓" };

/** The values of the year, each with its state in words and a mark: the way through the reflection. */
export function ReflectionStepList({ steps, current, doneCount }: { steps: ReflectionStepSummary[]; current: string; doneCount: number }) {
  const { t } = useTranslation("reflection");
  return (
    <nav aria-label={t("steps.label")} className="reflection-steps">
      <p className="field-help">{t("steps.progress", { done: doneCount, total: steps.length })}</p>
      <ol className="step-list">
        {steps.map((s) => (
          <li key={s.slug} className={`step-item state-${s.state}`} style={{ "--tag": s.color } as React.CSSProperties}>
            <Link to={`?step=${s.slug}#step-title`} aria-current={s.slug === current ? "step" : undefined}>
              <span className="step-mark" aria-hidden="true">
                {STATE_ICONS[s.state]}
              </span>
              <span>
                <span className="step-name">{s.name}</span>
                <span className="step-state">{t(`steps.state.${s.state}`)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The rubric as radio cards: each level's name and what it looks like for this value. */
export function RubricLevelField({ meta, levels }: { meta: FieldMetadata<unknown>; levels: RubricLevelOption[] }) {
  const { t } = useTranslation("reflection");
  const inputs = getCollectionProps(meta, { type: "radio", options: levels.map((l) => String(l.level)) });
  return (
    <fieldset className="field rubric-field" aria-describedby={`${meta.id}-help`} data-invalid={meta.errors?.length ? true : undefined}>
      <legend>{t("step.level")}</legend>
      <p className="field-help" id={`${meta.id}-help`}>
        {t("step.levelHelp")}
      </p>
      <div className="rubric-levels">
        {levels.map((l, i) => {
          const { key, ...input } = inputs[i];
          return (
          <label key={key ?? l.level} className="choice rubric-card">
            <input {...input} />
            <span>
              <strong>{t("step.levelOption", { level: l.level, name: l.name })}</strong>
              <span className="choice-help">{l.descriptor}</span>
            </span>
          </label>
          );
        })}
      </div>
      {meta.errors?.length ? (
        <ul id={meta.errorId} className="field-errors">
          {meta.errors.map((e) => (
            <li key={e}>{t(e)}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

export function ReflectionTextFields({ fields }: { fields: Record<"wentWell" | "challenges" | "nextSteps", FieldMetadata<string | undefined>> }) {
  const { t } = useTranslation("reflection");
  return (
    <>
      <p className="field-help" id="reflection-text-help">
        {t("step.textHelp")}
      </p>
      {(["wentWell", "challenges", "nextSteps"] as const).map((name) => (
        <Field key={name} label={t(`step.${name}`)} meta={fields[name]}>
          <textarea {...getTextareaProps(fields[name], { ariaDescribedBy: "reflection-text-help" })} maxLength={10_000} />
        </Field>
      ))}
    </>
  );
}

/** Consent to be named only means something for what may be published, and says so. */
export function ConsentField({ meta, publicChosen }: { meta: FieldMetadata<unknown>; publicChosen: boolean }) {
  const { t } = useTranslation("reflection");
  return (
    <div className="field consent-field">
      <label className="choice">
        <input {...getInputProps(meta, { type: "checkbox" })} disabled={!publicChosen} aria-describedby={`${meta.id}-help`} />
        <span>
          <strong>{t("step.consent")}</strong>
          <span className="choice-help" id={`${meta.id}-help`}>
            {t(publicChosen ? "step.consentHelp" : "step.consentOnlyPublic")}
          </span>
        </span>
      </label>
    </div>
  );
}

/** What last year's reflection planned for this value, beside this year's form. */
export function LastYearNote({ text }: { text: string | null }) {
  const { t } = useTranslation("reflection");
  return (
    <aside className="last-year" aria-labelledby="last-year-title">
      <h3 id="last-year-title">{t("step.lastYear")}</h3>
      {text ? <p className="entry-text">{text}</p> : <p className="field-help">{t("step.lastYearNone")}</p>}
    </aside>
  );
}

/** A step as read-only text: a submitted reflection, or a closed cycle. */
export function ReflectionAnswers({ answer, levels }: { answer: ReflectionAnswer | null; levels: RubricLevelOption[] }) {
  const { t } = useTranslation("reflection");
  const level = levels.find((l) => l.level === answer?.rubricLevel);
  const text = (s: string | undefined) => (s ? <dd className="entry-text">{s}</dd> : <dd className="field-help">{t("readOnly.empty")}</dd>);
  return (
    <dl className="answers card-form">
      <dt>{t("readOnly.level")}</dt>
      <dd>{level ? `${t("step.levelOption", { level: level.level, name: level.name })}: ${level.descriptor}` : <span className="field-help">{t("readOnly.noLevel")}</span>}</dd>
      <dt>{t("step.wentWell")}</dt>
      {text(answer?.wentWell)}
      <dt>{t("step.challenges")}</dt>
      {text(answer?.challenges)}
      <dt>{t("step.nextSteps")}</dt>
      {text(answer?.nextSteps)}
      <dt>{t("readOnly.visibility")}</dt>
      <dd>
        <VisibilityBadge visibility={answer?.visibility ?? "PRIVATE"} />
        {answer?.visibility === "PUBLIC" ? ` ${t(answer.consentToQuote ? "readOnly.consentYes" : "readOnly.consentNo")}` : null}
      </dd>
    </dl>
  );
}
