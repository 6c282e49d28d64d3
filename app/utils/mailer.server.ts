// Turns an outbox row into an email (plain text, in the recipient's language) and sends it: over SMTP when
// SMTP_URL is set, otherwise as one line in the server log.
import nodemailer from "nodemailer";
import { z } from "zod";
import { isLoopback, getEnv, type Env } from "~/utils/env.server";
import { fixedT } from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { formatDate } from "~/utils/format";

type T = (key: string, options?: Record<string, unknown>) => string;
type Lines = (...lines: (string | null)[]) => string;
type Rendered = { subject: string; text: string; url: string; unsubscribeUrl?: string };

/** One entry per email the app writes: its payload's shape, its message namespace, and how it reads. */
function template<P>(
  ns: "email" | "cycle",
  payload: z.ZodType<P>,
  render: (p: P, t: T, paragraphs: Lines, locale: string) => Rendered,
) {
  return { ns, payload, render };
}

// Names typed by people end up in the subject line: one line, no control characters.
const oneLine = (s: string) => s.replace(/[\s\p{Cc}]+/gu, " ").trim();

const cycleEmail = z.object({ organization: z.string(), year: z.number().int(), closesOn: z.iso.date(), url: z.url() });

const templates = {
  "password-reset": template(
    "email",
    z.object({ url: z.url(), minutes: z.number().int().positive() }),
    (p, t, paragraphs) => ({
      url: p.url,
      subject: t("passwordReset.subject"),
      text: paragraphs(
        `${t("passwordReset.intro")}\n${p.url}`,
        t("passwordReset.expiry", { minutes: p.minutes }),
        t("passwordReset.ignore"),
      ),
    }),
  ),
  invitation: template(
    "email",
    z.object({
      url: z.url(),
      organization: z.string().nullable(),
      role: z.enum(["LEAD", "MEMBER", "STAFF", "ADMIN"]),
      inviter: z.string(),
      /** how long the link works; the email says so when it is given */
      days: z.number().int().positive().optional(),
    }),
    (p, t, paragraphs) => {
      const names = { inviter: oneLine(p.inviter), organization: oneLine(p.organization ?? "") };
      return {
        url: p.url,
        subject: oneLine(
          p.organization ? t("invitation.subjectOrganization", names) : t("invitation.subjectCoalition", names),
        ),
        text: paragraphs(
          `${p.organization ? t("invitation.introOrganization", names) : t("invitation.introCoalition", names)}\n${t("invitation.role", { role: t(`invitation.role${p.role}`) })}`,
          t(p.organization ? "invitation.about" : "invitation.aboutCoalition"),
          `${t("invitation.action")}\n${p.url}`,
          p.days ? t("invitation.expiry", { count: p.days }) : null,
          t("invitation.ignore"),
        ),
      };
    },
  ),
  "cycle-opened": template("cycle", cycleEmail, (p, t, paragraphs, locale) => {
    const values = {
      organization: oneLine(p.organization),
      year: p.year,
      date: formatDate(locale, p.closesOn, "long"),
    };
    return {
      url: p.url,
      subject: oneLine(t("email.opened.subject", values)),
      text: paragraphs(
        t("email.opened.intro", values),
        `${t("email.opened.action", values)}\n${p.url}`,
        t("email.opened.close", values),
      ),
    };
  }),
  "cycle-reminder": template(
    "cycle",
    cycleEmail.extend({ reminder: z.enum(["periodic", "closing", "manual"]), stopUrl: z.url() }),
    (p, t, paragraphs, locale) => {
      const values = {
        organization: oneLine(p.organization),
        year: p.year,
        date: formatDate(locale, p.closesOn, "long"),
      };
      return {
        url: p.url,
        unsubscribeUrl: p.stopUrl,
        subject: oneLine(
          t(p.reminder === "closing" ? "email.reminder.subjectClosing" : "email.reminder.subject", values),
        ),
        text: paragraphs(
          t("email.reminder.intro", values),
          `${t("email.reminder.action")}\n${p.url}`,
          `${t("email.reminder.stop")}\n${p.stopUrl}`,
        ),
      };
    },
  ),
};

export type EmailTemplate = keyof typeof templates;
/** What became of an email: handed to the mail server, or kept (logged, and on the try-out shown in the outbox)
 * where no mail server is set. */
export type Delivery = "SENT" | "KEPT";
export type OutboxMessage = { to: string; template: string; locale: string; payload: unknown };
export type RenderedEmail = Rendered & { to: string };

function isTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name);
}

/** Subject and body of an outbox email. An unknown template or a malformed payload throws. */
export async function renderEmail({ to, template: name, locale, payload }: OutboxMessage): Promise<RenderedEmail> {
  if (!isTemplate(name)) throw new Error(`Unknown email template "${name}"`);
  const lng = isLocale(locale) ? locale : "en";
  const entry = templates[name] as ReturnType<typeof template<unknown>>;
  const [common, t] = await Promise.all([fixedT(lng, "email"), fixedT(lng, entry.ns)]);
  const paragraphs: Lines = (...lines) =>
    [common("common.greeting"), ...lines.filter(Boolean), common("common.automatic")].join("\n\n");
  return { to, ...entry.render(parseOrThrow(name, entry.payload, payload), t as T, paragraphs, lng) };
}

