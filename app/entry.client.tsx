import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createBrowserI18n, type Messages } from "~/utils/browser-i18n";
import i18n from "~/utils/i18n";

// Messages are data, not JavaScript: a language's catalog is one JSON request. The page names its own
// language's catalog (root.tsx preloads it); another language, once a navigation answers in it (signing in
// as someone who chose Spanish, the language switch), is fetched before the page switches to it, so every
// message changes together. The browser translates with a small stand-in for i18next (decision 024).
const catalogs: Record<string, Promise<Messages>> = {};
const loadMessages = (lng: string, href = `/locales/${lng}`) =>
  (catalogs[lng] ??= fetch(href)
    .then((res) => res.json() as Promise<Messages>)
    .catch((error: unknown) => {
      delete catalogs[lng]; // the next navigation in that language tries again
      throw error;
    }));

async function hydrate() {
  // the language the server rendered in, so hydration matches
  const lng = document.documentElement.lang || i18n.fallbackLng;
  const messages = await loadMessages(
    lng,
    document.querySelector<HTMLMetaElement>('meta[name="i18n-catalog"]')?.content,
  );
  const translator = createBrowserI18n(lng, messages, loadMessages);
  initReactI18next.init(translator);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={translator}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
