// A GET filter form sends every field, set or not. Every page with such a form answers an address with empty
// fields by a redirect to the address without them (the other parameters kept, in order), so a shared or
// bookmarked address names only the filters set; the clean address shows the filtered page, and an old
// bookmark with empty fields lands on the same page. Sign-in still comes first.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as dashboardLoader } from "~/routes/movement._index";
import { loader as dashboardCsvLoader } from "~/routes/movement.csv";
import { loader as organizationsLoader } from "~/routes/movement.organizations";
import { loader as sharedLoader } from "~/routes/movement.shared";
import { loader as cycleLoader } from "~/routes/movement.cycles.$year";
import { loader as adminOrganizationsLoader } from "~/routes/movement.admin.organizations";
import { loader as peopleLoader } from "~/routes/movement.admin.people";
import { loader as practicesLoader } from "~/routes/o.$org.practices._index";
import { loader as commitmentsLoader } from "~/routes/o.$org.commitments";
import { getPrisma } from "~/utils/db.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

type Loader = (args: ReturnType<typeof requestArgs>) => Promise<unknown>;

const YEAR = 2093; // the cycle's
const NOW = new Date().getUTCFullYear(); // the movement pages' year
let admin = "";
let member = "";
let slug = "";

beforeAll(async () => {
  const prisma = await getPrisma();
  await prisma.cycle.create({
    data: { year: YEAR, opensOn: new Date(`${YEAR}-01-01`), closesOn: new Date(`${YEAR}-12-31`), status: "OPEN" },
  });
  const organization = await createOrganization({ name: "Comité de Prueba", region: "CA" });
  slug = organization.slug;
  admin = (await sessionCookie((await createUser({ coalitionRole: "ADMIN" })).id)).cookie;
  member = (await sessionCookie((await createUser({ memberships: [{ organizationId: organization.id }] })).id)).cookie;
});

// every page with a GET filter form, an address of it with empty fields, and that address cleaned
const pages: { name: string; loader: Loader; path: () => string; clean: () => string; cookie: () => string }[] = [
  {
    name: "movement dashboard",
    loader: dashboardLoader as Loader,
    path: () => `/movement?year=${NOW}&region=&size=&impacted=&value=WRONG&freedom=&from=&to=`,
    clean: () => `/movement?year=${NOW}&value=WRONG`,
    cookie: () => admin,
  },
  {
    name: "movement dashboard CSV",
    loader: dashboardCsvLoader as Loader,
    path: () => `/movement.csv?chart=practices&year=${NOW}&region=&size=`,
    clean: () => `/movement.csv?chart=practices&year=${NOW}`,
    cookie: () => admin,
  },
  {
    name: "participation tracker",
    loader: organizationsLoader as Loader,
    path: () => `/movement/organizations?q=&year=${NOW}&region=WEST&size=&impacted=&state=&sort=practices`,
    clean: () => `/movement/organizations?year=${NOW}&region=WEST&sort=practices`,
    cookie: () => admin,
  },
  {
    name: "shared with the coalition",
    loader: sharedLoader as Loader,
    path: () => `/movement/shared?kind=&year=${NOW}&value=&freedom=&region=&q=caf%C3%A9`,
    clean: () => `/movement/shared?year=${NOW}&q=caf%C3%A9`,
    cookie: () => admin,
  },
  {
    name: "submission tracker",
    loader: cycleLoader as Loader,
    path: () => `/movement/cycles/${YEAR}?region=&state=DRAFT`,
    clean: () => `/movement/cycles/${YEAR}?state=DRAFT`,
    cookie: () => admin,
  },
  {
    name: "admin organizations",
    loader: adminOrganizationsLoader as Loader,
    path: () => "/movement/admin/organizations?q=",
    clean: () => "/movement/admin/organizations",
    cookie: () => admin,
  },
  {
    name: "admin people",
    loader: peopleLoader as Loader,
    path: () => "/movement/admin/people?q=&page=2",
    clean: () => "/movement/admin/people?page=2",
    cookie: () => admin,
  },
  {
    name: "practices",
    loader: practicesLoader as Loader,
    path: () => `/o/${slug}/practices?value=&freedom=&commitment=&from=2093-01-01&to=&visibility=`,
    clean: () => `/o/${slug}/practices?from=2093-01-01`,
    cookie: () => member,
  },
  {
    name: "commitments",
    loader: commitmentsLoader as Loader,
    path: () => `/o/${slug}/commitments?year=`,
    clean: () => `/o/${slug}/commitments`,
    cookie: () => member,
  },
];

const argsFor = (path: string, cookie?: string) => {
  const url = new URL(path, "http://localhost");
  const org = url.pathname.match(/^\/o\/([^/]+)/)?.[1];
  const year = url.pathname.match(/^\/movement\/cycles\/(\d+)/)?.[1];
  return requestArgs(path, { cookie, params: { ...(org ? { org } : {}), ...(year ? { year } : {}) } });
};

describe.each(pages)("$name", ({ loader, path, clean, cookie }) => {
  test("an address with empty fields is redirected to the one with only the fields set", async () => {
    const res = await answer(loader(argsFor(path(), cookie())));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(clean());
  });

  test("the clean address is the page itself, and the redirect leads there", async () => {
    const res = await answer(loader(argsFor(clean(), cookie())));
    expect(res.status).toBe(200);
  });

  test("signed out, the sign-in page comes first", async () => {
    const res = await answer(loader(argsFor(path())));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });
});

test("the clean address keeps the filters the form set: the tracker lists by the region and the sort asked", async () => {
  const res = await answer(organizationsLoader(argsFor(pages[2].clean(), admin)));
  const data = (await res.json()) as { query: { year: number; region?: string; sort: string; q?: string } };
  expect(data.query).toMatchObject({ year: NOW, region: "WEST", sort: "practices" });
  expect(data.query.q).toBeUndefined();
});
