// Opens the app's database for one command: DATABASE_URL set -> that server; unset -> the embedded database in
// $DATA_DIR/pglite, opened for the command's lifetime and closed after it, whatever happens.
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "../app/utils/embedded-db.server.ts";
import { readEnv } from "../app/utils/env.server.ts";

export async function withAppDatabase<T>(run: () => Promise<T>): Promise<T> {
  const env = readEnv();
  let embedded: EmbeddedDb | undefined;
  try {
    if (!env.DATABASE_URL) {
      embedded = await startEmbeddedDb({
        dataDir: path.join(env.DATA_DIR, "pglite"),
        maxConnections: env.DB_POOL_MAX + 2,
      });
      process.env.DATABASE_URL = embedded.url; // the app's db module opens this one instead of the folder again
    }
    // `run` imports the app's db module only now, so that module sees the URL
    return await run();
  } finally {
    const { closeDb } = await import("../app/utils/db.server.ts");
    await closeDb();
    await embedded?.stop();
  }
}
