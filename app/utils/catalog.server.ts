import crypto from "node:crypto";
import { resources } from "~/locales/resources";
import type { Locale } from "~/utils/localized";

// The browser fetches its language's messages as JSON (one request, cached for good under a content
// version) instead of carrying every language's catalogs in its JavaScript.
const VERSION = crypto.createHash("sha256").update(JSON.stringify(resources)).digest("hex").slice(0, 12);

export function catalogUrl(locale: Locale) {
  return `/locales/${locale}?v=${VERSION}`;
}

export function catalogResponse(locale: Locale, version: string | null) {
  const cache = version === VERSION ? "public, max-age=31536000, immutable" : "no-cache";
  return new Response(JSON.stringify(resources[locale]), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache, "X-Content-Type-Options": "nosniff" },
  });
}
