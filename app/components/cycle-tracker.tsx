import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/submit-button";
import { useFormat } from "~/components/use-format";

type State = "NOT_STARTED" | "DRAFT" | "SUBMITTED";
type Tracker = {
  values: { id: string; slug: string; name: string }[];
  regions: { code: string; name: string }[];
  counts: { total: number } & Record<State, number>;
  rows: {
    id: string;
    name: string;
    region: string | null;
    state: State;
    steps: { valueId: string; state: State; at: string | null; by: string | null }[];
    paused: { until: string | null } | null;
  }[];
};

const STATES: State[] = ["NOT_STARTED", "DRAFT", "SUBMITTED"];

/** Who has submitted the cycle's reflection: counts, filters, a CSV, and reminders and pauses per organization. */
export function CycleTracker({
  year,
  open,
  canRemind,
  filters,
  tracker,
  mail,
}: {
  year: number;
  open: boolean;
  canRemind: boolean;
  filters: { region: string; state: string };
  tracker: Tracker;
  /** what this server does with the reminders' emails: sends them, keeps them in the outbox, or sends none */
  mail: "SMTP" | "OUTBOX" | "NONE";
}) {
  const { t } = useTranslation("cycle");
  const format = useFormat();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const remindable = open && canRemind;
  return (
    <section aria-labelledby="tracker-heading" className="stack">
      <h2 id="tracker-heading">{t("tracker.title")}</h2>
      <dl className="stat-grid" aria-label={t("tracker.counts")}>
        <div className="stat">
          <dt>{t("tracker.organizations", { count: tracker.counts.total })}</dt>
          <dd>{tracker.counts.total}</dd>
        </div>
        {STATES.map((s) => (
          <div key={s} className="stat">
            <dt>{t(`tracker.state.${s}`)}</dt>
            <dd>{tracker.counts[s]}</dd>
          </div>
        ))}
      </dl>

      <Form method="get" className="filter-grid" aria-label={t("tracker.filters")}>
        <div className="field">
          <label htmlFor="tracker-region">{t("tracker.region")}</label>
          <select id="tracker-region" name="region" defaultValue={filters.region}>
            <option value="">{t("tracker.allRegions")}</option>
            {tracker.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tracker-state">{t("tracker.stateFilter")}</label>
          <select id="tracker-state" name="state" defaultValue={filters.state}>
            <option value="">{t("tracker.allStates")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`tracker.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t("tracker.apply")}
          </button>
          <a
            className="button secondary"
            href={`/movement/cycles/${year}/tracker.csv${query.size ? `?${query}` : ""}`}
            download
          >
            {t("tracker.csv")}
          </a>
        </div>
      </Form>

      {remindable && tracker.counts.total > tracker.counts.SUBMITTED ? (
        <Form method="post" className="notice">
          <div className="stack">
            <p>{t("tracker.remindAllHelp", { context: mail })}</p>
            <SubmitButton name="intent" value="remind">
              {t("tracker.remindAll")}
            </SubmitButton>
          </div>
        </Form>
      ) : null}

      {tracker.rows.length ? (
        <div className="table-wrap">
          <table className="data tracker" aria-label={t("tracker.caption", { year })}>
            <thead>
              <tr>
                <th scope="col">{t("tracker.organization")}</th>
                <th scope="col">{t("tracker.overall")}</th>
                {tracker.values.map((v) => (
                  <th scope="col" key={v.id}>
                    {v.name}
                  </th>
                ))}
                {canRemind ? <th scope="col">{t("tracker.reminders")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {tracker.rows.map((row) => (
                <tr key={row.id} data-state={row.state}>
                  <th scope="row">
                    {row.name}
                    <br />
                    <span className="muted">{row.region ?? t("tracker.noRegion")}</span>
                  </th>
                  <td>
                    <span className={`badge state-${row.state.toLowerCase()}`}>{t(`tracker.state.${row.state}`)}</span>
                  </td>
                  {row.steps.map((s) => (
                    <td key={s.valueId}>
                      {t(`tracker.state.${s.state}`)}
                      {s.at ? (
                        <span className="status-line">
                          {t("tracker.when", { date: format.date(s.at), name: s.by ?? t("tracker.someone") })}
                        </span>
                      ) : null}
                    </td>
                  ))}
                  {canRemind ? (
                    <td>
                      <div className="stack tight">
                        {row.paused ? (
                          <>
                            <span>
                              {row.paused.until
                                ? t("tracker.pausedUntil", { date: format.date(row.paused.until) })
                                : t("tracker.pausedOpen")}
                            </span>
                            <Form method="post">
                              <input type="hidden" name="organizationId" value={row.id} />
                              <SubmitButton name="intent" value="resume" className="button secondary small">
                                {t("tracker.resume")}
                              </SubmitButton>
                            </Form>
                          </>
                        ) : (
                          <>
                            {remindable && row.state !== "SUBMITTED" ? (
                              <Form method="post">
                                <input type="hidden" name="organizationId" value={row.id} />
                                <SubmitButton
                                  name="intent"
                                  value="remind"
                                  className="button secondary small"
                                  aria-label={t("tracker.remindOne", { name: row.name })}
                                >
                                  {t("tracker.remind")}
                                </SubmitButton>
                              </Form>
                            ) : null}
                            <details>
                              <summary>{t("tracker.pauseMenu")}</summary>
                              <Form method="post" className="stack tight">
                                <input type="hidden" name="organizationId" value={row.id} />
                                <label htmlFor={`pause-${row.id}`}>{t("tracker.pauseUntil")}</label>
                                <input id={`pause-${row.id}`} type="date" name="until" />
                                <SubmitButton
                                  name="intent"
                                  value="pause"
                                  className="button secondary small"
                                  aria-label={t("tracker.pauseOne", { name: row.name })}
                                >
                                  {t("tracker.pause")}
                                </SubmitButton>
                              </Form>
                            </details>
                          </>
                        )}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">{t("tracker.empty")}</p>
      )}
    </section>
  );
}
