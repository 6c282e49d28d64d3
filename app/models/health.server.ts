import type { Prisma } from "~/utils/db.server";

/** True when the database answers a trivial query within the timeout. */
export async function databaseAnswers({ prisma, timeoutMs = 2_000 }: { prisma: Prisma; timeoutMs?: number }) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = prisma.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then(
    (rows) => rows[0]?.ok === 1,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
