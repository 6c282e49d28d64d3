import { withoutControls } from "~/utils/form-limits";

const DEFAULT_REDIRECT = "/";
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" and "/\evil.example"
// both lead off-site; such characters never belong in one of the app's own paths.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\\s\u200b-\u200f\u2028\u2029\ufeff]/;
const BASE = "http://app.invalid";

/**
 * A same-site path to send the browser to, or `fallback`: only a path starting with one "/", holding no
 * control characters, spaces or backslashes (in its path also percent-encoded), that stays on the site when
 * resolved.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT) {
  if (!to || typeof to !== "string" || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_CHARACTERS.test(to)) return fallback;
  let path: string;
  try {
    // the query may hold an encoded space (a search); the path of one of the app's pages never does
    path = decodeURIComponent(to.split(/[?#]/, 1)[0]);
  } catch {
    return fallback;
  }
  if (UNSAFE_CHARACTERS.test(path) || path.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The request's query parameters, with NUL (which PostgreSQL refuses in text) dropped from names and values. */
export function searchParamsOf(request: Request) {
  const params = new URLSearchParams();
  for (const [name, value] of new URL(request.url).searchParams)
    params.append(withoutControls(name), withoutControls(value));
  return params;
}

/**
 * The query parameters of a page whose filters are a GET form. Such a form sends every field, set or not
 * (`?region=&size=`); a request with an empty field is answered with a redirect to the same address without
 * it, the other parameters kept in their order, so an address that is shared or bookmarked names only the
 * filters set. Without JavaScript the browser follows the redirect; with it, Remix does, and the address bar
 * only ever shows the clean address. An old bookmark with empty fields still opens the same page.
 */
export function filterParamsOf(request: Request) {
  const params = searchParamsOf(request);
  // empty as sent: a value that is only NUL is malformed rather than empty, and the page's parsing ignores it
  const sent = [...new URL(request.url).searchParams].map(([, value]) => value.trim() !== "");
  if (sent.every(Boolean)) return params;
  const query = new URLSearchParams([...params].filter((_, i) => sent[i])).toString();
  const { pathname } = new URL(request.url);
  const location = safeRedirect(query ? `${pathname}?${query}` : pathname, pathname);
  throw new Response(null, { status: 302, headers: { Location: location } });
}

// cuids and slugs: what every record id or slug in the app's URLs looks like
const RECORD_PARAM = /^[\w-]{1,100}$/;

/** A record's id or slug from the URL; anything else (NUL, spaces, a megabyte) names no record: 404. */
export function recordParam(value: string | undefined) {
  if (value === undefined || !RECORD_PARAM.test(value)) throw new Response("Not found", { status: 404 });
  return value;
}
