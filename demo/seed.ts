// Writes the demo coalition of data.ts: bulk inserts in chunks, all in one transaction, so a seed that fails
// leaves the database as it was. Used at first start of the try-out (demo/start.ts) and by `npm run seed:demo`.
// It lives outside app/, so the production server build carries neither the demo password nor the names.
import type { Prisma as PrismaNamespace } from "../app/generated/prisma/client.ts";
import { DEMO_PASSWORD_HASH } from "../app/utils/demo-password.server.ts";
import { seedFramework } from "../app/models/framework.server.ts";
import { rebuildSummaries } from "../app/models/summary.server.ts";
import type { Prisma } from "../app/utils/db.server.ts";
import { hashPassword } from "../app/utils/password.server.ts";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_EMAIL_SUFFIX,
  DEMO_STAFF_EMAILS,
  DEMO_TABLES,
  DEMO_TWO_ORG_EMAIL,
  FEATURED_ORGS,
  demoLeadEmail,
  demoMemberEmail,
  generateDemoBatches,
  type DemoRows,
} from "./data.ts";

/** The password of every demo account. */
export const DEMO_PASSWORD = "north-star-demo";

/** The salt of the demo password's one hash, so the server knows the hash without knowing the password. */
export const DEMO_PASSWORD_SALT = new TextEncoder().encode("published-demo-1");

/** The hash every demo account gets; the same as the server's DEMO_PASSWORD_HASH. */
export function demoPasswordHash() {
  return hashPassword(DEMO_PASSWORD, { salt: DEMO_PASSWORD_SALT });
}

export type DemoSignIn = {
  role: "coalition admin" | "coalition staff" | "org lead" | "org member" | "member of two orgs";
  email: string;
  /** the organization's slug; for the member of two organizations, both slugs separated by a comma */
  org?: string;
};

/** The demo accounts worth printing after a seed; the first two organizations have the same slugs for every seed. */
export function demoSignIns({ orgs = 2 }: { orgs?: number } = {}): DemoSignIn[] {
  const [first, second] = FEATURED_ORGS;
  const list: DemoSignIn[] = [
    { role: "coalition admin", email: DEMO_ADMIN_EMAIL },
    { role: "coalition staff", email: DEMO_STAFF_EMAILS[0] },
    { role: "org lead", email: demoLeadEmail(first.slug), org: first.slug },
    { role: "org member", email: demoMemberEmail(first.slug, 1), org: first.slug },
  ];
  if (orgs >= 2)
    list.push({ role: "member of two orgs", email: DEMO_TWO_ORG_EMAIL, org: `${first.slug}, ${second.slug}` });
  return list;
}

type Table = (typeof DEMO_TABLES)[number];
type Tx = PrismaNamespace.TransactionClient;
export type DemoCounts = Record<Table | "practiceMonthlySummaries" | "organizationFreedomYearSummaries", number>;

const INSERT: { [T in Table]: (tx: Tx, data: DemoRows[T]) => Promise<{ count: number }> } = {
  cycles: (tx, data) => tx.cycle.createMany({ data }),
  // existing cycles are reused, and their prompts (possibly edited by an admin) kept
  cyclePrompts: (tx, data) => tx.cyclePrompt.createMany({ data, skipDuplicates: true }),
  organizations: (tx, data) => tx.organization.createMany({ data }),
  organizationFreedoms: (tx, data) => tx.organizationFreedom.createMany({ data }),
  users: (tx, data) => tx.user.createMany({ data }),
  passwords: (tx, data) => tx.password.createMany({ data }),
  memberships: (tx, data) => tx.membership.createMany({ data }),
  commitments: (tx, data) => tx.commitment.createMany({ data }),
  commitmentUpdates: (tx, data) => tx.commitmentUpdate.createMany({ data }),
  practices: (tx, data) => tx.practice.createMany({ data }),
  practiceFreedoms: (tx, data) => tx.practiceFreedom.createMany({ data }),
  reflections: (tx, data) => tx.reflection.createMany({ data }),
};

// PostgreSQL's protocol allows at most 65,535 bind parameters per statement (one per row × column).
// NOTE: Prisma keeps the arguments of its last 100 debug calls (@prisma/debug), whole statements included, so
// memory grows with the statement size: 5,000 parameters keep a 2,000-organization seed at about 0.5 GB, for
// about 10% more time than statements six times larger.
const MAX_PARAMS_PER_INSERT = 5_000;

