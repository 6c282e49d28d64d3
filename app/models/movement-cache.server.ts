// Movement-wide figures are the same for every reader: the dashboard's rollup sums for a set of filters, the
// dashboard built from them (already suppressed and labelled), the group statistics an organization's pages
// compare with. A server keeps them in memory for MOVEMENT_CACHE_SECONDS, and drops them all as soon as this
// process commits a write to a table they come from (app/utils/write-count.server.ts), so a reader of this
// server sees a saved change at once; another process's changes show within that time (docs/decisions/021).
// Each entry is keyed by every input that made it; nothing is kept per person or per organization.
import { LRUCache } from "lru-cache";
import { getEnv } from "~/utils/env.server";
import { writesSeen } from "~/utils/write-count.server";

type Read = () => Promise<object>;
const cache = new LRUCache<string, object, Read>({
  max: 500,
  // concurrent readers of the same missing entry share one statement
  fetchMethod: (_key, _stale, { context }) => context(),
  // a read still under way when newer entries push its own out finishes for those waiting on it (by default
  // lru-cache cancels it, and each waiting page would fail)
  ignoreFetchAbort: true,
});

/** Freezes what is cached: a reader that changed it would change every later reader's copy. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * `read()`'s answer for `key`, from memory while this process committed no write to what the figures read
 * since it was read, and for at most MOVEMENT_CACHE_SECONDS. The key must name every input `read` depends on.
 */
export async function movementCached<T extends object>(key: string, read: () => Promise<T>): Promise<T> {
  const seconds = getEnv().MOVEMENT_CACHE_SECONDS;
  if (seconds === 0) return read();
  // the count is taken before reading: a write committed during the read raises it, so what was read is
  // kept under the count before it, which no later reader asks for
  const value = await cache.fetch(`${writesSeen()} ${key}`, {
    context: async () => deepFreeze(await read()),
    ttl: seconds * 1000,
  });
  return value as T;
}
