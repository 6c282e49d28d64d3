import { describe, expect, test } from "vitest";
import { isCommonPassword, passwordProblem } from "~/utils/password-policy.server";

describe("password policy", () => {
  test.each([
    "password1234",
    "qwertyuiopas",
    "123456789012",
    "aaaaaaaaaaaa",
    "iloveyouiloveyou",
    "Password!!!!",
    "letmein12345",
  ])("refuses the common %s", (p) => {
    expect(isCommonPassword(p)).toBe(true);
    expect(passwordProblem(p)).toBe("validation.passwordCommon");
  });

  test.each(["a long test passphrase", "río verde bajo la luna", "tortugas-en-marcha-2026"])("accepts %s", (p) => {
    expect(isCommonPassword(p)).toBe(false);
    expect(passwordProblem(p)).toBeNull();
  });

  test("length limits and the email's name", () => {
    expect(passwordProblem("short pass")).toBe("validation.passwordTooShort");
    expect(passwordProblem("x".repeat(129))).toBe("validation.passwordTooLong");
    expect(passwordProblem("marisol is my name", "marisol@example.org")).toBe("validation.passwordContainsEmail");
  });
});
