import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const LANGUAGES = ["en", "es"] as const;

/**
 * A plain form so it works without JavaScript; the server remembers the choice in a cookie. It reloads the
 * document so the browser loads the other language's messages.
 */
export function LanguageSwitch({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument className="lang-switch" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LANGUAGES.map((lng) => (
        <button key={lng} type="submit" name="lng" value={lng} lang={lng} aria-pressed={current === lng}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
