// The practice the benchmarks save as their i-th write: spread over organizations, months, values and freedoms,
// so concurrent saves meet in the same movement cells as a server's requests would.
export function benchSaveInput(
  i: number,
  {
    orgs,
    year,
    values,
    freedoms,
  }: { orgs: number; year: number; values: { id: string }[]; freedoms: { id: string }[] },
) {
  return {
    organizationId: `bench-org-${1 + ((i * 7919) % orgs)}`,
    input: {
      title: "Saved",
      occurredOn: `${year}-0${1 + (i % 9)}-15`,
      valueId: values[i % values.length].id,
      participants: 8,
      impactedParticipants: 3,
      visibility: "PRIVATE" as const,
      freedomIds: i % 3 === 0 ? [freedoms[i % freedoms.length].id] : [],
    },
  };
}

/**
 * Saves `count` practices, the `from`-th onward, by `clients` concurrent clients (each takes the next one when
 * its last is saved, as a server's requests would come); the time each save took, in milliseconds.
 */
export async function concurrentSaves(
  save: (i: number) => Promise<{ ok: true } | { ok: false; error: string }>,
  { clients, from, count }: { clients: number; from: number; count: number },
) {
  const times: number[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < from + count) {
        const i = next++;
        const t0 = performance.now();
        const saved = await save(i);
        if (!saved.ok) throw new Error(`bench: a save answered ${saved.error}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times;
}
