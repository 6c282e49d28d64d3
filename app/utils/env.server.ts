import { z } from "zod";

// Every environment variable the app reads, parsed once. README "Configuration" lists the same set.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server; unset means the embedded database in DATA_DIR */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().default(".data"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** log Prisma queries slower than this many milliseconds */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
  /** "0" skips applying migrations at start */
  MIGRATE_ON_START: z.enum(["0", "1"]).default("1"),
  /** "0" skips seeding a fresh database at start */
  SEED_ON_START: z.enum(["0", "1"]).default("1"),
  /** seed demo organizations and people on first start; defaults to on for the embedded database only */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** smallest number of organizations a movement breakdown may show */
  MIN_GROUP_SIZE: z.coerce.number().int().min(1).default(3),
  /**
   * how long a movement-wide statistic (the dashboard's sums, the group figures beside an organization) is kept
   * in memory; a write this process commits drops them at once. 0 reads them afresh every time.
   */
  MOVEMENT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * signs the session cookie; required in production with DATABASE_URL (the embedded mode keeps one in DATA_DIR).
   * Several, comma-separated, rotate it: the first signs, every one verifies.
   */
  SESSION_SECRET: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .refine(
      (secrets) => !secrets || (secrets.length > 0 && secrets.every((s) => s.length >= 16)),
      "each comma-separated secret needs at least 16 characters",
    ),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(7),
  /** failed sign-ins (and reset requests) per minute across the site above which only known browsers may try */
  FAILED_SIGN_INS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** smtp://user:pass@host:port; unset, the outbox worker logs emails instead of sending them */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  MAIL_FROM: z.string().default("North Star <no-reply@northstar.example>"),
  /** the address links in emails point to; unset, the server's own (ownUrl) */
  APP_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.string().url().optional()),
  /** "1" shows sent emails at /dev/outbox to this machine only; see devOutboxEnabled for the whole rule */
  DEV_OUTBOX: z.enum(["0", "1"]).optional(),
  /** the HTTP server's port; 0 picks a free one */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** the address the HTTP server listens on; loopback unless set */
  HOST: z
    .string()
    .optional()
    .transform((v) => v?.trim() || "127.0.0.1"),
  /** how many proxies in front of the server append to X-Forwarded-For; 0 trusts no header */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & { APP_URL: string };

/**
 * True for an address only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost".
 * An empty or unknown value is not loopback.
 */
export function isLoopback(address: string | null | undefined) {
  if (!address) return false;
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (a === "localhost" || a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice("::ffff:".length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

// The port the HTTP server listens on, once it does (server.mjs says so): with PORT=0 only the server knows it.
// On globalThis: a development rebuild re-imports this module in the same process.
const g = globalThis as unknown as { __northStarListeningPort?: number };

/**
 * Where this server is reached when APP_URL does not say: http:// with the address it listens on (HOST,
 * `localhost` for every interface, which is no address to visit) and the port it listens on.
 */
export function ownUrl(host: string, port: number) {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Parses an environment; the app itself reads its own through getEnv. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const port = env.PORT === 0 ? (g.__northStarListeningPort ?? 0) : env.PORT;
  return { ...env, APP_URL: env.APP_URL ?? ownUrl(env.HOST, port) };
}

let parsed: Env | undefined;

/**
 * The process's environment, parsed on first use (start-up, app/boot/boot.server.ts) and kept: requests read
 * the same settings without parsing them again. A command that changes process.env before it opens the app's
 * database (scripts/app-database.ts) does so before anything here has been read.
 */
export function getEnv(): Env {
  return (parsed ??= readEnv());
}

/** The HTTP server listens on this port: with PORT=0, the one APP_URL's default names from now on. */
export function serverListensOn(port: number) {
  g.__northStarListeningPort = port;
  parsed = undefined;
}

/** The next getEnv parses process.env again: for tests that stub a variable, as a server started with it. */
export function forgetEnv() {
  parsed = undefined;
}
