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
