import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18n from "~/utils/i18n";

// The page names its language's catalog (root.tsx preloads it); messages are data, not JavaScript.
async function loadMessages(lng: string) {
  const href = document.querySelector<HTMLMetaElement>('meta[name="i18n-catalog"]')?.content ?? `/locales/${lng}`;
  const res = await fetch(href, { credentials: "same-origin" });
  return (await res.json()) as Record<string, Record<string, unknown>>;
}

async function hydrate() {
  // the language the server rendered in, so hydration matches
  const lng = document.documentElement.lang || i18n.fallbackLng;
  const messages = await loadMessages(lng);
  await i18next.use(initReactI18next).init({
    ...i18n,
    lng,
    ns: Object.keys(messages),
    resources: { [lng]: messages },
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
