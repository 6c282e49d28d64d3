import { describe, expect, test } from "vitest";
import { resources } from "~/locales/resources";
import { errorMessageKeys } from "~/utils/error-messages";

function text(lang: "en" | "es", key: string) {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources[lang].common);
}

describe("error page messages", () => {
  test("a refused form (400) and a body too large (413) say so, in English and Spanish", () => {
    for (const status of [400, 413]) {
      const { title, body } = errorMessageKeys(status);
      expect(title).not.toBe("error.title");
      for (const lang of ["en", "es"] as const) {
        expect(typeof text(lang, title), `${lang} ${title}`).toBe("string");
        expect(typeof text(lang, body), `${lang} ${body}`).toBe("string");
      }
    }
    expect(text("es", errorMessageKeys(413).body)).not.toBe(text("es", errorMessageKeys(400).body));
  });

  test("every status it names is translated; others get the general apology", () => {
    for (const status of [400, 403, 404, 413, 500, undefined]) {
      const { title, body } = errorMessageKeys(status);
      for (const lang of ["en", "es"] as const) for (const key of [title, body]) expect(typeof text(lang, key), `${lang} ${key}`).toBe("string");
    }
    expect(errorMessageKeys(500)).toEqual({ title: "error.title", body: "error.body" });
  });
});
