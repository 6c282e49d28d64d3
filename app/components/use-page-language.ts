import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * Keeps the browser's messages in the page's language. The browser starts with only the catalog of the
 * language the server rendered in; when a later navigation answers in another one (signing in as someone
 * who chose Spanish, the language switch), this fetches that catalog before switching, so every message
 * changes together instead of falling back to English.
 */
export function usePageLanguage(locale: string, catalog: string | undefined) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === locale && i18n.hasResourceBundle(locale, "common")) return;
    let current = true;
    void (async () => {
      if (!i18n.hasResourceBundle(locale, "common")) {
        const res = await fetch(catalog ?? `/locales/${locale}`, { credentials: "same-origin" });
        if (!res.ok || !current) return;
        const messages = (await res.json()) as Record<string, Record<string, unknown>>;
        for (const [ns, bundle] of Object.entries(messages)) i18n.addResourceBundle(locale, ns, bundle, true, true);
      }
      if (current) await i18n.changeLanguage(locale);
    })();
    return () => {
      current = false;
    };
  }, [locale, catalog, i18n]);
}
