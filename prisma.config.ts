import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the Prisma CLI. Migrations are applied by app/utils/migrate.server.ts
// and created or checked by scripts/db.ts through Prisma's WASM schema engine.
// NOTE: `env("DATABASE_URL")` throws when the variable is unset, which is the embedded mode; read process.env.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
