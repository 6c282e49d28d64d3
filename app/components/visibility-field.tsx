import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";

export const VISIBILITY_OPTIONS = ["PRIVATE", "COALITION", "PUBLIC"] as const;
export type VisibilityOption = (typeof VISIBILITY_OPTIONS)[number];

/**
 * Visibility chosen at the point of entry, in plain words: who will read this entry, and that its numbers
 * count anonymously in movement totals whatever is chosen. Radio buttons, so it works without JavaScript.
 */
export function VisibilityField({
  name,
  defaultValue,
  errors,
  errorId,
}: {
  name: string;
  defaultValue: VisibilityOption;
  errors?: string[];
  errorId?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field visibility-field" aria-describedby={`${name}-counts`}>
      <legend>{t("visibility.legend")}</legend>
      {VISIBILITY_OPTIONS.map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={name} value={v} defaultChecked={defaultValue === v} />
          <span>
            <strong>{t(`visibility.${v}`)}</strong>
            <span className="choice-help">{t(`visibility.${v}_help`)}</span>
          </span>
        </label>
      ))}
      <p className="field-help" id={`${name}-counts`}>
        {t("visibility.countsAnyway")}
      </p>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export function VisibilityBadge({ visibility }: { visibility: VisibilityOption }) {
  const { t } = useTranslation();
  return <span className={`badge visibility-${visibility.toLowerCase()}`}>{t(`visibility.badge${visibility}`)}</span>;
}
