import { useTranslation } from "react-i18next";

/** A cycle's state in words (never colour alone). */
export function CycleStatusBadge({ status }: { status: "DRAFT" | "OPEN" | "CLOSED" }) {
  const { t } = useTranslation("cycle");
  return <span className={`badge cycle-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

/** A day (YYYY-MM-DD) or a moment, in the page's language. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  return (iso: string) =>
    new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
}
