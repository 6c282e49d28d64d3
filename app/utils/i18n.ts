// i18next settings shared by the server (remix-i18next) and the browser (entry.client.tsx).
export default {
  supportedLngs: ["en", "es"],
  fallbackLng: "en",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};
