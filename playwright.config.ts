import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// every run starts the built app on a fresh embedded database, so first-start seeding is exercised too
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `north-star-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".ci/out/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser on these machines
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node server.mjs",
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      NODE_ENV: "production",
      DATA_DIR,
      DATABASE_URL: "",
      APP_URL: `http://127.0.0.1:${PORT}`,
      DEV_OUTBOX: "1",
    },
  },
});
