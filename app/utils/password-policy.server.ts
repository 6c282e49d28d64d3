// Password rules (NIST SP 800-63B): 12 to 128 characters, and not a commonly used password. The list of
// common passwords is zxcvbn-ts's (about 49,000 from public breach corpora); it stays on the server.
import { dictionary } from "@zxcvbn-ts/language-common";

import { isDemoPassword } from "~/utils/demo-password.server";
import { PASSWORD_LIMITS } from "~/utils/form-rules";

let common: Set<string> | undefined;
function commonPasswords() {
  return (common ??= new Set((dictionary as Record<string, string[]>)["passwords-common"].map((p) => p.toLowerCase())));
}

/** True for a common password, also when it is one repeated, or one followed by digits or symbols. */
export function isCommonPassword(password: string) {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  if (/^(.)\1*$/.test(lower)) return true;
  const stem = lower.replace(/[\d\W_]+$/, "");
  if (stem.length >= 4 && list.has(stem)) return true;
  // a common password of 6 or more characters with up to three more of anything ("qwertyuiop" + "as")
  for (let cut = 1; cut <= 3; cut++) {
    const head = lower.slice(0, -cut);
    if (head.length >= 6 && list.has(head)) return true;
  }
  for (let size = 3; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) return true;
  }
  return false;
}

/** An i18n key for what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_LIMITS.minLength) return "validation.passwordTooShort";
  if (password.length > PASSWORD_LIMITS.maxLength) return "validation.passwordTooLong";
  if (isCommonPassword(password)) return "validation.passwordCommon";
  if (email && password.toLowerCase().includes(email.toLowerCase().split("@")[0]) && email.split("@")[0].length >= 4) {
    return "validation.passwordContainsEmail";
  }
  return null;
}

/**
 * Field errors for a new password and its confirmation (the `password` and `confirm` fields), or null when both
 * are right. The demo's published password is refused too: the server's guard against demo accounts on a
 * network (countDemoPasswordAccounts) recognises only the seed's own hashes of it.
 */
export async function newPasswordErrors({
  password,
  confirm,
  email,
}: {
  password: string;
  confirm: string;
  email: string;
}) {
  const fieldErrors: Record<string, string[]> = {};
  const problem =
    passwordProblem(password, email) ?? ((await isDemoPassword(password)) ? "validation.passwordPublished" : null);
  if (problem) fieldErrors.password = [problem];
  if (confirm !== password) fieldErrors.confirm = ["validation.passwordsDiffer"];
  return Object.keys(fieldErrors).length ? fieldErrors : null;
}
