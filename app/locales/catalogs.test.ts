import { describe, expect, test } from "vitest";
import { resources } from "~/locales/resources";
import { AUDIT_ACTIONS } from "~/models/audit.server";

type Catalog = { [key: string]: string | Catalog };

function keys(catalog: Catalog, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function values(catalog: Catalog): string[] {
  return Object.values(catalog).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
}

// every namespace of both languages, as one tree per language
const en = resources.en as unknown as Catalog;
const es = resources.es as unknown as Catalog;

describe("message catalogs", () => {
  test("English and Spanish have exactly the same keys, besides Spanish's plural form for millions", () => {
    const enKeys = keys(en);
    const esKeys = keys(es).filter((k) => !k.endsWith("_many"));
    expect(
      enKeys.filter((k) => !esKeys.includes(k)),
      "missing in es",
    ).toEqual([]);
    expect(
      esKeys.filter((k) => !enKeys.includes(k)),
      "missing in en",
    ).toEqual([]);
    expect(enKeys.length).toBeGreaterThan(10);
  });

  // Spanish says 1 000 000 (and every exact million) in a plural form of its own, "many" (Intl.PluralRules),
  // which English lacks: without it, i18next would fall back to the English sentence
  test("every Spanish plural has its form for millions, as the browser's translator has no English to fall back to", () => {
    const esKeys = keys(es);
    expect(esKeys.filter((k) => k.endsWith("_other") && !esKeys.includes(k.replace(/_other$/, "_many")))).toEqual([]);
    expect(esKeys.filter((k) => k.endsWith("_many") && !esKeys.includes(k.replace(/_many$/, "_other")))).toEqual([]);
  });

  test("no message is empty", () => {
    expect(values(en).filter((v) => !v.trim())).toEqual([]);
    expect(values(es).filter((v) => !v.trim())).toEqual([]);
  });

  test("interpolations match between languages", () => {
    const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const esByKey = new Map(
      keys(es).map((k) => [k, k.split(".").reduce<unknown>((o, p) => (o as Catalog)[p], es) as string]),
    );
    for (const key of keys(en)) {
      const enText = key.split(".").reduce<unknown>((o, p) => (o as Catalog)[p], en) as string;
      expect(vars(esByKey.get(key) ?? ""), key).toEqual(vars(enText));
    }
  });

  test("every audit action has a label in both languages, so the audit log never shows a raw action name", () => {
    for (const lng of [en, es]) {
      const labels = keys(lng).filter((k) => k.startsWith("admin.audit.actions."));
      expect(AUDIT_ACTIONS.filter((a) => !labels.includes(`admin.audit.actions.${a}`))).toEqual([]);
    }
  });
});
