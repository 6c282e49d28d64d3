// Client-side validation with the same rules as the server's zod schema, without shipping zod to the
// browser (it would take a page past its JavaScript budget). Each form declares its rules once beside its
// schema; a test runs both over the same inputs and requires the same errors (see *-schema.test.ts).
import { parse } from "@conform-to/react";

/** A new password's length (NIST SP 800-63B); the server also refuses common ones (password-policy.server.ts). */
export const PASSWORD_LIMITS = { minLength: 12, maxLength: 128 } as const;

export type FieldRule = {
  type: "text" | "number" | "date" | "choice" | "multi" | "checkbox";
  required?: boolean;
  trim?: boolean;
  maxLength?: number;
  integer?: boolean;
  min?: number;
  max?: number;
  minDate?: string;
  maxDate?: string;
  options?: readonly string[];
  maxItems?: number;
  /** i18n keys; defaults in DEFAULT_MESSAGES */
  messages?: Partial<Record<Problem, string>>;
};

type Problem =
  | "required"
  | "tooLong"
  | "notNumber"
  | "integer"
  | "min"
  | "max"
  | "date"
  | "minDate"
  | "maxDate"
  | "choice"
  | "maxItems";

const DEFAULT_MESSAGES: Record<Problem, string> = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  notNumber: "validation.wholeNumber",
  integer: "validation.wholeNumber",
  min: "validation.notNegative",
  max: "validation.tooLong",
  date: "validation.dateInvalid",
  minDate: "validation.dateInvalid",
  maxDate: "validation.dateInvalid",
  choice: "validation.invalidChoice",
  maxItems: "validation.invalidChoice",
};

export type FormRules = {
  fields: Record<string, FieldRule>;
  /** cross-field rules: `field` must be at most `atMost` (both numbers) */
  atMost?: { field: string; atMost: string; message: string }[];
};

/** Whether a YYYY-MM-DD string names a day on the calendar (2026-02-30 does not). */
export function isRealDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Whether a text has something a reader can see: not only spaces and characters drawn as nothing (a zero-width
 * space, a joiner, a variation selector, a Hangul filler, a blank braille cell: Unicode's default-ignorable
 * code points and U+2800).
 */
export function hasVisibleText(value: string) {
  return /[^\s\p{Default_Ignorable_Code_Point}\u2800\p{Cc}]/u.test(value);
}

function fieldProblem(rule: FieldRule, raw: unknown): Problem | null {
  const present = (v: unknown) => v !== undefined && v !== null && v !== "";
  if (rule.type === "multi") {
    const list = Array.isArray(raw) ? raw : present(raw) ? [raw] : [];
    if (rule.required && list.length === 0) return "required";
    if (rule.maxItems !== undefined && list.length > rule.maxItems) return "maxItems";
    if (rule.options && list.some((v) => !rule.options!.includes(String(v)))) return "choice";
    return null;
  }
  if (rule.type === "checkbox") return null;
  let value = typeof raw === "string" ? raw : present(raw) ? String(raw) : "";
  if (rule.trim) value = value.trim();
  if (!value) return rule.required ? "required" : null;
  switch (rule.type) {
    case "text":
      // only spaces and invisible format characters (a zero-width space) are nothing to read: as the server's
      // requiredText (form-fields.ts)
      if (rule.required && !hasVisibleText(value)) return "required";
      return rule.maxLength !== undefined && value.length > rule.maxLength ? "tooLong" : null;
    case "choice":
      return rule.options && !rule.options.includes(value) ? "choice" : null;
    case "date":
      if (!isRealDate(value)) return "date";
      if (rule.minDate && value < rule.minDate) return "minDate";
      if (rule.maxDate && value > rule.maxDate) return "maxDate";
      return null;
    case "number": {
      // digits, as a number field sends them: not 0x10 or 1e5, which Number() would read (form-fields.ts countText)
      if (!/^\s*-?\d*(\.\d+)?\s*$/.test(value)) return "notNumber";
      const n = Number(value);
      if (Number.isNaN(n)) return "notNumber";
      if (rule.integer && !Number.isInteger(n)) return "integer";
      if (rule.min !== undefined && n < rule.min) return "min";
      if (rule.max !== undefined && n > rule.max) return "max";
      return null;
    }
  }
}

/**
 * The HTML constraints a field's rule implies (`required`, `maxLength`, `min`, `max`, `step`), spread on its
 * input after Conform's props: the browser's own checks, the rules and the server's schema then share one limit.
 */
export const fieldProps = (rule: FieldRule) => ({
  required: rule.required,
  maxLength: rule.maxLength,
  min: rule.minDate ?? rule.min,
  max: rule.maxDate ?? rule.max,
  step: rule.integer ? 1 : undefined,
});

/** Field errors (i18n keys) for a form's values, or null when it may be sent. */
export function checkRules(payload: Record<string, unknown>, rules: FormRules): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const [name, rule] of Object.entries(rules.fields)) {
    const problem = fieldProblem(rule, payload[name]);
    if (problem) errors[name] = [rule.messages?.[problem] ?? DEFAULT_MESSAGES[problem]];
  }
  for (const { field, atMost, message } of rules.atMost ?? []) {
    if (errors[field] || errors[atMost]) continue;
    const a = Number(payload[field] || 0);
    const b = Number(payload[atMost] || 0);
    if (a > b) errors[field] = [message];
  }
  return Object.keys(errors).length ? errors : null;
}

/** Conform's onValidate: the browser checks the rules and the server does the rest (and checks again). */
export function validateWithRules<Value = Record<string, unknown>>(formData: FormData, rules: FormRules) {
  return parse<Value, string[]>(formData, {
    resolve(payload) {
      const error = checkRules(payload, rules);
      // the browser only decides whether to send; the typed value comes from the server's schema
      return error ? { error } : { value: payload as Value };
    },
  });
}
