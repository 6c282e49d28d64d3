// Counts in the organization's workspace follow each language's plural rules: 0, 1 and 2 in English and
// Spanish, as the pages draw them.
import { createInstance, type i18n as I18n } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, test } from "vitest";
import { ParticipantCount } from "~/components/participant-count";
import { resources } from "~/locales/resources";
import i18nConfig from "~/utils/i18n";

const languages: Record<"en" | "es", I18n> = { en: createInstance(), es: createInstance() };

beforeAll(async () => {
  for (const [lng, instance] of Object.entries(languages))
    await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: Object.keys(resources.en) });
});

const text = (lng: "en" | "es", participants: number, impacted: number) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={languages[lng]}>
      <ParticipantCount participants={participants} impacted={impacted} />
    </I18nextProvider>,
  )
    .replace(/<[^>]+>/g, "")
    // Intl writes "100 %" in Spanish with a no-break space
    .replace(/\s/g, " ");

describe("participant counts", () => {
  test.each([
    ["en", 0, 0, "No participants counted"],
    ["en", 1, 1, "1 participant · 1 directly impacted (100%)"],
    ["en", 2, 0, "2 participants · 0 directly impacted (0%)"],
    ["en", 2, 1, "2 participants · 1 directly impacted (50%)"],
    ["en", 1200, 2, "1,200 participants · 2 directly impacted (0%)"],
    ["es", 0, 0, "No se contaron participantes"],
    ["es", 1, 1, "1 participante · 1 directamente afectada (100 %)"],
    ["es", 2, 0, "2 participantes · 0 directamente afectadas (0 %)"],
    ["es", 2, 2, "2 participantes · 2 directamente afectadas (100 %)"],
  ] as const)("%s: %i taking part, %i directly impacted: “%s”", (lng, participants, impacted, expected) => {
    expect(text(lng, participants, impacted)).toBe(expected);
  });
});

describe("other counts in the workspace", () => {
  // key, then the words for 0, 1 and 2 in English and in Spanish
  const cases: [string, Record<string, unknown>, [string, string, string], [string, string, string]][] = [
    [
      "practice:list.caption",
      {},
      ["0 practices", "1 practice", "2 practices"],
      ["0 prácticas", "1 práctica", "2 prácticas"],
    ],
    [
      "practice:filters.active",
      {},
      ["0 filters on", "1 filter on", "2 filters on"],
      ["0 filtros activos", "1 filtro activo", "2 filtros activos"],
    ],
    [
      "workspace:home.practicesYear",
      {},
      ["0 practices this year", "1 practice this year", "2 practices this year"],
      ["0 prácticas este año", "1 práctica este año", "2 prácticas este año"],
    ],
    [
      "workspace:value.practicesShown",
      { shown: 1 },
      ["The latest 1 of 0 practices.", "The only practice logged for this value.", "The latest 1 of 2 practices."],
      [
        "Las 1 más recientes de 0 prácticas.",
        "La única práctica registrada para este valor.",
        "Las 1 más recientes de 2 prácticas.",
      ],
    ],
    ["org:members.caption", {}, ["0 members", "1 member", "2 members"], ["0 miembros", "1 miembro", "2 miembros"]],
    [
      "commitment:copy.done",
      { year: 2026 },
      [
        "0 commitments were copied into 2026.",
        "1 commitment was copied into 2026.",
        "2 commitments were copied into 2026.",
      ],
      ["Se copiaron 0 compromisos a 2026.", "Se copió 1 compromiso a 2026.", "Se copiaron 2 compromisos a 2026."],
    ],
  ];
  test.each(cases)("%s", (key, options, en, es) => {
    for (const [lng, expected] of [
      ["en", en],
      ["es", es],
    ] as const) {
      expect(
        [0, 1, 2].map((count) => languages[lng].t(key, { ...options, count })),
        lng,
      ).toEqual(expected);
    }
  });
});
