// The app's routes as Remix's own manifest lists them, so a walk over them covers a new route the day it is added.
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";

export type RouteModule = { loader?: (args: unknown) => Promise<Response>; action?: (args: unknown) => Promise<Response> };
export type AppRoute = { id: string; file: string; url: string; params: string[]; source: string; intents: string[] };

const INTENT = /intent:\s*z\.literal\("([^"]+)"\)/g;

/** Every route but root: its URL pattern, its params, its source and the form intents its action accepts. */
export async function appRoutes(): Promise<AppRoute[]> {
  const config = await readConfig(process.cwd());
  const all = Object.values(config.routes);
  const byId = new Map(all.map((r) => [r.id, r]));
  return all
    .filter((r) => r.id !== "root")
    .map((r) => {
      const segments: string[] = [];
      for (let cur: typeof r | undefined = r; cur && cur.id !== "root"; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
        if (cur.path) segments.unshift(cur.path);
      }
      const url = `/${segments.join("/")}`.replace(/\/+/g, "/");
      const source = fs.readFileSync(path.join(config.appDirectory, r.file), "utf8");
      // intents declared in the route, or in the form schemas it imports from the models
      const schemas = [...source.matchAll(/from "~\/models\/([\w-]+-schema(?:\.server)?)"/g)].map((m) => fs.readFileSync(path.join(config.appDirectory, "models", `${m[1]}.ts`), "utf8"));
      const intents = [...new Set([source, ...schemas].flatMap((s) => [...s.matchAll(INTENT)].map((m) => m[1])))];
      return { id: r.id, file: r.file, url, params: [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]), source: [source, ...schemas].join("\n"), intents };
    });
}

/** The module of a route, as Remix would load it. */
export async function routeModule(route: AppRoute) {
  return (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
}
