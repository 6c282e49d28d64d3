import { demoSignIns, DEMO_PASSWORD, seedDemo } from "~/models/demo-seed.server";
import { seedFramework } from "~/models/framework.server";
import type { Prisma } from "~/utils/db.server";

export const FIRST_START_DEMO = { orgs: 40, years: 3, seed: 1 } as const;

/**
 * Safe at every start: the framework is added where missing, demo data only into a database that has no
 * organizations yet, so a second start keeps every row and adds none.
 */
export async function seedOnStart({ prisma, demo, log }: { prisma: Prisma; demo: boolean; log: (line: string) => void }) {
  await seedFramework({ prisma });
  if (!demo) return;
  if ((await prisma.organization.count()) === 0) {
    const started = performance.now();
    const counts = await seedDemo({ prisma, ...FIRST_START_DEMO });
    log(`demo data created in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}`);
  }
  const accounts = demoSignIns();
  const present = await prisma.user.count({ where: { email: { in: accounts.map((a) => a.email) } } });
  if (present === 0) return;
  log(`demo sign-ins (password for every account: ${DEMO_PASSWORD}):`);
  for (const a of accounts) log(`  ${a.role.padEnd(20)} ${a.email}${a.org ? `  (${a.org})` : ""}`);
}
