import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type Namespace } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import i18n from "~/utils/i18n";
import { NAMESPACES, resources } from "~/locales/resources";
import { getUser } from "~/utils/auth.server";
import { isLocale, type Locale } from "~/utils/localized";

/** The visitor's language choice; it outlives sessions so the public pages remember it too. */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

// Detection: the cookie set by the language switch, then the signed-in person's language (their account
// setting, also used for their emails), then Accept-Language, then English.
const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: i18n.supportedLngs,
    fallbackLanguage: i18n.fallbackLng,
    cookie: localeCookie,
    order: ["cookie", "custom", "header"],
    findLocale: async (request) => (await getUser(request))?.locale ?? null,
  },
  i18next: { ...i18n, resources },
});

/** The language of this request's page: the one place a loader, an action or the document asks for it. */
export async function getLocale(request: Request): Promise<Locale> {
  const lng = await i18next.getLocale(request);
  return isLocale(lng) ? lng : "en";
}

// One i18next instance per language, made once: the messages are part of the build and a page's render or a
// loader's translation only reads it. (remix-i18next's getFixedT makes and initialises a new one per call.)
const translators = new Map<Locale, Promise<I18n>>();
export function translator(locale: Locale) {
  let kept = translators.get(locale);
  if (!kept) {
    const instance = createInstance();
    kept = instance
      .use(initReactI18next)
      .init({ ...i18n, lng: locale, ns: NAMESPACES, resources })
      .then(() => instance);
    translators.set(locale, kept);
  }
  return kept;
}

/** The messages of one namespace (else the default one) in the request's language (or a given language). */
export async function fixedT<N extends Namespace>(requestOrLocale: Request | Locale, ns?: N) {
  const locale = typeof requestOrLocale === "string" ? requestOrLocale : await getLocale(requestOrLocale);
  return (await translator(locale)).getFixedT(locale, ns);
}

// The browser fetches its language's messages as JSON (one request, cached for good under a content
// version) instead of carrying every language's catalogs in its JavaScript.
const VERSION = crypto.createHash("sha256").update(JSON.stringify(resources)).digest("hex").slice(0, 12);

export function catalogUrl(locale: Locale) {
  return `/locales/${locale}?v=${VERSION}`;
}

export function catalogResponse(locale: Locale, version: string | null) {
  const cache = version === VERSION ? "public, max-age=31536000, immutable" : "no-cache";
  return new Response(JSON.stringify(resources[locale]), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": cache,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
