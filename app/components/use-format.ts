import { useTranslation } from "react-i18next";
import { formatDate, formatNumber, formatPercent, type DateStyle } from "~/utils/format";

/** Dates and numbers in the page's language (app/utils/format.ts); loaders, CSVs and emails call those functions with a locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (value: string, style?: DateStyle | Intl.DateTimeFormatOptions) => formatDate(locale, value, style),
    number: (n: number) => formatNumber(locale, n),
    percent: (n: number) => formatPercent(locale, n),
  };
}
