// A test that logs console.error fails: an error log is either a bug or behaviour the test states with
// expectConsoleError. An unexpected log is still printed, so the failure shows what was logged.
import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

const print = console.error.bind(console);
let unexpected: string[] = [];
let capture: string[] | null = null;
let spy: MockInstance<typeof console.error> | undefined;

const describeArgs = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");

beforeEach(() => {
  unexpected = [];
  capture = null;
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (capture) return void capture.push(describeArgs(args));
    unexpected.push(describeArgs(args));
    print(...args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  if (unexpected.length > 0) {
    throw new Error(
      `console.error was called during this test (wrap the call in expectConsoleError if the log is expected):\n${unexpected.join("\n")}`,
    );
  }
});

/**
 * Runs `fn`, which must log at least one console.error (kept out of the output), and returns its result and
 * what it logged. Errors logged outside `fn` still fail the test.
 */
export async function expectConsoleError<T>(fn: () => T | Promise<T>): Promise<{ result: T; logged: string[] }> {
  const logged: string[] = [];
  capture = logged;
  try {
    const result = await fn();
    if (logged.length === 0) throw new Error("expected a console.error during this call, and none was logged");
    return { result, logged };
  } finally {
    capture = null;
  }
}
