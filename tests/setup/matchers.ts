// Matchers for what loaders and actions answer. Each takes what a loader or action returns (a Response, `data()`
// or a plain object), a promise of it, or a function that returns it, and reads it through `answer()`, which treats
// a thrown Response as the answer (Remix throws redirects and 404s). They are async:
// `await expect(action(args)).toRedirectTo("/o/acme")`.
import { expect } from "vitest";
import type { Toast } from "~/utils/toast.server";
import { answer } from "../answer";

/** The toast a response's Set-Cookie carries, as the next page would read it. */
export async function toastOf(res: Response): Promise<Toast | null> {
  const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
  // loaded on first use: unit tests that never read a toast skip loading Remix's server runtime
  const { readToast } = await import("~/utils/toast.server");
  return (await readToast(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toast;
}

expect.extend({
  async toRedirectTo(received: unknown, path: string) {
    const res = await answer(received);
    const location = res.headers.get("Location");
    const pass = res.status >= 300 && res.status < 400 && location === path;
    return {
      pass,
      message: () =>
        `expected ${res.status} ${location ?? "(no Location)"} ${pass ? "not " : ""}to redirect to ${path}`,
      actual: `${res.status} ${location}`,
      expected: `3xx ${path}`,
    };
  },

  async toBeNotFound(received: unknown) {
    const res = await answer(received);
    const pass = res.status === 404;
    return { pass, message: () => `expected a response with status ${res.status} ${pass ? "not " : ""}to be a 404` };
  },

  /** `expected` is the toast's i18n key, or part of the toast (key, type, values, undo) to match. */
  async toHaveToast(received: unknown, expected: string | Partial<Toast>) {
    const toast = await toastOf(await answer(received));
    const wanted = typeof expected === "string" ? { key: expected } : expected;
    const pass = toast !== null && this.equals(toast, expect.objectContaining(wanted));
    return {
      pass,
      message: () =>
        `expected the response ${pass ? "not " : ""}to carry the toast ${this.utils.printExpected(wanted)}, it carries ${this.utils.printReceived(toast)}`,
      actual: toast,
      expected: wanted,
    };
  },
});

interface ResponseMatchers {
  /** a 3xx whose Location is exactly `path` */
  toRedirectTo(path: string): Promise<void>;
  /** a 404, returned or thrown */
  toBeNotFound(): Promise<void>;
  /** a toast in the response's cookie: its key, or a part of it */
  toHaveToast(expected: string | Partial<Toast>): Promise<void>;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ResponseMatchers {}
}
