// @vitest-environment happy-dom
// The browser's translator must write exactly what the server's i18next writes, or hydration breaks: every
// message of both languages, with every option the pages pass (count, context, values), compared.
import { act, render, screen } from "@testing-library/react";
import { createInstance, type i18n as I18n } from "i18next";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { beforeAll, describe, expect, test } from "vitest";
import { NAMESPACES, resources } from "~/locales/resources";
import { createBrowserI18n, translate, type Messages } from "~/utils/browser-i18n";
import settings from "~/utils/i18n";

type Catalog = { [key: string]: string | Catalog };
const LOCALES = ["en", "es"] as const;
const server: Partial<Record<(typeof LOCALES)[number], I18n>> = {};

beforeAll(async () => {
  for (const lng of LOCALES) {
    const instance = createInstance();
    await instance.init({ ...settings, lng, ns: NAMESPACES, resources });
    server[lng] = instance;
  }
});

function leaves(catalog: Catalog, prefix = ""): [string, string][] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const PLURALS = new Set(["zero", "one", "two", "few", "many", "other"]);
const messages = (lng: (typeof LOCALES)[number]) => resources[lng] as unknown as Record<string, Catalog>;
const all = NAMESPACES.flatMap((ns) => leaves(messages("en")[ns]).map(([key, text]) => ({ ns, key, text })));

// every key as the code may ask for it: as written, without its plural suffix, without its context; with
// the contexts the catalogs have for it and one they do not
const asked = new Map<string, Set<string>>();
const ask = (ns: string, key: string) => {
  if (!asked.has(`${ns}|${key}`)) asked.set(`${ns}|${key}`, new Set(["unknown"]));
  return asked.get(`${ns}|${key}`)!;
};
for (const { ns, key } of all) {
  ask(ns, key);
  const parts = key.split("_");
  if (PLURALS.has(parts.at(-1)!)) parts.pop();
  ask(ns, parts.join("_"));
  if (parts.length > 1) ask(ns, parts.slice(0, -1).join("_")).add(parts.at(-1)!);
}
// values that would show a difference in how they are written in: text with `$` patterns and braces,
// numbers, null, and a value that itself looks like a placeholder
const names = new Set(all.flatMap(({ text }) => [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1])));
const valueSets: Record<string, unknown>[] = [
  {},
  Object.fromEntries(
    [...names].map((n, i) => [n, i % 3 === 0 ? `${n} $& $1 $$ ü` : i % 3 === 1 ? 1234.5 : "{{year}}"]),
  ),
  Object.fromEntries([...names].map((n) => [n, null])),
  Object.fromEntries([...names].map((n) => [n, undefined])),
];

describe("a value that looks like a placeholder", () => {
  // an organization named "{{date}}" once took the sentence's own date: i18next replaced the first "{{date}}"
  // in the text, which was the name it had just written
  const options = { ns: "cycle", year: 2026, organization: "{{date}} & co", date: "December 15" };
  const sentence = "The 2026 reflection of {\u2060{date}} & co has not been submitted yet. It closes on December 15.";
  test("is written as it is, and the sentence's own placeholder gets its own value (server and browser)", () => {
    expect(server.en!.t("email.reminder.intro", options)).toBe(sentence);
    expect(translate("en", messages("en") as unknown as Messages, "email.reminder.intro", options)).toBe(sentence);
    expect(sentence.replace("\u2060", "")).toContain("of {{date}} & co has");
  });
});

describe("the browser's translator", () => {
  test("the catalogs use only what it supports: no nesting, formatting or unescaped placeholders", () => {
    const texts = LOCALES.flatMap((lng) => NAMESPACES.flatMap((ns) => leaves(messages(lng)[ns]).map(([, t]) => t)));
    expect(texts.filter((t) => t.includes("$t(") || /{{-|{{[^}]*,[^}]*}}/.test(t))).toEqual([]);
  });

  test.each(LOCALES)("writes every message as i18next does (%s)", (lng) => {
    const browser = messages(lng) as unknown as Messages;
    const differences: string[] = [];
    let compared = 0;
    for (const [entry, contexts] of asked) {
      const [ns, key] = entry.split("|");
      const fixed = server[lng]!.getFixedT(lng, ns);
      const extras = [
        {},
        ...[0, 1, 2, 1.5, 1_000_000].map((count) => ({ count })),
        ...[...contexts].flatMap((context) => [{ context }, { context, count: 0 }, { context, count: 1 }]),
      ];
      for (const values of valueSets)
        for (const extra of extras) {
          const options = { ...values, ...extra };
          // as `useTranslation(ns)` asks
          const got = translate(lng, browser, key, { ...options, ns });
          const want = fixed(key, options);
          if (got !== want) differences.push(`${ns}:${key} ${JSON.stringify(options)}: ${got} ≠ ${want}`);
          compared++;
        }
      // as another namespace's page asks, with `ns:key`
      for (const extra of extras) {
        const options = { ...valueSets[1], ...extra };
        const got = translate(lng, browser, `${ns}:${key}`, { ...options, ns: "common" });
        const want = server[lng]!.getFixedT(lng, "common")(`${ns}:${key}`, options);
        if (got !== want) differences.push(`common→${ns}:${key} ${JSON.stringify(options)}: ${got} ≠ ${want}`);
        compared++;
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });

  test.each(LOCALES)("shows a missing key as i18next does (%s)", (lng) => {
    const browser = messages(lng) as unknown as Messages;
    const fixed = server[lng]!.getFixedT(lng, "practice");
    for (const key of [
      "no.such.key",
      "common:no.such.key",
      "nope:actions.undo",
      "Is this: a sentence, or a key?",
      "form", // a subtree, not a message
      "count {{count}}",
    ])
      expect(translate(lng, browser, key, { ns: "practice", count: 2 }), key).toBe(fixed(key, { count: 2 }));
    const keys = ["no.such.key", "common:actions.undo", "common:actions.cancel"];
    expect(translate(lng, browser, keys, { ns: "practice" })).toBe(fixed(keys));
    expect(translate(lng, browser, ["a.b", "c.d"], { ns: "practice" })).toBe(fixed(["a.b", "c.d"]));
  });

  test("react-i18next renders with it, and changing the language renders the other language's messages", async () => {
    const load = (lng: string) => Promise.resolve(resources[lng as "en" | "es"] as unknown as Messages);
    const i18n = createBrowserI18n("en", resources.en as unknown as Messages, load);
    initReactI18next.init(i18n);
    function Undo() {
      const { t, i18n: current } = useTranslation("practice");
      return (
        <p>
          {current.language} {t("common:actions.undo")} {t("list.count", { count: 0 })}
        </p>
      );
    }
    render(
      <I18nextProvider i18n={i18n}>
        <Undo />
      </I18nextProvider>,
    );
    const en = server.en!.getFixedT("en", "practice");
    const es = server.es!.getFixedT("es", "practice");
    expect(screen.getByText(/^en /).textContent).toBe(
      `en ${en("common:actions.undo")} ${en("list.count", { count: 0 })}`,
    );
    await act(() => i18n.changeLanguage("es"));
    expect(screen.getByText(/^es /).textContent).toBe(
      `es ${es("common:actions.undo")} ${es("list.count", { count: 0 })}`,
    );
    expect(i18n.dir("es")).toBe("ltr");
  });
});
