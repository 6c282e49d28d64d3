import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The house has three floors and imports run downward only: routes → components and models → utils.
const noRouteImports = { group: ["~/routes/*", "~/root", "./*"], message: "A route never imports another route: move what they share to models/ or utils/." };
const noUpwardImports = { group: ["~/routes/*", "~/root", "~/components/*"], message: "utils/ and models/ import only downward." };
const noServerImports = { group: ["*.server", "~/models/*.server"], message: "components never import server code." };
// Route modules and components reach the browser, and Remix keeps their top-level schemas there. A route
// imports its schemas from app/models/<entity>-schema.ts and uses them in its loader and action only, so the
// browser build drops the module, and zod with it (docs/decisions/005 and 017).
const noZodInRoutes = [
  { name: "zod", message: "Route modules import their schemas from ~/models/<entity>-schema, in loaders and actions only." },
  { name: "zod/mini", message: "Route modules import their schemas from ~/models/<entity>-schema, in loaders and actions only." },
  { name: "@conform-to/zod/v4", message: "Route modules validate on the server with ~/utils/forms.server and in the browser with ~/utils/form-rules." },
];
const noFullZod = { name: "zod", message: 'Shared modules use zod/mini; full zod only in *.server.ts.' };

const restrict = (patterns, paths = []) => ({ "no-restricted-imports": ["error", { patterns, paths }] });

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", ".cache/**"] },
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
  { files: ["app/routes/**", "app/root.tsx"], rules: restrict([noRouteImports], noZodInRoutes) },
  { files: ["app/components/**"], rules: restrict([noServerImports], noZodInRoutes) },
  { files: ["app/utils/**", "app/models/**"], rules: restrict([noUpwardImports]) },
  { files: ["app/utils/**", "app/models/**"], ignores: ["**/*.server.ts", "**/*.test.ts"], rules: restrict([noUpwardImports], [noFullZod]) },
  {
    // the browser's form rules carry no zod at all
    files: ["app/models/*-rules.ts", "app/utils/form-rules.ts"],
    rules: restrict([noUpwardImports], [noFullZod, { name: "zod/mini", message: "Rules run in the browser without zod." }]),
  },
  {
    // the WASM schema engine and the adapter internals it patches have no types
    files: ["scripts/wasm-engine.ts", "scripts/pg-migration-factory.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
