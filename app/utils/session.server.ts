// The session cookie: a random token, signed, that points at a Session row (stored as the token's hash, so a
// copy of the database holds no usable session). Revoking a session is deleting its row.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";

const g = globalThis as unknown as { __northStarSessionSecrets?: string[] };

/**
 * The secrets that sign and verify cookies and links: SESSION_SECRET's comma-separated list when set (the
 * first signs, every one verifies, so a new secret goes first and the old one stays until its cookies have
 * expired). Otherwise a random secret kept in DATA_DIR (the embedded try-out), or per process in tests.
 * Production on a PostgreSQL server refuses to start without one.
 */
export function sessionSecrets(): string[] {
  if (g.__northStarSessionSecrets) return g.__northStarSessionSecrets;
  const env = getEnv();
  let secrets = env.SESSION_SECRET;
  if (!secrets) {
    if (env.NODE_ENV === "production" && env.DATABASE_URL) {
      throw new Error(
        "SESSION_SECRET is not set: production with DATABASE_URL needs a secret of at least 16 characters.",
      );
    }
    if (env.NODE_ENV === "test") {
      secrets = [crypto.randomBytes(32).toString("base64url")];
    } else {
      const file = path.join(env.DATA_DIR, "session-secret");
      if (!fs.existsSync(file)) {
        fs.mkdirSync(env.DATA_DIR, { recursive: true });
        fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
      }
      secrets = [fs.readFileSync(file, "utf8").trim()];
    }
  }
  return (g.__northStarSessionSecrets = secrets);
}

/** The secret that signs: the first of sessionSecrets(). */
export function sessionSecret() {
  return sessionSecrets()[0];
}

const secure = process.env.NODE_ENV === "production";

// NOTE: the __Host- prefix requires Secure, which browsers only accept over https (and on localhost).
export const SESSION_COOKIE_NAME = secure ? "__Host-north-star-session" : "north-star-session";

function sessionCookie() {
  return createCookie(SESSION_COOKIE_NAME, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "lax",
    secrets: sessionSecrets(),
  });
}

export function newSessionToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The session token from the request's cookie; null when absent or tampered with. */
export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function commitSessionCookie(token: string, expires: Date) {
  return sessionCookie().serialize(token, { expires });
}

export function clearSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

// A browser that has signed in to an account is remembered for that account by a long-lived signed cookie
// (a keyed hash of the email, never the email itself). While the whole site is under a wave of failed
// sign-ins, such a browser may still try: the person who uses it keeps getting in.
const DEVICE_COOKIE_NAME = secure ? "__Host-north-star-device" : "north-star-device";
const DEVICE_DAYS = 180;
const DEVICE_ACCOUNTS = 5;

function deviceCookie() {
  return createCookie(DEVICE_COOKIE_NAME, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "lax",
    maxAge: DEVICE_DAYS * 86_400,
    secrets: sessionSecrets(),
  });
}

function deviceMark(email: string, secret = sessionSecret()) {
  return crypto.createHmac("sha256", secret).update(`device:${email}`).digest("base64url").slice(0, 22);
}

async function deviceMarks(request: Request): Promise<string[]> {
  const value = await deviceCookie().parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(0, DEVICE_ACCOUNTS) : [];
}

/** True when this browser signed in to the account with this email before. */
export async function isKnownDevice(request: Request, email: string) {
  const marks = await deviceMarks(request);
  return sessionSecrets().some((secret) => marks.includes(deviceMark(email, secret)));
}

/** The Set-Cookie value that remembers this browser for the account (the last few accounts are kept). */
export async function rememberDevice(request: Request, email: string) {
  const mark = deviceMark(email);
  const marks = [mark, ...(await deviceMarks(request)).filter((m) => m !== mark)].slice(0, DEVICE_ACCOUNTS);
  return deviceCookie().serialize(marks);
}
