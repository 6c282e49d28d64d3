import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Before the coalition sets up the year's cycle: what the reflection is, and that it opens with the cycle. */
export function ReflectionNoCycle({ year, organization }: { year: number; organization: string }) {
  const { t } = useTranslation("reflection");
  return (
    <div className="container section stack">
      <h1>{t("title", { year })}</h1>
      <p className="section-intro">{t("intro")}</p>
      <p className="notice">{t("state.noCycle", { year })}</p>
      <p>
        <Link to={`/o/${organization}/practices/new`}>{t("noCycleLink")}</Link>
      </p>
    </div>
  );
}
