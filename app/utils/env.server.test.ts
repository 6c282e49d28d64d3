import { describe, expect, test } from "vitest";
import { readEnv as readAll } from "~/utils/env.server";

const readEnv = (vars: Record<string, string>) => readAll({ NODE_ENV: "test", ...vars });

describe("the address links in emails point to", () => {
  test("APP_URL when it is set", () => {
    expect(readEnv({ APP_URL: "https://north-star.example.org", PORT: "3301" }).APP_URL).toBe(
      "https://north-star.example.org",
    );
    expect(() => readEnv({ APP_URL: "north-star.example.org" })).toThrow(/APP_URL/);
  });

  test("unset or empty: the address and port the server listens on", () => {
    expect(readEnv({}).APP_URL).toBe("http://127.0.0.1:3000");
    expect(readEnv({ PORT: "3301", APP_URL: "" }).APP_URL).toBe("http://127.0.0.1:3301");
    expect(readEnv({ HOST: "::1", PORT: "3301" }).APP_URL).toBe("http://[::1]:3301");
    expect(readEnv({ HOST: "localhost", PORT: "3301" }).APP_URL).toBe("http://localhost:3301");
    expect(readEnv({ HOST: "192.0.2.7", PORT: "8080" }).APP_URL).toBe("http://192.0.2.7:8080");
    // every interface is no address to visit: this machine's name for itself
    expect(readEnv({ HOST: "0.0.0.0", PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
    expect(readEnv({ HOST: "::", PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
  });
});
