// Once per `vitest run` in embedded mode: migrate an in-memory PGlite and dump it to a tarball, so each test
// file boots a private, migrated database in about a second instead of initdb plus migrations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return; // a real server: each test file creates its own database
  const { applyMigrations } = await import("../../app/utils/migrate.server.ts");
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create();
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await server.start();
  await applyMigrations(`postgresql://postgres@${server.getServerConn()}/postgres`);
  await server.stop();
  const dump = await db.dumpDataDir("none");
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "north-star-template-"));
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
