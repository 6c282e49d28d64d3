// The pager on a page past the end says how many pages there are and links to the last, in both languages;
// within the range it is "Page n of N" between previous and next.
import { createInstance, type i18n as I18n } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { beforeAll, describe, expect, test } from "vitest";
import { Pager } from "~/components/ui/pager";
import { resources } from "~/locales/resources";
import i18nConfig from "~/utils/i18n";

const languages: Record<"en" | "es", I18n> = { en: createInstance(), es: createInstance() };

beforeAll(async () => {
  for (const [lng, instance] of Object.entries(languages))
    await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: Object.keys(resources.en) });
});

const draw = (lng: "en" | "es", page: number, pages: number) =>
  renderToStaticMarkup(
    <StaticRouter location="/">
      <I18nextProvider i18n={languages[lng]}>
        <Pager page={page} pages={pages} hrefFor={(n) => `?page=${n}`} label="Pages" />
      </I18nextProvider>
    </StaticRouter>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, "");
const links = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe("Pager", () => {
  test("within the pages: previous, the position, next", () => {
    expect(text(draw("en", 2, 3))).toBe("PreviousPage 2 of 3Next");
    expect(links(draw("en", 2, 3))).toEqual(["/?page=1", "/?page=3"]);
    expect(draw("en", 1, 1)).toBe("");
  });

  test.each([
    ["en", 25, 19, "There are only 19 pages. Go to the last page"],
    ["es", 25, 19, "Solo hay 19 páginas. Ir a la última página"],
    ["en", 3, 1, "There is only one page. Go to the last page"],
    ["es", 3, 1, "Solo hay una página. Ir a la última página"],
  ] as const)("%s, page %i of %i: “%s” and a link to the last page", (lng, page, pages, expected) => {
    const html = draw(lng, page, pages);
    expect(text(html)).toBe(expected);
    expect(text(html)).not.toContain(`${page}`);
    expect(links(html)).toEqual([`/?page=${pages}`]);
  });
});
