// Sends the outbox every few seconds, and writes the cycle's due reminders every few minutes, from inside the
// app process. Several instances may each run one: sendDueEmails claims rows with SKIP LOCKED, and each
// reminder has a unique dedupe key, so no email is written or sent twice.
import { deleteOldSentEmails, sendDueEmails } from "~/models/outbox.server";
import { runReminders } from "~/models/reminder.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createMailer, devOutboxEnabled } from "~/utils/mailer.server";
import { sessionSecret } from "~/utils/session.server";

const INTERVAL_MS = 5_000;
const REMINDERS_EVERY_MS = 5 * 60_000;

// globalThis: dev rebuilds re-import the server build in the same process, and one timer is enough.
const g = globalThis as unknown as {
  __northStarOutboxWorker?: ReturnType<typeof setInterval>;
  __northStarOutboxRound?: Promise<void>;
};

/** Starts the worker once per process; tests send the outbox and run the reminders themselves. */
export function startOutboxWorker() {
  const env = getEnv();
  if (g.__northStarOutboxWorker || env.NODE_ENV === "test") return;
  const send = createMailer(env);
  let busy = false;
  let remindersAt = 0;
  const tick = async () => {
    if (busy) return; // a slow SMTP server must not stack up rounds
    busy = true;
    let done = () => {};
    g.__northStarOutboxRound = new Promise((resolve) => (done = resolve));
    try {
      const prisma = await getPrisma();
      if (Date.now() - remindersAt >= REMINDERS_EVERY_MS) {
        remindersAt = Date.now();
        // read at each round: with PORT=0 the server's own address is known once it listens
        await runReminders({ prisma, appUrl: getEnv().APP_URL, secret: sessionSecret() });
      }
      await sendDueEmails({ prisma, send, keepSent: devOutboxEnabled(env) });
      await deleteOldSentEmails({ prisma });
    } catch (e) {
      console.error(`[outbox] sending failed: ${(e as Error).message ?? e}`);
    } finally {
      busy = false;
      done();
    }
  };
  g.__northStarOutboxWorker = setInterval(() => void tick(), INTERVAL_MS);
  // the timer alone never keeps the process alive
  g.__northStarOutboxWorker.unref();
}

/** Stops the worker when the server stops; resolves once a round under way has finished with the database. */
export function stopOutboxWorker(): Promise<void> {
  clearInterval(g.__northStarOutboxWorker);
  g.__northStarOutboxWorker = undefined;
  return g.__northStarOutboxRound ?? Promise.resolve();
}
