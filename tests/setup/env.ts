// A test that stubs an environment variable plays a server started with it: the app parses its environment
// once (app/utils/env.server.ts getEnv), so each stub, and undoing them, makes it parse again.
import { vi } from "vitest";
import { forgetEnv } from "~/utils/env.server";

const stubEnv = vi.stubEnv.bind(vi);
const unstubAllEnvs = vi.unstubAllEnvs.bind(vi);
vi.stubEnv = ((...args: Parameters<typeof vi.stubEnv>) => {
  const result = stubEnv(...args);
  forgetEnv();
  return result;
}) as typeof vi.stubEnv;
vi.unstubAllEnvs = (() => {
  const result = unstubAllEnvs();
  forgetEnv();
  return result;
}) as typeof vi.unstubAllEnvs;
