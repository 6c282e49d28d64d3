import { demoSignIns, DEMO_PASSWORD, seedDemo } from "~/models/demo-seed.server";
import { seedFramework } from "~/models/framework.server";
import type { Prisma } from "~/utils/db.server";

export const FIRST_START_DEMO = { orgs: 40, years: 3, seed: 1 } as const;

/**
 * Safe at every start: the framework is added where missing, demo data only into a database that has neither
 * organizations nor people yet, so a second start keeps every row and adds none.
 */
export async function seedOnStart({
  prisma,
  demo,
  log,
  signIns = true,
}: {
  prisma: Prisma;
  demo: boolean;
  log: (line: string) => void;
  /** false leaves printing the demo sign-ins to the caller (the server prints them after its ready line) */
  signIns?: boolean;
}) {
  await seedFramework({ prisma });
  if (!demo) return;
  // a database with people in it (a first admin made by create-admin, say) is someone's real one
  const [organizations, people] = await Promise.all([prisma.organization.count(), prisma.user.count()]);
  if (organizations === 0 && people === 0) {
    log("first start: writing the demo coalition…");
    const started = performance.now();
    const counts = await seedDemo({ prisma, ...FIRST_START_DEMO });
    log(`demo data written in ${Math.round(performance.now() - started)} ms: ${counts.organizations} organizations, ${counts.users} people`);
  }
  if (signIns) for (const line of await demoSignInLines({ prisma })) log(line);
}

/** The main demo accounts that exist, as lines to print; none when the demo data is gone. */
export async function demoSignInLines({ prisma }: { prisma: Prisma }) {
  const accounts = demoSignIns();
  const present = await prisma.user.count({ where: { email: { in: accounts.map((a) => a.email) } } });
  if (present === 0) return [];
  return [
    `demo sign-ins (password for every account: ${DEMO_PASSWORD}):`,
    ...accounts.map((a) => `  ${a.role.padEnd(20)} ${a.email}${a.org ? `  (${a.org})` : ""}`),
  ];
}
