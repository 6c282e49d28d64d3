import { describe, expect, test } from "vitest";
import { loader as landingLoader } from "~/routes/_index";
import { action as localeAction, loader as localeLoader } from "~/routes/locale";
import { loader as healthLoader } from "~/routes/healthz";
import { getPrisma } from "~/utils/db.server";
import { answer } from "../factories";

const args = (request: Request) => ({ request, params: {}, context: {} });
const get = (headers: Record<string, string> = {}) => args(new Request("http://localhost/", { headers }));

async function landing(headers: Record<string, string> = {}) {
  const res = await answer(landingLoader(get(headers)));
  expect(res.status).toBe(200);
  return res.json();
}

describe("landing page", () => {
  test("shows the vision, the five freedoms and the four values from the database, in English by default", async () => {
    const data = await landing();
    expect(data.title).toBe("North Star: living the movement's values");
    expect(data.framework.vision).toMatch(/^All people have inherent dignity and value/);
    expect(data.framework.freedoms.map((f: { name: string }) => f.name)).toEqual([
      "Freedom to Thrive",
      "Freedom to Stay",
      "Freedom to Move",
      "Freedom to Work",
      "Freedom to Transform",
    ]);
    expect(data.framework.values.map((v: { name: string }) => v.name)).toEqual([
      "Trust & Respect",
      "Leaderful Movement That Centers Directly Impacted People",
      "Courage, Creativity, and Discipline",
      "Global Awareness and Engagement",
    ]);
  });

  test("Accept-Language: es gives Spanish", async () => {
    const data = await landing({ "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
    expect(data.title).toBe("North Star: vivir los valores del movimiento");
    expect(data.framework.values[0].name).toBe("Confianza y Respeto");
    expect(data.framework.freedoms[1].name).toBe("Libertad para Quedarse");
  });

  test("reads the framework from the database: an admin's rename and archive show up", async () => {
    const prisma = await getPrisma();
    await prisma.value.update({ where: { slug: "global-awareness" }, data: { archivedAt: new Date() } });
    await prisma.freedom.update({
      where: { slug: "move" },
      data: { name: { en: "Freedom to Move and Be Welcomed", es: "Libertad para Migrar y Ser Bienvenida" } },
    });
    try {
      const data = await landing();
      expect(data.framework.values.map((v: { slug: string }) => v.slug)).not.toContain("global-awareness");
      expect(data.framework.freedoms[2].name).toBe("Freedom to Move and Be Welcomed");
    } finally {
      await prisma.value.update({ where: { slug: "global-awareness" }, data: { archivedAt: null } });
    }
  });
});

describe("language switch", () => {
  const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    args(new Request("http://localhost/locale", { method: "POST", body: new URLSearchParams(body), headers }));

  test("choosing Spanish sets a lasting cookie, returns to the page, and the next page is Spanish even for an English browser", async () => {
    const res = await answer(localeAction(post({ lng: "es", redirectTo: "/?x=1" })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/?x=1");
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^lng=/);
    expect(setCookie).toMatch(/Max-Age=31536000/);
    expect(setCookie).toMatch(/HttpOnly/);
    const cookie = setCookie.split(";")[0];
    const data = await landing({ Cookie: cookie, "Accept-Language": "en-US" });
    expect(data.framework.values[0].name).toBe("Confianza y Respeto");
  });

  test("an unknown language changes nothing, and a foreign redirect target is refused", async () => {
    const res = await answer(localeAction(post({ lng: "fr", redirectTo: "//evil.example/" })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  test("GET /locale just goes home", async () => {
    const res = await answer(localeLoader());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
  });
});

describe("/healthz", () => {
  test("answers 200 when the database answers", async () => {
    const res = await answer(healthLoader());
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await res.json()).toEqual({ status: "ok", database: "up" });
  });
});
