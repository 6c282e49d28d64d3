// What a new installation's dashboard says before there is anything to draw: the steps that fill it, each
// marked done in words, with a link for those the person may take (admins add organizations and open cycles).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type MovementStart = { hasOrganizations: boolean; hasCycle: boolean; hasPractices: boolean };

export function MovementFirstSteps({
  start,
  canManageOrganizations,
  canManageCycle,
}: {
  start: MovementStart;
  canManageOrganizations: boolean;
  canManageCycle: boolean;
}) {
  const { t } = useTranslation("movement");
  const steps = [
    {
      key: "organizations",
      done: start.hasOrganizations,
      to: canManageOrganizations ? "/movement/admin/organizations" : null,
    },
    { key: "cycle", done: start.hasCycle, to: canManageCycle ? "/movement/cycles/new" : null },
    { key: "practices", done: start.hasPractices, to: null },
  ] as const;
  return (
    <section className="card stack" aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading">{t("start.title")}</h2>
      <p>{t("start.intro")}</p>
      <ol className="first-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? "muted" : undefined}>
            {s.done ? (
              <>
                <strong>{t("start.done")}</strong> {t(`start.${s.key}.done`)}
              </>
            ) : s.to ? (
              <>
                <Link to={s.to}>{t(`start.${s.key}.action`)}</Link> {t(`start.${s.key}.why`)}
              </>
            ) : (
              <>
                {t(`start.${s.key}.waiting`)} {t(`start.${s.key}.why`)}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
