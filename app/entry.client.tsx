import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NAMESPACES, resources } from "~/locales/resources";
import i18n from "~/utils/i18n";

async function hydrate() {
  await i18next.use(initReactI18next).init({
    ...i18n,
    resources,
    ns: NAMESPACES,
    // the language the server rendered in, so hydration matches
    lng: document.documentElement.lang,
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
