import { getCollectionProps, getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { VisibilityBadge, type VisibilityOption } from "~/components/visibility-field";
import { useFormat } from "~/components/use-format";
import { reflectionStepRules } from "~/models/reflection-rules";
import { fieldProps } from "~/utils/form-rules";

export type StepState = "empty" | "draft" | "done" | "submitted";
export type PracticeSummary = { count: number; recent: { id: string; title: string; occurredOn: string }[] };
export type ReflectionStepSummary = {
  slug: string;
  name: string;
  color: string;
  state: StepState;
  levelName: string | null;
  practices: PracticeSummary;
};
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
export function ReflectionStepList({
  steps,
  current,
  doneCount,
}: {
  steps: ReflectionStepSummary[];
  current: string;
  doneCount: number;
}) {
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
    <fieldset
      className="field rubric-field"
      aria-describedby={`${meta.id}-help`}
      data-invalid={meta.errors?.length ? true : undefined}
    >
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
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export function ReflectionTextFields({
  fields,
}: {
  fields: Record<"wentWell" | "challenges" | "nextSteps", FieldMetadata<string | undefined>>;
}) {
  const { t } = useTranslation("reflection");
  return (
    <>
      <p className="field-help" id="reflection-text-help">
        {t("step.textHelp")}
      </p>
      {(["wentWell", "challenges", "nextSteps"] as const).map((name) => (
        <Field key={name} label={t(`step.${name}`)} meta={fields[name]}>
          <textarea
            {...getTextareaProps(fields[name], { ariaDescribedBy: "reflection-text-help" })}
            {...fieldProps(reflectionStepRules.fields[name])}
          />
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
        <input
          {...getInputProps(meta, { type: "checkbox" })}
          disabled={!publicChosen}
          aria-describedby={`${meta.id}-help`}
        />
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
export function ReflectionAnswers({
  answer,
  levels,
}: {
  answer: ReflectionAnswer | null;
  levels: RubricLevelOption[];
}) {
  const { t } = useTranslation("reflection");
  const level = levels.find((l) => l.level === answer?.rubricLevel);
  const text = (s: string | undefined) =>
    s ? <dd className="entry-text">{s}</dd> : <dd className="field-help">{t("readOnly.empty")}</dd>;
  return (
    <dl className="answers card-form">
      <dt>{t("readOnly.level")}</dt>
      <dd>
        {level ? (
          `${t("step.levelOption", { level: level.level, name: level.name })}: ${level.descriptor}`
        ) : (
          <span className="field-help">{t("readOnly.noLevel")}</span>
        )}
      </dd>
      <dt>{t("step.wentWell")}</dt>
      {text(answer?.wentWell)}
      <dt>{t("step.challenges")}</dt>
      {text(answer?.challenges)}
      <dt>{t("step.nextSteps")}</dt>
      {text(answer?.nextSteps)}
      <dt>{t("readOnly.visibility")}</dt>
      <dd>
        <VisibilityBadge visibility={answer?.visibility ?? "PRIVATE"} />
        {answer?.visibility === "PUBLIC"
          ? ` ${t(answer.consentToQuote ? "readOnly.consentYes" : "readOnly.consentNo")}`
          : null}
      </dd>
    </dl>
  );
}

/**
 * The whole year on one screen: each value's state and level beside this year's practices for it, so the lead
 * (and anyone writing) sees what the organization did before submitting.
 */
export function ReflectionOverview({
  organization,
  year,
  steps,
}: {
  organization: string;
  year: number;
  steps: ReflectionStepSummary[];
}) {
  const { t } = useTranslation("reflection");
  const format = useFormat();
  const practices = `/o/${organization}/practices`;
  return (
    <section className="stack reflection-overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t("overview.title", { year })}</h2>
      <p className="field-help">{t("overview.intro", { year })}</p>
      <ol className="overview-list">
        {steps.map((s) => (
          <li key={s.slug} className="overview-item" style={{ "--tag": s.color } as React.CSSProperties}>
            <h3 className="value-tag">
              <Link to={`?step=${s.slug}#step-title`}>{s.name}</Link>
            </h3>
            <p className="overview-state">
              <span className={`badge state-badge state-${s.state}`}>{t(`steps.state.${s.state}`)}</span>{" "}
              {s.levelName ? t("overview.level", { name: s.levelName }) : t("overview.noLevel")}
            </p>
            <p className="overview-count">{t("overview.practices", { count: s.practices.count, year })}</p>
            {s.practices.recent.length ? (
              <ul className="plain-list compact">
                {s.practices.recent.map((p) => (
                  <li key={p.id}>
                    <Link to={`${practices}/${p.id}`}>{p.title}</Link>{" "}
                    <span className="muted">· {format.date(p.occurredOn)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {s.practices.count > s.practices.recent.length ? (
              <Link
                to={`${practices}?${new URLSearchParams({ value: s.slug, from: `${year}-01-01`, to: `${year}-12-31` })}`}
              >
                {t("overview.allPractices", { count: s.practices.count, name: s.name })}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type StepLink = { slug: string; name: string } | null;

/** Previous and next value under a read-only step, so a phone reader goes through the year without scrolling up. */
export function StepPager({ previous, following }: { previous: StepLink; following: StepLink }) {
  const { t } = useTranslation("reflection");
  if (!previous && !following) return null;
  return (
    <nav className="step-pager" aria-label={t("steps.pager")}>
      {previous ? (
        <Link className="button secondary" to={`?step=${previous.slug}#step-title`} rel="prev">
          ← {t("steps.previous", { name: previous.name })}
        </Link>
      ) : (
        <span />
      )}
      {following ? (
        <Link className="button secondary" to={`?step=${following.slug}#step-title`} rel="next">
          {t("steps.next", { name: following.name })} →
        </Link>
      ) : null}
    </nav>
  );
}
