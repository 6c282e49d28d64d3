// The app's routes as Remix's own manifest lists them, so a walk over them covers a new route the day it is added.
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";

export type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};
export type AppRoute = { id: string; file: string; url: string; params: string[]; source: string; intents: string[] };

// The form intents a module names: its schemas' `intent: z.literal("…")` and the hidden `intent` fields it draws.
const INTENT_PATTERNS = [
  /intent:\s*z\.literal\("([^"]+)"\)/g,
  /name="intent"\s+value="([^"]+)"/g,
  /\bintent:\s*"([^"]+)"/g,
];
const IMPORT = /(?:from|import)\s*\(?\s*"((?:~\/|\.\.?\/)[^"]+)"/g;

/** The intents named in a module's source. */
export function intentsIn(source: string) {
  return [...new Set(INTENT_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1])))];
}

/** The file an app import names: `~/models/x-schema` → app/models/x-schema.ts, and so on. */
function resolveImport(appDirectory: string, from: string, specifier: string) {
  const base = specifier.startsWith("~/")
    ? path.join(appDirectory, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "route.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * A route's source and the sources of the app modules it imports: the schemas its action parses may live in
 * models/ (or wherever they move), and the forms it draws in components/. One step deep: a module imported only
 * by another module names intents the route neither parses nor draws (allIntents checks nothing is missed).
 */
function sourceWithImports(appDirectory: string, file: string) {
  const seen = new Set<string>();
  const pending = [file];
  const sources: { file: string; source: string }[] = [];
  while (pending.length) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const source = fs.readFileSync(current, "utf8");
    sources.push({ file: current, source });
    if (current !== file) continue;
    for (const m of source.matchAll(IMPORT)) {
      const target = resolveImport(appDirectory, current, m[1]);
      if (target && target.startsWith(appDirectory) && !target.includes(`${path.sep}generated${path.sep}`))
        pending.push(target);
    }
  }
  return sources;
}

/** Every intent any module of the app names: what the walk over the routes must have tried, each at least once. */
export async function allIntents() {
  const config = await readConfig(process.cwd());
  const files = fs
    .readdirSync(config.appDirectory, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith("generated"));
  return [
    ...new Set(files.flatMap((f) => intentsIn(fs.readFileSync(path.join(config.appDirectory, f), "utf8")))),
  ].sort();
}

/** Every route but root: its URL pattern, its params, its source and the form intents its action may meet. */
export async function appRoutes(): Promise<AppRoute[]> {
  const config = await readConfig(process.cwd());
  const all = Object.values(config.routes);
  const byId = new Map(all.map((r) => [r.id, r]));
  return all
    .filter((r) => r.id !== "root")
    .map((r) => {
      const segments: string[] = [];
      for (
        let cur: typeof r | undefined = r;
        cur && cur.id !== "root";
        cur = cur.parentId ? byId.get(cur.parentId) : undefined
      ) {
        if (cur.path) segments.unshift(cur.path);
      }
      const url = `/${segments.join("/")}`.replace(/\/+/g, "/");
      const sources = sourceWithImports(config.appDirectory, path.join(config.appDirectory, r.file));
      const intents = [...new Set(sources.flatMap((s) => intentsIn(s.source)))];
      // the route and the form schemas it imports: where the fields a hostile-input test fills are named
      const schemas = sources.filter(
        (s, i) =>
          i > 0 &&
          sources[0].source.includes(`"~/models/${path.basename(s.file).replace(/\.tsx?$/, "")}"`) &&
          /-schema(\.server)?\.ts$/.test(s.file),
      );
      const source = [sources[0], ...schemas].map((s) => s.source).join("\n");
      return {
        id: r.id,
        file: r.file,
        url,
        params: [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]),
        source,
        intents,
      };
    });
}

/** The module of a route, as Remix would load it. */
export async function routeModule(route: AppRoute) {
  return (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
}
