import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";

export const VISIBILITY_OPTIONS = ["PRIVATE", "COALITION", "PUBLIC"] as const;
export type VisibilityOption = (typeof VISIBILITY_OPTIONS)[number];

/**
 * Visibility chosen at the point of entry, in plain words: who will read this entry, and that its numbers
 * count anonymously in movement totals whatever is chosen. Radio buttons, so it works without JavaScript.
 * `publicConsent` sits right under "May be quoted publicly", where that choice's help points ("unless you
 * agree below"); it is always there, since without JavaScript nothing can reveal it on choosing.
 */
export function VisibilityField({
  name,
  defaultValue,
  errors,
  errorId,
  countsNote,
  publicConsent,
}: {
  name: string;
  defaultValue: VisibilityOption;
  errors?: string[];
  errorId?: string;
  /** what counts in the movement's totals, in the words of this kind of entry */
  countsNote?: string;
  publicConsent?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field visibility-field" aria-describedby={`${name}-counts`}>
      <legend>{t("visibility.legend")}</legend>
      <p className="field-help" id={`${name}-counts`}>
        {countsNote ?? t("visibility.countsAnyway")}
      </p>
      {VISIBILITY_OPTIONS.map((v) => (
        <div key={v}>
          <label className="choice">
            <input type="radio" name={name} value={v} defaultChecked={defaultValue === v} />
            <span>
              <strong>{t(`visibility.${v}`)}</strong>
              <span className="choice-help">{t(`visibility.${v}_help`)}</span>
            </span>
          </label>
          {v === "PUBLIC" && publicConsent ? <div style={{ marginInlineStart: "2rem" }}>{publicConsent}</div> : null}
        </div>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export function VisibilityBadge({ visibility }: { visibility: VisibilityOption }) {
  const { t } = useTranslation();
  return <span className={`badge visibility-${visibility.toLowerCase()}`}>{t(`visibility.badge${visibility}`)}</span>;
}
