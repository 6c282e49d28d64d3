import { useTranslation } from "react-i18next";

/**
 * The one wording for how many people took part, wherever the workspace shows it (a practice, the list, a
 * value's timeline, a year's totals): nobody counted, or "N participants" with how many of them are
 * directly impacted. Plural forms come from the language's rules (i18next `_one`/`_other`).
 */
export function useParticipantWords() {
  const { t, i18n } = useTranslation("practice");
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  return (participants: number, impacted: number) =>
    participants > 0
      ? {
          participants: t("people.participants", { count: participants, formatted: number.format(participants) }),
          impacted: t("people.impacted", { count: impacted, formatted: number.format(impacted), share: percent.format(impacted / participants) }),
        }
      : null;
}

/** Participants and the directly impacted among them, on one line or (`stacked`) two; or "no participants counted". */
export function ParticipantCount({ participants, impacted, stacked = false }: { participants: number; impacted: number; stacked?: boolean }) {
  const { t } = useTranslation("practice");
  const words = useParticipantWords()(participants, impacted);
  if (!words) return <span className="field-help">{t("people.none")}</span>;
  if (!stacked) return <span>{`${words.participants} · ${words.impacted}`}</span>;
  return (
    <span>
      {words.participants}
      <span className="field-help practice-impacted">{words.impacted}</span>
    </span>
  );
}
