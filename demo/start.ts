// What the try-out's start adds to a fresh database: the demo coalition, and the lines that say how to sign in.
// The server loads this module only when it is to seed demo data or finds demo accounts (server.mjs, through
// tsx: it is outside app/, so the production server build never contains it); `npm run db:seed` uses it too.
import type { DemoStart } from "../app/boot/boot.server.ts";
import type { Prisma } from "../app/utils/db.server.ts";
import { demoSignIns, DEMO_PASSWORD, seedDemo } from "./seed.ts";

export const FIRST_START_DEMO = { orgs: 40, years: 3, seed: 1 } as const;

/**
 * Demo data only into a database that has neither organizations nor people yet, so a second start keeps
 * every row and adds none. A database with people in it (a first admin made by create-admin, say) is
 * someone's real one.
 */
export async function seedDemoOnFirstStart({ prisma, log }: { prisma: Prisma; log: (line: string) => void }) {
  const [organizations, people] = await Promise.all([prisma.organization.count(), prisma.user.count()]);
  if (organizations > 0 || people > 0) return;
  log("first start: writing the demo coalition…");
  const started = performance.now();
  const counts = await seedDemo({ prisma, ...FIRST_START_DEMO });
  log(
    `demo data written in ${Math.round(performance.now() - started)} ms: ${counts.organizations} organizations, ${counts.users} people`,
  );
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

export const demoStart: DemoStart = { seedDemoOnFirstStart, demoSignInLines };
