import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";

/**
 * The one wording for how many people took part, wherever the workspace shows it (a practice, the list, a
 * value's timeline, a year's totals): nobody counted, or "N participants" with how many of them are
 * directly impacted. Plural forms come from the language's rules (i18next `_one`/`_other`).
 */
export function useParticipantWords() {
  const { t } = useTranslation("practice");
  const format = useFormat();
  return (participants: number, impacted: number) =>
    participants > 0
      ? {
          participants: t("people.participants", { count: participants, formatted: format.number(participants) }),
          impacted: t("people.impacted", {
            count: impacted,
            formatted: format.number(impacted),
            share: format.percent(impacted / participants),
          }),
        }
      : null;
}

/** Participants and the directly impacted among them, on one line or (`stacked`) two; or "no participants counted". */
export function ParticipantCount({
  participants,
  impacted,
  stacked = false,
}: {
  participants: number;
  impacted: number;
  stacked?: boolean;
}) {
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
