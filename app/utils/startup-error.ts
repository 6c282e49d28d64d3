// Turns the errors that stop the app or a db command at start into one line a person can act on.
import { DataDirInUseError } from "~/utils/embedded-db.server";
import { MigrationError } from "~/utils/migrate.server";

type PgError = Error & { code?: string; address?: string; port?: number };

function target(url: string | undefined) {
  if (!url) return "the database";
  try {
    const u = new URL(url);
    return `database "${decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres"}" on ${u.hostname}:${u.port || "5432"}`;
  } catch {
    return "the database (DATABASE_URL is not a valid postgres:// URL)";
  }
}

export function describeStartupError(e: unknown, url = process.env.DATABASE_URL): string {
  if (e instanceof DataDirInUseError || e instanceof MigrationError) return e.message;
  const err = e as PgError;
  const where = target(url);
  switch (err?.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `Cannot reach ${where} (${err.code}). Check DATABASE_URL and that PostgreSQL is running.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the sign-in to ${where}: ${err.message}. Check the user and password in DATABASE_URL.`;
    case "3D000":
      return `${where} does not exist: create it (createdb) or fix DATABASE_URL.`;
    default:
      // a database error has a code; anything else (configuration) speaks for itself
      return err?.code ? `Cannot start with ${where}: ${err.message}` : (err?.message ?? String(e));
  }
}
