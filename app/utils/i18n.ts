// i18next settings shared by the server (remix-i18next) and the browser (entry.client.tsx).

/**
 * What a value becomes in a message (React escapes the markup). A value holding "{{" — an organization named
 * "{{count}}" — would be taken for the message's own placeholder: i18next replaces the first "{{count}}" it
 * finds in the whole text, the values written so far included, so the sentence came out garbled. A word
 * joiner between the braces keeps the value apart and draws nothing.
 */
export const keepBraces = (value: string) => value.replaceAll("{{", "{\u2060{");

export default {
  supportedLngs: ["en", "es"],
  fallbackLng: "en",
  defaultNS: "common",
  interpolation: { escapeValue: true, escape: keepBraces },
  react: { useSuspense: false },
};
