// The "beside the movement" section names an organization's size band and a statistic of the group: a reader
// must not take one for the other (in Spanish the medium band is "Mediana", so the statistic is worded without
// "mediana").
import { createInstance, type i18n as I18n } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { beforeAll, expect, test } from "vitest";
import { BesideLegend, BesideMovement, type BesideItem } from "~/components/beside-movement";
import { resources } from "~/locales/resources";
import i18nConfig from "~/utils/i18n";

const languages: Record<"en" | "es", I18n> = { en: createInstance(), es: createInstance() };

beforeAll(async () => {
  for (const [lng, instance] of Object.entries(languages))
    await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: Object.keys(resources.en) });
});

const item: BesideItem = {
  valueId: "v",
  own: { practices: 4, participants: 10, impactedShare: 0.5 },
  group: { kind: "band", band: "MEDIUM" },
  organizations: 8,
  practices: { q1: 1, median: 3, q3: 5 },
  shareOrganizations: 8,
  impactedShare: { q1: 0.2, median: 0.4, q3: 0.6 },
};

function Intro() {
  const { t } = useTranslation("workspace");
  return <p>{t("beside.intro", { year: 2026, min: 3 })}</p>;
}

const text = (lng: "en" | "es") =>
  renderToStaticMarkup(
    <I18nextProvider i18n={languages[lng]}>
      <Intro />
      <BesideLegend />
      <BesideMovement item={item} min={3} />
    </I18nextProvider>,
  ).replace(/<[^>]+>/g, " ");

test.each([
  ["en", "Medium"],
  ["es", "Mediana"],
] as const)("%s: the size band's word (%s) appears once, as the band, and never for the statistic", (lng, band) => {
  const words = text(lng).match(new RegExp(band, "gi")) ?? [];
  expect(words).toEqual([band]);
});
