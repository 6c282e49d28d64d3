// Seeds a demo coalition: `npm run seed:demo -- --orgs 40 --years 3 --seed 1 [--replace]`.
// DATABASE_URL set -> that server; unset -> the embedded database in $DATA_DIR/pglite, opened for the command.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEMO_PASSWORD, DemoSeedRefusedError, demoSignIns, seedDemo } from "../demo/seed.ts";
import { describeStartupError } from "../app/utils/startup-error.ts";
import { withAppDatabase } from "./app-database.ts";

const usage = "usage: npm run seed:demo -- [--orgs 1-5000] [--years 1-20] [--seed <integer>] [--replace]";

const argsSchema = z.object({
  orgs: z.coerce.number().int().min(1).max(5000).default(40),
  years: z.coerce.number().int().min(1).max(20).default(3),
  seed: z.coerce.number().int().default(1),
  replace: z.boolean().default(false),
});

function readArgs() {
  const { values } = parseArgs({
    options: {
      orgs: { type: "string" },
      years: { type: "string" },
      seed: { type: "string" },
      replace: { type: "boolean" },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}

async function main() {
  let args: z.infer<typeof argsSchema>;
  try {
    args = readArgs();
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  await withAppDatabase(async () => {
    process.env.SLOW_QUERY_MS ??= "5000"; // a bulk insert of thousands of rows is slow by design
    // imported only now, so the db module sees the URL; it applies pending migrations when it connects
    const { getPrisma } = await import("../app/utils/db.server.ts");
    const prisma = await getPrisma();
    const started = performance.now();
    const counts = await seedDemo({ prisma, ...args });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(
      `seeded ${args.orgs} organizations over ${args.years} year(s) (seed ${args.seed}): ${total} rows in ${seconds} s`,
    );
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(32)} ${String(n).padStart(9)}`);
    console.log(`\nsign in with password "${DEMO_PASSWORD}":`);
    for (const s of demoSignIns({ orgs: args.orgs }))
      console.log(`  ${s.role.padEnd(20)} ${s.email}${s.org ? `  (${s.org})` : ""}`);
  });
}

main().catch((e) => {
  console.error(e instanceof DemoSeedRefusedError ? e.message : describeStartupError(e));
  process.exit(1);
});
