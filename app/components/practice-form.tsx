import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/ui/field";
import { VISIBILITY_OPTIONS, VisibilityField, type VisibilityOption } from "~/components/visibility-field";
import { practiceRules } from "~/models/practice-rules";
import type { PracticeInput } from "~/models/practice-schema";
import { fieldProps, validateWithRules } from "~/utils/form-rules";
import { browserTimeZone, dayIn, timeZoneCookie, zoneName } from "~/utils/time-zone";
import { formatDate } from "~/utils/format";

export type PracticeFormOption = { id: string; slug: string; name: string; color: string };
export type PracticeFormCommitment = { id: string; title: string; valueId: string; year: number };

export type PracticeFormFields = {
  valueId: FieldMetadata<string>;
  title: FieldMetadata<string>;
  occurredOn: FieldMetadata<string>;
  participants: FieldMetadata<number>;
  impactedParticipants: FieldMetadata<number>;
  freedomIds: FieldMetadata<string[]>;
  commitmentId: FieldMetadata<string | undefined>;
  notes: FieldMetadata<string | undefined>;
  visibility: FieldMetadata<string>;
  consentToQuote: FieldMetadata<boolean>;
};

/** "Today" where the practice is dated: the latest date it may carry, and the form's default for a new one. */
export type PracticeCalendar = { timeZone: string; today: string; zoneName: string };

const noop = () => () => {};
/** False in the server's HTML and before hydration, so both render the same markup; true afterwards. */
function useHydrated() {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

const asList = (v: unknown) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);

/**
 * The practice's fields, shared by the new and the edit page. Ordered for a phone: what every practice needs
 * first (value, title, date, people), the optional details after, and who can see it last.
 */
