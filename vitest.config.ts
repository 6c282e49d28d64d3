import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Checks that every test shares: a logged console.error fails the test, the response matchers, and stubbed
// environment variables that the app reads afresh.
const shared = ["./tests/setup/console.ts", "./tests/setup/matchers.ts", "./tests/setup/env.ts"];

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    environment: "node",
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // 2 cores: PGlite is single-threaded WASM and each integration file boots its own
    maxWorkers: 2,
    // a test may change rows over a connection of its own, which the app's client does not count: the
    // movement's figures are read afresh (tests/integration/movement-cache.test.ts turns the cache on)
    env: { MOVEMENT_CACHE_SECONDS: "0" },
    projects: [
      {
        extends: true,
        // pure code next to what it tests: no database is booted. Component tests (*.test.tsx) run in a
        // browser-like DOM, chosen per file with `@vitest-environment happy-dom` (docs/decisions/007).
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}"], setupFiles: shared },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          // embedded mode: one migrated PGlite template per run; every test file boots its own copy
          globalSetup: ["./tests/setup/global-setup.ts"],
          setupFiles: [...shared, "./tests/setup/db.ts"],
        },
      },
    ],
  },
});
