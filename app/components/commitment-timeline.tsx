import { useTranslation } from "react-i18next";
import { CommitmentStatusBadge, ProgressMeter, type CommitmentStatusName } from "~/components/commitment-status";
import { useFormat } from "~/components/use-format";

export type TimelineUpdate = {
  id: string;
  status: CommitmentStatusName;
  progress: number;
  note: string;
  createdAt: string;
  author: string | null;
};

/** The commitment's dated updates, newest first, ending with the day it was made. */
export function CommitmentTimeline({ updates, createdAt }: { updates: TimelineUpdate[]; createdAt: string }) {
  const { t } = useTranslation("commitment");
  const format = useFormat();
  return (
    <ol className="timeline">
      {updates.map((u) => (
        <li key={u.id}>
          <p className="timeline-meta">
            <time dateTime={u.createdAt}>{format.date(u.createdAt)}</time>
            {" · "}
            {u.author ? t("detail.timeline.by", { name: u.author }) : t("detail.timeline.formerMember")}
          </p>
          <p className="timeline-state">
            <CommitmentStatusBadge status={u.status} />
            <ProgressMeter value={u.progress} label={t("fields.progress")} />
          </p>
          {u.note ? <p className="timeline-note">{u.note}</p> : null}
        </li>
      ))}
      <li>
        <p className="timeline-meta">
          <time dateTime={createdAt}>{format.date(createdAt)}</time>
          {" · "}
          {t("detail.timeline.created")}
        </p>
      </li>
    </ol>
  );
}
