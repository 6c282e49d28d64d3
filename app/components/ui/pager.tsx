import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Previous and next links around "Page 2 of 5"; nothing when everything fits on one page. A page past the end
 * (an old link, a list that shrank) says how many pages there are and links to the last, so the list above it
 * shows nothing rather than "nothing matches".
 */
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
  if (page > pages) {
    return (
      <nav aria-label={label} className="pager">
        <p>
          {t("paging.pastEnd", { count: pages })} <Link to={hrefFor(pages)}>{t("paging.lastPage")}</Link>
        </p>
      </nav>
    );
  }
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="button small secondary">
          {t("actions.previous")}
        </Link>
      ) : null}
      <span>{t("paging.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button small secondary">
          {t("actions.next")}
        </Link>
      ) : null}
    </nav>
  );
}
