import { useTranslation } from "react-i18next";
import { formatters } from "~/utils/format";

/** Dates and numbers in the page's language (app/utils/format.ts); loaders, CSVs and emails call formatters(locale). */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
