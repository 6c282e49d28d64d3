// The coalition admins' lists (organizations, people) search without regard to accents or case, in both
// directions, with `%` and `_` as plain letters; a page past the end keeps the count of what matches.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as organizationsLoader } from "~/routes/movement.admin.organizations";
import { loader as peopleLoader } from "~/routes/movement.admin.people";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

let cookie = "";

type OrganizationList = { list: { total: number; page: number; pageCount: number; organizations: { name: string }[] } };
type PeopleList = { list: { total: number; people: { name: string; email: string }[] } };

async function organizations(search: string) {
  const res = await answer(organizationsLoader(requestArgs(`/movement/admin/organizations?${search}`, { cookie })));
  expect(res.status).toBe(200);
  return ((await res.json()) as OrganizationList).list;
}
const organizationNames = async (q: string) =>
  (await organizations(`q=${encodeURIComponent(q)}`)).organizations.map((o) => o.name).sort();

async function people(q: string) {
  const res = await answer(peopleLoader(requestArgs(`/movement/admin/people?q=${encodeURIComponent(q)}`, { cookie })));
  expect(res.status).toBe(200);
  return ((await res.json()) as PeopleList).list.people.map((p) => p.name).sort();
}

beforeAll(async () => {
  for (const [name, region] of [
    ["Comité de Trabajadores", "CA"],
    ["Niños Primero", "TX"],
    ["Casa São Paulo", "NY"],
    ["Centro Jose Marti", "FL"],
    ["Alianza del Desierto", "NM"],
    ["50%_Club", "CA"],
  ])
    await createOrganization({ name, region });
  for (const [name, email] of [
    ["José Pérez", "jp@example.org"],
    ["Jose Luis Ortiz", "jlo@example.org"],
    ["Ana Muñoz", "ana.munoz@example.org"],
    ["Ramón Ruiz", "ramon@example.org"],
  ])
    await createUser({ name, email });
  cookie = (await sessionCookie((await createUser({ coalitionRole: "ADMIN", name: "Admin" })).id)).cookie;
});

describe("organizations", () => {
  test.each([
    ["comite", ["Comité de Trabajadores"]],
    ["COMITÉ", ["Comité de Trabajadores"]],
    ["nino", ["Niños Primero"]],
    ["NIÑO", ["Niños Primero"]],
    ["Sao", ["Casa São Paulo"]],
    ["José", ["Centro Jose Marti"]],
    ["marti", ["Centro Jose Marti"]],
    // the region's name in Spanish ("Nuevo México") and its code
    ["nuevo mexico", ["Alianza del Desierto"]],
    ["nm", ["Alianza del Desierto"]],
    ["%", ["50%_Club"]],
    ["_", ["50%_Club"]],
    ["0%_c", ["50%_Club"]],
    ["a.c", []],
  ])("%s finds %j", async (q, expected) => {
    expect(await organizationNames(q)).toEqual(expected);
  });

  test("a page past the end keeps the count and the number of pages", async () => {
    expect(await organizations("q=comite&page=5")).toMatchObject({
      total: 1,
      page: 5,
      pageCount: 1,
      organizations: [],
    });
  });
});

describe("people", () => {
  test.each([
    ["jose", ["Jose Luis Ortiz", "José Pérez"]],
    ["JOSÉ", ["Jose Luis Ortiz", "José Pérez"]],
    ["perez", ["José Pérez"]],
    ["MUÑOZ", ["Ana Muñoz"]],
    ["munoz", ["Ana Muñoz"]],
    ["ramón@example", ["Ramón Ruiz"]],
    ["%", []],
    ["_", []],
  ])("%s finds %j", async (q, expected) => {
    expect(await people(q)).toEqual(expected);
  });
});
