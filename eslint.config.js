import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The house has three floors and imports run downward only: routes (and start-up, boot/) → components and
// models → utils. The demo generator (demo/) is outside the app: nothing in app/ imports it, so the server
// build never carries it (docs/decisions/018-start-up.md).
const noRouteImports = {
  group: ["~/routes/*", "~/root", "./*"],
  message: "A route never imports another route: move what they share to models/ or utils/.",
};
const noUpwardImports = {
  group: ["~/routes/*", "~/root", "~/components/*", "~/boot/*"],
  message: "utils/ and models/ import only downward.",
};
const noModelImports = {
  group: ["~/models/*", "../models/*"],
  message:
    "utils/ is the ground floor: it never imports models/ (move the query to models/, or the caller up a floor).",
};
const noBootImports = { group: ["~/boot/*"], message: "Only entry.server.tsx starts the app." };
const noDemoImports = {
  group: ["**/demo/*", "../demo/*", "../../demo/*"],
  message: "The demo generator stays out of the server build: server.mjs and scripts/ load it.",
};
const noServerImports = { group: ["*.server", "~/models/*.server"], message: "components never import server code." };
// Route modules and components reach the browser, and Remix keeps their top-level schemas there. A route
// imports its schemas from app/models/<entity>-schema.ts and uses them in its loader and action only, so the
// browser build drops the module, and zod with it (docs/decisions/005 and 017).
const noZodInRoutes = [
  {
    name: "zod",
    message: "Route modules import their schemas from ~/models/<entity>-schema, in loaders and actions only.",
  },
  {
    name: "zod/mini",
    message: "Route modules import their schemas from ~/models/<entity>-schema, in loaders and actions only.",
  },
  {
    name: "@conform-to/zod/v4",
    message:
      "Route modules validate on the server with ~/utils/forms.server and in the browser with ~/utils/form-rules.",
  },
];
const noFullZod = { name: "zod", message: "Shared modules use zod/mini; full zod only in *.server.ts." };

// A loader or action returns a plain object, or `data(body, { status, headers })` when it sets either; `json()`
// makes a Response that single fetch has to read back, and React Router 7 drops it (docs/decisions/016).
const noJson = ["@remix-run/node", "@remix-run/server-runtime"].map((name) => ({
  name,
  importNames: ["json"],
  message: "Return a plain object, or data(body, { status, headers }) from @remix-run/node when it sets either.",
}));

// every block names its restrictions in full (a later block replaces an earlier one's), so each carries noJson
const restrict = (patterns, paths = []) => ({
  "no-restricted-imports": ["error", { patterns, paths: [...paths, ...noJson] }],
});

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "app/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  { rules: restrict([]) },
  { files: ["app/**"], rules: restrict([noDemoImports]) },
  {
    files: ["app/routes/**", "app/root.tsx"],
    rules: restrict([noRouteImports, noBootImports, noDemoImports], noZodInRoutes),
  },
  { files: ["app/components/**"], rules: restrict([noServerImports, noBootImports, noDemoImports], noZodInRoutes) },
  { files: ["app/boot/**"], rules: restrict([noRouteImports, noDemoImports]) },
  { files: ["app/models/**"], rules: restrict([noUpwardImports, noDemoImports]) },
  {
    files: ["app/models/**"],
    ignores: ["**/*.server.ts", "**/*.test.ts"],
    rules: restrict([noUpwardImports, noDemoImports], [noFullZod]),
  },
  // a test beside a util may check it against models' content (the palette against the framework's slugs)
  { files: ["app/utils/**"], rules: restrict([noUpwardImports, noDemoImports]) },
  {
    files: ["app/utils/**"],
    ignores: ["**/*.test.ts"],
    rules: restrict([noUpwardImports, noModelImports, noDemoImports]),
  },
  {
    files: ["app/utils/**"],
    ignores: ["**/*.server.ts", "**/*.test.ts"],
    rules: restrict([noUpwardImports, noModelImports, noDemoImports], [noFullZod]),
  },
  {
    // the browser's form rules carry no zod at all
    files: ["app/models/*-rules.ts"],
    rules: restrict(
      [noUpwardImports, noDemoImports],
      [noFullZod, { name: "zod/mini", message: "Rules run in the browser without zod." }],
    ),
  },
  {
    files: ["app/utils/form-rules.ts"],
    rules: restrict(
      [noUpwardImports, noModelImports, noDemoImports],
      [noFullZod, { name: "zod/mini", message: "Rules run in the browser without zod." }],
    ),
  },
  {
    // the WASM schema engine and the adapter internals it patches have no types
    files: ["scripts/wasm-engine.ts", "scripts/pg-migration-factory.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
