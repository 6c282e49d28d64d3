// "Add a commitment" on an organization's home and value pages leads to a form only while a cycle takes
// commitments (a draft or open one, as the commitment model allows); before the coalition's first cycle, and
// once every cycle is closed, the pages say commitments open with the cycle instead of linking to a dead end.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as commitmentsLoader } from "~/routes/o.$org.commitments";
import { loader as newCommitmentLoader } from "~/routes/o.$org.commitments_.new";
import { loader as homeLoader } from "~/routes/o.$org._index";
import { loader as valueLoader } from "~/routes/o.$org.values.$value";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie } from "../factories";

const year = new Date().getUTCFullYear();
let org: { id: string; slug: string };
let cookie = "";

beforeAll(async () => {
  org = await createOrganization({ name: "Primeros Pasos" });
  const member = await createUser({ memberships: [{ organizationId: org.id }] });
  cookie = (await sessionCookie(member.id)).cookie;
});

async function pages() {
  const params = { org: org.slug };
  const [home, value, list, form] = await Promise.all(
    [
      homeLoader(requestArgs(`/o/${org.slug}`, { cookie, params })),
      valueLoader(
        requestArgs(`/o/${org.slug}/values/trust-respect`, { cookie, params: { ...params, value: "trust-respect" } }),
      ),
      commitmentsLoader(requestArgs(`/o/${org.slug}/commitments`, { cookie, params })),
      newCommitmentLoader(requestArgs(`/o/${org.slug}/commitments/new?value=trust-respect`, { cookie, params })),
    ].map(async (page) => {
      const res = await answer(page);
      expect(res.status).toBe(200);
      return res.json();
    }),
  );
  return { home: home.canCommit, value: value.canCommit, list: list.writable, years: form.years };
}

describe("Add a commitment", () => {
  test("before any cycle exists, no page offers it, and the line that says why is in both languages", async () => {
    expect(await pages()).toEqual({ home: false, value: false, list: false, years: [] });
    const en = await fixedT("en", "workspace");
    const es = await fixedT("es", "workspace");
    expect(en("home.commitmentsWithCycle")).toBe("Commitments open with the coalition's yearly cycle.");
    expect(es("home.commitmentsWithCycle")).toBe("Los compromisos se abren con el ciclo anual de la coalición.");
  });

  test("a draft cycle takes commitments, so the link is offered and its form offers that cycle", async () => {
    const prisma = await getPrisma();
    await prisma.cycle.create({
      data: {
        year,
        opensOn: new Date(Date.UTC(year, 0, 1)),
        closesOn: new Date(Date.UTC(year, 11, 31)),
        status: "DRAFT",
      },
    });
    expect(await pages()).toEqual({ home: true, value: true, list: true, years: [year] });
    await prisma.cycle.update({ where: { year }, data: { status: "OPEN" } });
    expect(await pages()).toEqual({ home: true, value: true, list: true, years: [year] });
  });

  test("once every cycle is closed, it is gone again", async () => {
    const prisma = await getPrisma();
    await prisma.cycle.update({ where: { year }, data: { status: "CLOSED" } });
    expect(await pages()).toEqual({ home: false, value: false, list: false, years: [] });
  });

  test("an archived value's page does not offer it, even while a cycle is open", async () => {
    const prisma = await getPrisma();
    await prisma.cycle.update({ where: { year }, data: { status: "OPEN" } });
    await prisma.value.update({ where: { slug: "trust-respect" }, data: { archivedAt: new Date() } });
    const res = await answer(
      valueLoader(
        requestArgs(`/o/${org.slug}/values/trust-respect`, {
          cookie,
          params: { org: org.slug, value: "trust-respect" },
        }),
      ),
    );
    expect((await res.json()).canCommit).toBe(false);
    expect((await pages()).home).toBe(true);
  });
});
