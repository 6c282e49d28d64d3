import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    // embedded mode: one migrated PGlite template per run; every test file boots its own copy
    globalSetup: ["./tests/setup/global-setup.ts"],
    setupFiles: ["./tests/setup/db.ts"],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // 2 cores: PGlite is single-threaded WASM and each file boots its own
    maxWorkers: 2,
  },
});