async function insertChunked<T extends Table>(tx: Tx, table: T, rows: DemoRows[T]) {
  if (!rows.length) return 0;
  const size = Math.max(1, Math.floor(MAX_PARAMS_PER_INSERT / Object.keys(rows[0]).length));
  let count = 0;
  for (let i = 0; i < rows.length; i += size)
    count += (await INSERT[table](tx, rows.slice(i, i + size) as DemoRows[T])).count;
  return count;
}

/** Seeding would mix demo data with the organizations already in the database. */
export class DemoSeedRefusedError extends Error {
  constructor(organizations: number) {
    super(
      `The database already has ${organizations} organization(s); demo data only goes into a database without organizations. ` +
        `Use replace (--replace) to delete all organizations, cycles and org people first.`,
    );
    this.name = "DemoSeedRefusedError";
  }
}

const demoAccounts = { email: { endsWith: DEMO_EMAIL_SUFFIX } };

/** who goes on replace: demo accounts and org people (their organizations are gone); other coalition staff stay */
const replacedUsers = { OR: [demoAccounts, { coalitionRole: "NONE" as const }] };

async function clearOrRefuse(tx: Tx, replace: boolean) {
  const organizations = await tx.organization.count();
  if (organizations && !replace) throw new DemoSeedRefusedError(organizations);
  // Without organizations, demo accounts left from an earlier demo would collide with the new ones.
  const users = replace ? replacedUsers : demoAccounts;
  await tx.organization.deleteMany({}); // cascades to everything an organization owns
  // NOTE: the audit log refuses UPDATEs, so deleting a user whose events remain would fail on ON DELETE SET NULL.
  await tx.auditEvent.deleteMany({ where: { actor: users } });
  await tx.user.deleteMany({ where: users });
  if (replace) await tx.cycle.deleteMany({});
}

/**
 * Seeds `orgs` demo organizations over `years` annual cycles ending at `now`'s year, then rebuilds the dashboard
 * summaries. Refuses when organizations exist, unless `replace`: then all organizations (and what they own),
 * cycles, demo accounts and org people are deleted first, in the same transaction. Cycles that exist without
 * organizations are kept and reused.
 * Returns the rows written per table.
 */
export async function seedDemo({
  prisma,
  orgs,
  years,
  seed,
  now = new Date(),
  replace = false,
}: {
  prisma: Prisma;
  orgs: number;
  years: number;
  seed: number;
  now?: Date;
  replace?: boolean;
}): Promise<DemoCounts> {
  await seedFramework({ prisma });
  const active = {
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  } as const;
  const [values, freedoms, levels] = await Promise.all([
    prisma.value.findMany(active),
    prisma.freedom.findMany(active),
    prisma.rubricLevel.findMany({ select: { level: true }, orderBy: { level: "asc" } }),
  ]);
  // argon2 costs tens of milliseconds per hash: one hash serves every demo account
  const passwordHash = await demoPasswordHash();
  if (passwordHash !== DEMO_PASSWORD_HASH)
    throw new Error(
      "The demo password's hash no longer matches DEMO_PASSWORD_HASH (app/utils/demo-password.server.ts): update it there.",
    );
  const batches = generateDemoBatches({
    orgs,
    years,
    seed,
    now,
    passwordHash,
    framework: { values, freedoms, rubricLevels: levels.map((l) => l.level) },
  });

  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<Table, number>;
  await prisma.$transaction(
    async (tx) => {
      await clearOrRefuse(tx, replace);
      // A cycle an admin opened before any organization joined is kept; the demo's rows for that year use it.
      const existing = new Map(
        (await tx.cycle.findMany({ select: { id: true, year: true } })).map((c) => [c.year, c.id]),
      );
      const cycleIds = new Map<string, string>();
      for (const batch of batches) {
        for (const cycle of batch.cycles) cycleIds.set(cycle.id, existing.get(cycle.year) ?? cycle.id);
        batch.cycles = batch.cycles.filter((c) => !existing.has(c.year));
        if (existing.size) {
          for (const rows of [batch.cyclePrompts, batch.commitments, batch.reflections]) {
            for (const row of rows) row.cycleId = cycleIds.get(row.cycleId)!;
          }
        }
        for (const table of DEMO_TABLES) counts[table] += await insertChunked(tx, table, batch[table]);
      }
    },
    // a large coalition takes minutes; nothing else needs the database while it is being created
    { timeout: 60_000 + orgs * years * 100, maxWait: 30_000 },
  );
  const summaries = await rebuildSummaries({ prisma });
  return {
    ...counts,
    practiceMonthlySummaries: summaries.valueMonths,
    organizationFreedomYearSummaries: summaries.freedomYears,
  };
}
