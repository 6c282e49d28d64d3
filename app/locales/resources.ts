// The catalogs are bundled into the server and the browser: no i18next backend, no extra requests.
import en from "~/locales/en/common.json";
import es from "~/locales/es/common.json";

export const resources = { en: { common: en }, es: { common: es } } as const;
