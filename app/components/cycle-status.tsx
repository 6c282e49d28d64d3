import { useTranslation } from "react-i18next";

/** A cycle's state in words (never colour alone). */
export function CycleStatusBadge({ status }: { status: "DRAFT" | "OPEN" | "CLOSED" }) {
  const { t } = useTranslation("cycle");
  return <span className={`badge cycle-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