function parseOrThrow<T>(template: string, schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  // the issues name fields only, never their values: a payload holds a link that must not reach the logs
  if (!parsed.success)
    throw new Error(
      `Invalid "${template}" payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.code}`).join(", ")}`,
    );
  return parsed.data;
}

// NOTE: sendDueEmails claims each email with a lease of a few minutes and sends it outside any transaction; an
// SMTP exchange that hangs fails here and is retried later, long before the lease could lapse and let another
// instance claim the same email while this one is still sending it.
const SEND_DEADLINE_MS = 4_000;

function withDeadline<T>(work: Promise<T>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`SMTP did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The outbox worker's `send`: renders a row and delivers it (SENT). Without SMTP_URL it keeps it (KEPT) and logs
 * the recipient and the subject: where the outbox shows the email, that it is there; elsewhere that it was not
 * sent, with the link outside production so a tester can follow it.
 */
export function createMailer(env: Env = getEnv()) {
  const transport = env.SMTP_URL
    ? nodemailer.createTransport({
        url: env.SMTP_URL,
        dnsTimeout: 2_000,
        connectionTimeout: 3_000,
        greetingTimeout: 3_000,
        socketTimeout: SEND_DEADLINE_MS,
      })
    : null;
  return async function send(message: OutboxMessage): Promise<Delivery> {
    const email = await renderEmail(message);
    if (transport) {
      // List-Unsubscribe (RFC 8058): mail clients show a one-click "unsubscribe" for the cycle's reminders
      const headers = email.unsubscribeUrl
        ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : undefined;
      await withDeadline(
        transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text, headers }),
        SEND_DEADLINE_MS,
      );
      return "SENT";
    }
    const link = env.NODE_ENV === "production" ? "" : ` link=${email.url}`;
    const outbox = devOutboxEnabled(env);
    // a cycle's reminders go to every lead at once: on the try-out the outbox lists them, and a line each
    // would push the start's sign-in list off the screen
    if (outbox && message.template === "cycle-reminder") return "KEPT";
    // where the outbox shows the email it is meant to be read there: a "not sent" line would read as a failure
    const where = outbox ? "in the outbox (/dev/outbox)" : "not sent (SMTP_URL is not set)";
    console.log(`[mail] ${where} to=${email.to} subject="${email.subject}"${link}`);
    return "KEPT";
  };
}

/**
 * What this server does with the emails it writes: SMTP sends them (SMTP_URL); OUTBOX keeps them on the
 * try-out's /dev/outbox page; NONE keeps them in the server's log only. A page that promises an email words it
 * by this (the i18next context of its text), so it never says "we email" where nothing is sent.
 */
export type EmailDelivery = "SMTP" | "OUTBOX" | "NONE";

export function emailDelivery(env: Env = getEnv()): EmailDelivery {
  if (env.SMTP_URL) return "SMTP";
  return devOutboxEnabled(env) ? "OUTBOX" : "NONE";
}

/** Whether the emails this server writes reach anyone: over SMTP, or on the try-out's outbox page. */
export function deliversEmail(env: Env = getEnv()) {
  return emailDelivery(env) !== "NONE";
}

/**
 * Whether this server shows written emails at /dev/outbox at all. The page hands out live sign-in links, so it
 * is for the person trying the app on their own machine only:
 *   - never with SMTP_URL: emails really go out, and the page would be a second way to read them;
 *   - never while the server listens beyond loopback (HOST), nor behind a proxy it is told about (TRUST_PROXY);
 *   - never when DEV_OUTBOX=0;
 *   - in production mode only for the local try-out: DEV_OUTBOX=1 (which `npm start` sets) on the embedded
 *     database with demo accounts found at start (noteDemoAccountsAtStart), and not with SEED_DEMO=0; an
 *     installation for real has none, and behind a proxy on its machine that adds no forwarding header every
 *     visitor would come from loopback; on DATABASE_URL never;
 *   - otherwise (`npm run dev`, tests) on.
 * devOutboxServes adds the check of the client itself.
 */
const DEMO_AT_START = Symbol.for("north-star.demo-accounts-at-start");
const started = globalThis as { [DEMO_AT_START]?: boolean };

/**
 * Start-up counted the accounts that sign in with the published demo password: with none, this is no try-out,
 * whatever SEED_DEMO says (an installation whose first admin came before its first start seeds no demo data).
 */
export function noteDemoAccountsAtStart(count: number) {
  started[DEMO_AT_START] = count > 0;
}

export function devOutboxEnabled(env: Env = getEnv()) {
  if (env.SMTP_URL || !isLoopback(env.HOST) || env.TRUST_PROXY > 0 || env.DEV_OUTBOX === "0") return false;
  // SEED_DEMO=0 is a real installation on the embedded database: behind a proxy on its own machine that adds no
  // forwarding header, its every visitor would come from loopback, and the page would hand them reset links
  if (env.NODE_ENV === "production")
    return env.DEV_OUTBOX === "1" && !env.DATABASE_URL && env.SEED_DEMO !== "0" && started[DEMO_AT_START] === true;
  return true;
}

// A proxy on the same machine connects from loopback on behalf of anyone: a request that names a forwarded
// client is refused, whatever that header says.
const PROXY_HEADERS = ["Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host"];

/**
 * Whether this request may see the outbox: the server allows it, and the request comes from this machine by
 * the socket's peer address (never by a header) with no sign of having passed through a proxy, addressed to
 * this machine by a loopback name. A page of another site can rebind its own name to 127.0.0.1 and read
 * the answer as its own (DNS rebinding); its requests then carry that site's name as their Host.
 */
export function devOutboxServes(request: Request, peerAddress: string | null | undefined, env: Env = getEnv()) {
  return (
    devOutboxEnabled(env) &&
    isLoopback(peerAddress) &&
    isLoopback(new URL(request.url).hostname) &&
    PROXY_HEADERS.every((h) => !request.headers.has(h))
  );
}
