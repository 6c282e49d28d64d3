// A count of the writes this process committed to the tables the movement's figures come from: the figures
// kept in memory (app/models/movement-cache.server.ts) are keyed by it, so a committed change empties them at
// once. The app's database client counts (countingWrites wraps its driver adapter): a statement that changes
// data outside a transaction when it returns, a transaction when it commits, whichever request or job made it,
// and whether or not the browser that asked is still waiting. Writes only to tables no figure reads (sessions,
// sign-in limits, passwords, invitations, emails, the audit log, people and their memberships) are not counted:
// signing in, or a stream of failed sign-ins, leaves the figures in place.

const WRITES = Symbol.for("north-star.writes");
const counter = globalThis as { [WRITES]?: number };

export const writesSeen = () => counter[WRITES] ?? 0;

/** Counts a write the client did not see (a test's own connection, say). */
export function noteWrite() {
  counter[WRITES] = writesSeen() + 1;
}

/** Tables no movement figure reads. */
const UNCOUNTED = new Set([
  "Session",
  "RateLimit",
  "Password",
  "PasswordReset",
  "Invitation",
  "OutboxEmail",
  "AuditEvent",
  "User",
  "Membership",
  "ReminderPause",
]);

// the tables a statement writes: INSERT INTO, UPDATE, DELETE FROM (Prisma's "public"."Table" or a raw "Table");
// not the UPDATE of ON CONFLICT … DO UPDATE (its table is the INSERT's) nor a row lock's FOR (NO KEY) UPDATE
const WRITTEN =
  /\b(?:INSERT\s+INTO|(?<!\b(?:DO|FOR|KEY)\s+)UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?(\w+)/gi;
// what only reads, or only steers a transaction
const READS =
  /^\s*(?:\/\*[^*]*\*\/\s*|--[^\n]*\n\s*)*(?:SELECT|WITH|SHOW|EXPLAIN|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|VALUES)\b/i;

const decided = new Map<string, boolean>();
/** Whether a statement may change a table a figure reads; an unfamiliar statement counts. */
export function changesFigures(sql: string) {
  let changes = decided.get(sql);
  if (changes === undefined) {
    const tables = [...sql.matchAll(WRITTEN)].map((m) => m[1]);
    changes = tables.length ? tables.some((t) => !UNCOUNTED.has(t)) : !READS.test(sql);
    // the app's statements are a bounded set; a command sending endless ad-hoc text must not grow this
    if (decided.size > 2_000) decided.clear();
    decided.set(sql, changes);
  }
  return changes;
}

type Statement = { sql: string };
type Queryable = {
  queryRaw(query: Statement): Promise<unknown>;
  executeRaw(query: Statement): Promise<number>;
};
type Transaction = Queryable & { commit(): Promise<void> };
type Adapter = Queryable & {
  startTransaction(...args: never[]): Promise<Transaction>;
  executeScript(script: string): Promise<void>;
};

/** Runs every statement through `seen` before handing it on. */
function watch(target: Queryable, seen: (sql: string) => void) {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    seen(query.sql);
    return result;
  };
  target.executeRaw = async (query) => {
    const result = await executeRaw(query);
    seen(query.sql);
    return result;
  };
}

/** The driver adapter factory given to PrismaClient, its connections counting the writes they commit. */
export function countingWrites<F extends { connect(): Promise<Adapter> }>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    watch(adapter, (sql) => {
      if (changesFigures(sql)) noteWrite();
    });
    const executeScript = adapter.executeScript.bind(adapter);
    adapter.executeScript = async (script) => {
      await executeScript(script);
      noteWrite();
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const tx = await startTransaction(...args);
      let changed = false;
      watch(tx, (sql) => {
        changed ||= changesFigures(sql);
      });
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        await commit();
        if (changed) noteWrite();
      };
      return tx;
    };
    return adapter;
  };
  return factory;
}
