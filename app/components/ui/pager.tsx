import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous and next links around "Page 2 of 5"; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  hrefFor,
  label,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      {page > 1 ? (
        <Link to={hrefFor(Math.min(page - 1, pages))} rel="prev" className="button small secondary">
          {t("actions.previous")}
        </Link>
      ) : null}
      <span>{t("paging.page", { page: Math.min(page, pages), pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button small secondary">
          {t("actions.next")}
        </Link>
      ) : null}
    </nav>
  );
}
