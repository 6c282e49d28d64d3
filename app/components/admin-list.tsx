import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/ui/pager";
import { SearchForm } from "~/components/ui/search-form";

/**
 * A coalition admin's list page below its heading: the search box (`?q=`), how many match, the table (the page
 * gives the column headings and the rows), or the empty state, and the pager (`?q=&page=`, read by
 * parseListSearch in utils/form-fields.ts). `notice` stands between the search and the count (a confirmation
 * step, an error).
 */
export function AdminList({
  id,
  q,
  searchLabel,
  count,
  headings,
  rows,
  empty,
  page,
  pageCount,
  notice,
}: {
  id: string;
  q: string;
  searchLabel: string;
  count: string;
  headings: string[];
  rows: ReactNode[];
  empty: string;
  page: number;
  pageCount: number;
  notice?: ReactNode;
}) {
  const { t } = useTranslation("admin");
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <>
      <SearchForm id={`${id}-search`} label={searchLabel} q={q} />
      {notice}
      <p className="field-help" id={`${id}-count`}>
        {count}
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table className="data cards" aria-describedby={`${id}-count`}>
            <thead>
              <tr>
                {headings.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      ) : page > pageCount ? null : (
        <p className="empty-state">{empty}</p>
      )}
      <Pager page={page} pages={pageCount} hrefFor={pageLink} label={t("pager.label")} />
    </>
  );
}
