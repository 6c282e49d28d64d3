import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/submit-button";
import { useFormat } from "~/components/use-format";

type OpenCycle = { year: number; opensOn: string; closesOn: string; prompts: { value: string; prompt: string }[] };

/** On an organization's home: what the open cycle asks, and for leads, last year's unfinished commitments to carry forward. */
export function CycleAnnouncement({ base, cycle, copyable }: { base: string; cycle: OpenCycle; copyable: number }) {
  const { t } = useTranslation("cycle");
  const format = useFormat();
  return (
    <section aria-labelledby="open-cycle-heading" className="card stack">
      <h2 id="open-cycle-heading">{t("home.title", { year: cycle.year })}</h2>
      <p>{t("home.dates", { from: format.date(cycle.opensOn), to: format.date(cycle.closesOn) })}</p>
      <dl className="stack">
        {cycle.prompts.map((p) => (
          <div key={p.value}>
            <dt>
              <strong>{p.value}</strong>
            </dt>
            <dd>{p.prompt}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={`${base}/reflections/${cycle.year}`}>{t("home.start")}</Link>
      </p>
      {copyable > 0 ? (
        <Form method="post" action={`${base}/commitments`} className="notice">
          <div className="stack">
            <p>{t("home.copy", { count: copyable, year: cycle.year })}</p>
            <input type="hidden" name="intent" value="copy-forward" />
            <input type="hidden" name="year" value={cycle.year} />
            <SubmitButton className="button secondary">{t("home.copySubmit")}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
