import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import i18n from "~/utils/i18n";
import { resources } from "~/locales/resources";
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

export default i18next;

/** The language of this request's page: the one place a loader, an action or the document asks for it. */
export async function getLocale(request: Request): Promise<Locale> {
  const lng = await i18next.getLocale(request);
  return isLocale(lng) ? lng : "en";
}