export function PracticeFields({
  fields,
  values,
  freedoms,
  commitments,
  calendar,
}: {
  fields: PracticeFormFields;
  values: PracticeFormOption[];
  freedoms: PracticeFormOption[];
  commitments: PracticeFormCommitment[];
  calendar: PracticeCalendar;
}) {
  const rules = practiceRules({ maxDate: calendar.today }).fields;
  const { t, i18n } = useTranslation("practice");
  const hydrated = useHydrated();
  const chosenFreedoms = asList(fields.freedomIds.initialValue);
  const visibility: VisibilityOption =
    VISIBILITY_OPTIONS.find((v) => v === fields.visibility.initialValue) ?? "PRIVATE";
  // with JavaScript the consent is greyed out until "public" is chosen; without it, its help says so
  const publicChosen = !hydrated || fields.visibility.value === "PUBLIC";
  // with JavaScript the commitments follow the chosen value and the date's year; without it, all are offered
  // (grouped by value and year) and the server checks the match
  const valueId = typeof fields.valueId.value === "string" ? fields.valueId.value : "";
  const year = Number(String(fields.occurredOn.value ?? "").slice(0, 4));
  const offered = hydrated ? commitments.filter((c) => c.valueId === valueId && c.year === year) : commitments;
  const groups = values.flatMap((v) =>
    [...new Set(offered.filter((c) => c.valueId === v.id).map((c) => c.year))].map((y) => ({
      key: `${v.id}-${y}`,
      label: t("fields.commitmentGroup", { value: v.name, year: y }),
      items: offered.filter((c) => c.valueId === v.id && c.year === y),
    })),
  );
  // hidden when nothing matches, which also clears a commitment of another value
  const showCommitments = hydrated ? offered.length > 0 : commitments.length > 0;

  return (
    <>
      <fieldset
        className="field"
        aria-describedby={fields.valueId.errors?.length ? fields.valueId.errorId : undefined}
        data-invalid={fields.valueId.errors?.length ? true : undefined}
      >
        <legend>{t("fields.value")}</legend>
        <div className="value-choices">
          {values.map((v) => (
            <label
              key={v.id}
              className="choice value-choice"
              style={{ "--choice-accent": v.color } as React.CSSProperties}
            >
              <input
                type="radio"
                name={fields.valueId.name}
                value={v.id}
                id={`${fields.valueId.id}-${v.slug}`}
                defaultChecked={fields.valueId.initialValue === v.id}
                aria-invalid={fields.valueId.errors?.length ? true : undefined}
                required
              />
              <span className="value-swatch" aria-hidden="true" />
              <span>{v.name}</span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.valueId.errorId} errors={fields.valueId.errors} />
      </fieldset>

      <Field label={t("fields.title")} meta={fields.title} help={t("fields.titleHelp")}>
        <input
          {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })}
          {...fieldProps(rules.title)}
          autoComplete="off"
        />
      </Field>

      <div className="practice-row">
        <Field
          label={t("fields.occurredOn")}
          meta={fields.occurredOn}
          help={t("fields.occurredOnHelp", {
            today: formatDate(i18n.language, calendar.today),
            zone: calendar.zoneName,
          })}
        >
          <input
            {...getInputProps(fields.occurredOn, { type: "date", ariaDescribedBy: fields.occurredOn.descriptionId })}
            {...fieldProps(rules.occurredOn)}
          />
        </Field>
        <Field label={t("fields.participants")} meta={fields.participants} help={t("fields.participantsHelp")}>
          <input
            {...getInputProps(fields.participants, {
              type: "number",
              ariaDescribedBy: fields.participants.descriptionId,
            })}
            inputMode="numeric"
            {...fieldProps(rules.participants)}
          />
        </Field>
      </div>

      <Field label={t("fields.impacted")} meta={fields.impactedParticipants} help={t("fields.impactedHelp")}>
        <input
          {...getInputProps(fields.impactedParticipants, {
            type: "number",
            ariaDescribedBy: fields.impactedParticipants.descriptionId,
          })}
          inputMode="numeric"
          {...fieldProps(rules.impactedParticipants)}
        />
      </Field>

      <fieldset
        className="field"
        aria-describedby={[
          fields.freedomIds.descriptionId,
          fields.freedomIds.errors?.length ? fields.freedomIds.errorId : "",
        ]
          .join(" ")
          .trim()}
        data-invalid={fields.freedomIds.errors?.length ? true : undefined}
      >
        <legend>{t("fields.freedoms")}</legend>
        <p className="field-help" id={fields.freedomIds.descriptionId}>
          {t("fields.freedomsHelp")}
        </p>
        <div className="freedom-choices">
          {freedoms.map((f) => (
            <label key={f.id} className="choice">
              <input
                type="checkbox"
                name={fields.freedomIds.name}
                value={f.id}
                id={`${fields.freedomIds.id}-${f.slug}`}
                defaultChecked={chosenFreedoms.includes(f.id)}
              />
              <span className="freedom-name" style={{ "--tag": f.color } as React.CSSProperties}>
                {f.name}
              </span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.freedomIds.errorId} errors={fields.freedomIds.errors} />
      </fieldset>

      {showCommitments ? (
        <Field label={t("fields.commitment")} meta={fields.commitmentId} help={t("fields.commitmentHelp")}>
          <select {...getSelectProps(fields.commitmentId, { ariaDescribedBy: fields.commitmentId.descriptionId })}>
            <option value="">{t("fields.noCommitment")}</option>
            {groups.map((g) => (
              <optgroup key={g.key} label={g.label}>
                {g.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      ) : null}

      <Field label={t("fields.notes")} meta={fields.notes} help={t("fields.notesHelp")}>
        <textarea
          {...getTextareaProps(fields.notes, { ariaDescribedBy: fields.notes.descriptionId })}
          {...fieldProps(rules.notes)}
          rows={4}
        />
      </Field>

      <VisibilityField
        name={fields.visibility.name}
        defaultValue={visibility}
        errors={fields.visibility.errors}
        errorId={fields.visibility.errorId}
        countsNote={t("fields.visibilityCounts")}
        publicConsent={
          <label className="choice">
            <input
              {...getInputProps(fields.consentToQuote, {
                type: "checkbox",
                ariaDescribedBy: `${fields.consentToQuote.id}-help`,
              })}
              disabled={!publicChosen}
            />
            <span>
              <strong style={publicChosen ? undefined : { color: "var(--ink-muted)" }}>{t("fields.consent")}</strong>
              <span className="choice-help" id={`${fields.consentToQuote.id}-help`}>
                {t("fields.consentHelp")}
              </span>
            </span>
          </label>
        }
      />
    </>
  );
}

/**
 * The browser's own calendar, once the page runs: it tells the server its zone (a cookie read by
 * timeZoneHint), and when that differs from the zone the page was drawn in, "today" is the browser's.
 */
function useBrowserCalendar(served: PracticeCalendar): PracticeCalendar {
  const { i18n } = useTranslation();
  // null in the server's HTML and during hydration, so both draw the served calendar first
  const zone = useSyncExternalStore(noop, browserTimeZone, () => null);
  useEffect(() => {
    if (zone) document.cookie = timeZoneCookie(zone, window.location.protocol === "https:");
  }, [zone]);
  return zone && zone !== served.timeZone
    ? { timeZone: zone, today: dayIn(zone), zoneName: zoneName(zone, i18n.language) }
    : served;
}

/**
 * The practice form's state, for logging and for editing: the browser checks the server's rules on blur
 * and as one types after that, with "today" in the browser's calendar. `followToday`: the date field
 * holds the page's "today" by default, so it moves to the browser's when that is another day.
 */
export function usePracticeForm<Value extends PracticeInput>({
  id,
  lastResult,
  defaultValue,
  calendar: served,
  followToday = false,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: DefaultValue<Value>;
  calendar: PracticeCalendar;
  followToday?: boolean;
}) {
  const calendar = useBrowserCalendar(served);
  const [form, fields] = useForm<Value>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWithRules<Value>(formData, practiceRules({ maxDate: calendar.today })),
  });
  const date = fields.occurredOn;
  // once: a date the person then picks, even the page's "today", stays theirs
  const followed = useRef(false);
  useEffect(() => {
    if (!followToday || followed.current || calendar.today === served.today) return;
    followed.current = true;
    if (date.value === served.today) form.update<string>({ name: date.name, value: calendar.today });
  }, [followToday, calendar.today, served.today, date.value, date.name, form]);
  return [form, fields, calendar] as const;
}
