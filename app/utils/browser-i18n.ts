// The browser's translator: the part of i18next this app's pages use, in about 1 KB instead of i18next's 15 KB
// (gzip). The server renders with i18next itself; hydration needs the browser to produce the very same
// strings, so this follows i18next 23's rules for what the catalogs use (decision 024):
// - keys: `ns:a.b.c` or `a.b.c` in the namespace of `useTranslation(ns)`, else the default one; a list of keys
//   takes the first that exists; a missing key shows the key (without its namespace);
// - plurals: `count` picks `_zero` (count 0), then `_<Intl.PluralRules category>`, then the bare key;
//   `context` picks `_<context>` (with its plural forms) before those;
// - interpolation: `{{name}}` and `{{a.b}}` from the options, not escaped (React escapes) but for "{{" kept
//   apart (keepBraces), a value that is not a string written with `'' + value` (null and undefined: nothing),
//   an unknown name left as it is.
// No nesting (`$t(…)`), formatting (`{{x, number}}`), `{{- x}}`, `defaultValue`, `returnObjects` or language
// fallback: the catalogs use none of them, and app/utils/browser-i18n.test.ts holds both that and the equality
// with i18next over every message of both languages.
// It is given to react-i18next's provider in place of an i18next instance; react-i18next reads `options`,
// `language`, `languages`, `isInitialized`, `getFixedT`, `hasLoadedNamespace`, `loadNamespaces` and the
// `languageChanged` event; remix-i18next's `useChangeLanguage` calls `changeLanguage`; root reads `dir`.
import type { i18n as I18n } from "i18next";
import settings, { keepBraces } from "~/utils/i18n";

/** One language's messages: namespace → nested keys → text. */
export type Messages = Record<string, unknown>;
type Options = { [name: string]: unknown; ns?: string | readonly string[]; count?: unknown; context?: unknown };
type Listener = (...args: unknown[]) => void;

const NATURAL_LANGUAGE = /[ ,?!;]/;
const PLACEHOLDER = /{{(.+?)}}/g;

function pathOf(data: unknown, path: string): unknown {
  let node = data;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The text of `keys` in `messages`: what i18next's `t` shows, for the features above. */
export function translate(lng: string, messages: Messages, keys: unknown, options: Options = {}): string {
  if (keys === undefined || keys === null) return "";
  const list = (Array.isArray(keys) ? keys : [keys]).map(String);
  const count = options.count;
  const plural = count !== undefined && typeof count !== "string";
  const pluralSuffix = plural ? `_${new Intl.PluralRules(lng).select(count as number)}` : "";
  const context = options.context;
  const hasContext =
    context !== undefined && context !== "" && (typeof context === "string" || typeof context === "number");
  let found: unknown;
  let key = "";
  for (const given of list) {
    key = given;
    let namespaces: readonly string[] = [
      ...(typeof options.ns === "string" ? [options.ns] : (options.ns ?? [settings.defaultNS])),
    ];
    const i = key.indexOf(".");
    const looksLikePath = !NATURAL_LANGUAGE.test(key) || (i > 0 && !NATURAL_LANGUAGE.test(key.slice(0, i)));
    if (key.includes(":") && looksLikePath && !/\$t\(.+?\)/.test(key)) {
      const parts = key.split(":");
      namespaces = [parts.shift()!];
      key = parts.join(".");
    }
    const candidates = [key];
    if (plural) candidates.push(key + pluralSuffix);
    if (plural && count === 0) candidates.push(`${key}_zero`);
    if (hasContext) {
      const withContext = `${key}_${context}`;
      candidates.push(withContext);
      if (plural) candidates.push(withContext + pluralSuffix);
      if (plural && count === 0) candidates.push(`${withContext}_zero`);
    }
    // the most specific form first, as i18next does
    for (const ns of namespaces) {
      for (let c = candidates.length - 1; c >= 0 && (found === undefined || found === null); c--) {
        const catalog = messages[ns];
        found = pathOf(catalog, candidates[c]);
        if (found === undefined && catalog && typeof catalog === "object")
          found = (catalog as Record<string, unknown>)[candidates[c]];
      }
    }
    if (found !== undefined && found !== null) break;
  }
  if (found !== undefined && found !== null && typeof found === "object")
    return `key '${key} (${lng})' returned an object instead of string.`;
  const text = found === undefined || found === null ? key : String(found);
  return interpolate(text, options);
}

// i18next's Interpolator.interpolate with skipOnVariables on and keepBraces as its escape, step for step: each
// placeholder is replaced where `String.replace` finds it first, and the search goes on after the value.
function interpolate(text: string, data: Options): string {
  let str = text;
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(str), replaces = 0; match && replaces < 1000; match = PLACEHOLDER.exec(str)) {
    const name = match[1].trim();
    let value = pathOf(data, name);
    if (value === undefined && Object.prototype.hasOwnProperty.call(data, name)) value = "";
    if (value === undefined) continue;
    const written = keepBraces(typeof value === "string" ? value : value === null ? "" : `${value as string}`);
    str = str.replace(match[0], () => written);
    PLACEHOLDER.lastIndex += written.length - match[0].length;
    replaces++;
  }
  return str;
}

/** An object react-i18next and remix-i18next take for an i18next instance, showing `messages` in `lng`. */
export function createBrowserI18n(lng: string, messages: Messages, load: (lng: string) => Promise<Messages>): I18n {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((fn) => fn(...args));
  let current = messages;
  const i18n = {
    language: lng,
    resolvedLanguage: lng,
    languages: [lng],
    isInitialized: true,
    // `ignoreJSONStructure` tells react-i18next to ask `hasLoadedNamespace` (the newer i18next API)
    options: { ...settings, ns: Object.keys(messages), ignoreJSONStructure: true },
    store: { on() {}, off() {} },
    on(event: string, fn: Listener) {
      for (const e of event.split(" ")) {
        if (!listeners.has(e)) listeners.set(e, new Set());
        listeners.get(e)!.add(fn);
      }
    },
    off(event: string, fn: Listener) {
      listeners.get(event)?.delete(fn);
    },
    // the page's whole catalog (every namespace) is there before the first render
    hasLoadedNamespace: () => true,
    loadNamespaces(_ns: unknown, done?: () => void) {
      done?.();
      return Promise.resolve();
    },
    loadLanguages(_lng: unknown, done?: () => void) {
      done?.();
      return Promise.resolve();
    },
    t: (keys: unknown, options?: Options) => translate(i18n.language, current, keys, options),
    getFixedT(_lng: string | null, ns?: string | readonly string[], keyPrefix?: string) {
      return (keys: unknown, options?: Options) =>
        translate(i18n.language, current, keyPrefix ? `${keyPrefix}.${String(keys)}` : keys, {
          ...options,
          ns: options?.ns || ns,
        });
    },
    dir: () => "ltr", // English and Spanish
    async changeLanguage(next: string) {
      // a catalog that cannot be fetched leaves the page in the language it shows
      const loaded = await load(next).catch(() => null);
      if (!loaded) return i18n.t;
      current = loaded;
      i18n.language = i18n.resolvedLanguage = next;
      i18n.languages = [next];
      emit("languageChanged", next);
      return i18n.t;
    },
  };
  return i18n as unknown as I18n;
}
