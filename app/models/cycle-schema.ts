// The cycle forms' rules (coalition admins; validated on the server only) and the tracker's filters. Messages are
// i18n keys.
import * as z from "zod/mini";
import { confirmField, formNumber, requiredText } from "~/utils/form-fields";

const YEARS = { min: 2000, max: 2200 };

// the years a cycle can have: a date outside them (year 0, which PostgreSQL cannot store) is a typing mistake
const date = () =>
  z.iso.date({ error: "cycle:errors.date" }).check(
    z.refine((d) => Number(d.slice(0, 4)) >= YEARS.min && Number(d.slice(0, 4)) <= YEARS.max, {
      error: "cycle:errors.date",
    }),
  );
const prompt = () => requiredText(1000);

export const cycleYear = () =>
  formNumber("cycle:errors.year").check(
    z.int({ error: "cycle:errors.year" }),
    z.minimum(YEARS.min, { error: "cycle:errors.year" }),
    z.maximum(YEARS.max, { error: "cycle:errors.year" }),
  );

export const cycleFields = () => ({
  opensOn: date(),
  closesOn: date(),
  reminderIntervalDays: formNumber("cycle:errors.interval").check(
    z.int({ error: "cycle:errors.interval" }),
    z.minimum(1, { error: "cycle:errors.interval" }),
    z.maximum(60, { error: "cycle:errors.interval" }),
  ),
  prompts: z
    .array(z.object({ valueId: z.string().check(z.minLength(1), z.maxLength(40)), en: prompt(), es: prompt() }))
    .check(z.maxLength(50)),
});

export const createCycleSchema = () => z.object({ year: cycleYear(), ...cycleFields() });
export const editCycleSchema = () =>
  z.object({
    version: formNumber("cycle:errors.stale").check(z.int({ error: "cycle:errors.stale" })),
    ...cycleFields(),
  });

const reason = () => z.optional(z.string().check(z.trim(), z.maxLength(500, { error: "validation.tooLong" })));
const organizationId = () => z.string().check(z.minLength(1), z.maxLength(40));

/** The cycle page's forms: the state machine (admins), reminders and pauses (staff). */
export const cyclePageSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      // opening emails every lead and closing freezes reflections: the first post only asks (confirm-step.tsx)
      z.object({ intent: z.literal("open"), confirm: confirmField() }),
      z.object({ intent: z.literal("close"), confirm: confirmField() }),
      z.object({ intent: z.literal("reopen"), reason: reason() }),
      // one organization's reminder goes at once; reminding all asks first, with how many emails would go
      z.object({ intent: z.literal("remind"), organizationId: z.optional(organizationId()), confirm: confirmField() }),
      z.object({ intent: z.literal("pause"), organizationId: organizationId(), until: z.optional(date()) }),
      z.object({ intent: z.literal("resume"), organizationId: organizationId() }),
    ],
    { error: "validation.invalidChoice" },
  );

/** The account page's reminder choice. */
export const reminderPreferenceSchema = () =>
  z.object({ intent: z.literal("reminders"), receives: z.enum(["yes", "no"], { error: "validation.invalidChoice" }) });

/** The submission tracker's states (cycle-tracker.server.ts counts them). */
export const TRACKER_STATES = ["NOT_STARTED", "DRAFT", "SUBMITTED"] as const;

const trackerFilters = () =>
  z.object({
    region: z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(100))), undefined),
    state: z.catch(z.optional(z.enum(TRACKER_STATES)), undefined),
  });

/** The tracker's `?region=&state=` (the page and its CSV): a malformed filter is no filter. */
export function parseTrackerFilters(params: URLSearchParams) {
  return trackerFilters().parse({ region: params.get("region") || undefined, state: params.get("state") || undefined });
}
