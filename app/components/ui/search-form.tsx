import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A GET search box (`?q=`) with a link that clears it; works without JavaScript. */
export function SearchForm({ id, label, q }: { id: string; label: string; q: string }) {
  const { t } = useTranslation("admin");
  return (
    <Form method="get" className="narrow stack" role="search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="q" type="search" defaultValue={q} maxLength={100} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button small secondary">
          {t("search.submit")}
        </button>
        {q ? <Link to=".">{t("search.clear")}</Link> : null}
      </div>
    </Form>
  );
}
