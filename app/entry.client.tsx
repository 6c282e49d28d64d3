import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule, type ResourceKey } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18n from "~/utils/i18n";

// Messages are data, not JavaScript: a language's catalog is one JSON request. The page names its own
// language's catalog (root.tsx preloads it); another language, once a navigation answers in it (signing in
// as someone who chose Spanish, the language switch), is fetched before i18next switches to it, so every
// message changes together.
const catalogs: Record<string, Promise<Record<string, ResourceKey>>> = {};
const loadMessages = (lng: string, href = `/locales/${lng}`) =>
  (catalogs[lng] ??= fetch(href).then((res) => res.json()));

const catalogBackend: BackendModule = {
  type: "backend",
  init() {},
  read: (lng, ns, done) =>
    void loadMessages(lng).then(
      (messages) => done(null, messages[ns] ?? {}),
      (error: Error) => done(error, null),
    ),
};

async function hydrate() {
  // the language the server rendered in, so hydration matches
  const lng = document.documentElement.lang || i18n.fallbackLng;
  const messages = await loadMessages(
    lng,
    document.querySelector<HTMLMetaElement>('meta[name="i18n-catalog"]')?.content,
  );
  await i18next
    .use(initReactI18next)
    .use(catalogBackend)
    .init({ ...i18n, lng, ns: Object.keys(messages), resources: { [lng]: messages }, partialBundledLanguages: true });
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
