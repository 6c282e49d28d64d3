// Every record a person edits carries a `version` the edit form sends back. A save claims that version with one
// conditional UPDATE: the row stays locked until the transaction ends, so a second save of the same version waits,
// then finds the version moved on and is "stale" (409, the person's text kept on screen). Nothing else is locked or
// compared by hand, and summaries updated after the claim in the same transaction see the row as it stands.
import { failure, success, type Result } from "~/utils/result";

const MAX_VERSION = 2_147_483_647;

type VersionedModel<Where, Data> = {
  updateMany(args: {
    where: Where & { version: number };
    data: Data & { version: { increment: number } };
  }): PromiseLike<{ count: number }>;
  count(args: { where: Where }): PromiseLike<number>;
};

/**
 * Writes `data` (and version + 1) where the record matches `where` and still has `version`. Not found when
 * `where` matches nothing (another organization's record included), stale when its version moved on. Without
 * `data` it only claims the version, for a save that reads the record before it writes (inside the same transaction).
 * NOTE: run it inside the save's transaction, before any other write: a failure returned (not thrown) commits what
 * came before it.
 */
export async function updateVersioned<Where extends object, Data extends object>(
  model: VersionedModel<Where, Data>,
  { where, version, data }: { where: Where; version: number; data?: Data },
): Promise<Result<null, "not-found" | "stale">> {
  // a version no row can hold (PostgreSQL's integer stops at 2^31 - 1) is stale without asking, never a 500
  if (Number.isInteger(version) && version >= 1 && version <= MAX_VERSION) {
    const { count } = await model.updateMany({
      where: { ...where, version },
      data: { ...(data ?? ({} as Data)), version: { increment: 1 } },
    });
    if (count > 0) return success();
  }
  return (await model.count({ where })) > 0 ? failure("stale") : failure("not-found");
}

type CreatableModel<Data> = {
  createMany(args: { data: Data[]; skipDuplicates: true }): PromiseLike<{ count: number }>;
};

/**
 * The first save of a record whose key the form already knows (version 0: "not written yet"). Someone else's
 * first save of the same key, even one running at the same moment, makes this one stale, as any moved version would.
 */
export async function createVersioned<Data extends object>(
  model: CreatableModel<Data>,
  data: Data,
): Promise<Result<null, "stale">> {
  const { count } = await model.createMany({ data: [data], skipDuplicates: true });
  return count > 0 ? success() : failure("stale");
}
