import { useTranslation } from "react-i18next";

export const COMMITMENT_STATUS_ICONS = {
  PLANNED: "○",
  IN_PROGRESS: "◐",
  ACHIEVED: "✓",
  PAUSED: "‖",
  DROPPED: "✕",
} as const;
export type CommitmentStatusName = keyof typeof COMMITMENT_STATUS_ICONS;

/** The status in words, with a shape beside it: colour never carries it alone. */
export function CommitmentStatusBadge({ status }: { status: CommitmentStatusName }) {
  const { t } = useTranslation("commitment");
  return (
    <span className={`badge commitment-status status-${status.toLowerCase()}`}>
      <span aria-hidden="true">{COMMITMENT_STATUS_ICONS[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** A bar and the number beside it; the native element announces its value to screen readers. */
export function ProgressMeter({ value, label }: { value: number; label: string }) {
  return (
    <span className="progress-meter">
      <progress max={100} value={value} aria-label={label}>
        {value}%
      </progress>
      <span className="progress-number" aria-hidden="true">
        {value}%
      </span>
    </span>
  );
}
