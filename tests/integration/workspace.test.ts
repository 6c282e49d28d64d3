import { beforeAll, describe, expect, test } from "vitest";
import { createPractice, setPracticeDeleted } from "~/models/practice.server";
import { loader as homeLoader } from "~/routes/o.$org._index";
import { loader as valueLoader } from "~/routes/o.$org.values.$value";
import { getPrisma } from "~/utils/db.server";
import { localeCookie } from "~/utils/i18next.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, valueOf } from "../factories";

const year = new Date().getUTCFullYear();
let org: { id: string; slug: string };
let cookie = "";
let outsiderCookie = "";
let trust: { id: string; slug: string };
let freedomId = "";

beforeAll(async () => {
  const prisma = await getPrisma();
  org = await createOrganization({ name: "Casa del Pueblo" });
  const other = await createOrganization();
  const member = await createUser({ memberships: [{ organizationId: org.id }] });
  cookie = (await sessionCookie(member.id)).cookie;
  outsiderCookie = (await sessionCookie((await createUser({ memberships: [{ organizationId: other.id }] })).id)).cookie;
  trust = await prisma.value.findUniqueOrThrow({ where: { slug: "trust-respect" }, select: { id: true, slug: true } });
  freedomId = (await prisma.freedom.findFirstOrThrow({ select: { id: true } })).id;
  const cycle = await prisma.cycle.upsert({
    where: { year },
    update: { status: "OPEN" },
    create: {
      year,
      opensOn: new Date(Date.UTC(year, 0, 1)),
      closesOn: new Date(Date.UTC(year, 11, 31)),
      status: "OPEN",
    },
  });
  const last = await prisma.cycle.upsert({
    where: { year: year - 1 },
    update: {},
    create: {
      year: year - 1,
      opensOn: new Date(Date.UTC(year - 1, 0, 1)),
      closesOn: new Date(Date.UTC(year - 1, 11, 31)),
      status: "CLOSED",
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  for (const [i, participants] of [10, 20].entries()) {
    await valueOf(
      createPractice({
        prisma,
        organizationId: org.id,
        actorId: member.id,
        submissionKey: `home-${i}`,
        input: {
          title: `Asamblea ${i}`,
          occurredOn: today,
          valueId: trust.id,
          participants,
          impactedParticipants: participants / 2,
          visibility: "PRIVATE",
          freedomIds: [freedomId],
        },
      }),
    );
  }
  const gone = await valueOf(
    createPractice({
      prisma,
      organizationId: org.id,
      actorId: member.id,
      submissionKey: "home-gone",
      input: {
        title: "Deleted one",
        occurredOn: today,
        valueId: trust.id,
        participants: 100,
        impactedParticipants: 0,
        visibility: "PRIVATE",
        freedomIds: [],
      },
    }),
  );
  await setPracticeDeleted({ prisma, organizationId: org.id, actorId: member.id, id: gone.id, deleted: true });
  const old = new Date(Date.now() - 120 * 86_400_000);
  await prisma.commitment.create({
    data: {
      organizationId: org.id,
      valueId: trust.id,
      cycleId: cycle.id,
      title: "Monthly listening circles",
      status: "IN_PROGRESS",
      progress: 40,
      createdAt: old,
    },
  });
  await prisma.reflection.create({
    data: {
      organizationId: org.id,
      valueId: trust.id,
      cycleId: last.id,
      rubricLevel: 2,
      wentWell: "Circles grew",
      nextSteps: "Train facilitators",
      status: "SUBMITTED",
      submittedAt: new Date(),
    },
  });
});

describe("organization home", () => {
  test("shows each value's practices, participants, commitments and reflection state for this year", async () => {
    const res = await answer(homeLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })));
    expect(res.status).toBe(200);
    const { overview } = await res.json();
    expect(overview.values).toHaveLength(4);
    const v = overview.values.find((x: { slug: string }) => x.slug === "trust-respect")!;
    expect(v.practicesYear).toBe(2); // the deleted one does not count
    expect(v.practicesQuarter).toBe(2);
    expect(v.participants).toBe(30);
    expect(v.impactedParticipants).toBe(15);
    expect(v.commitments).toEqual([
      expect.objectContaining({ title: "Monthly listening circles", status: "IN_PROGRESS", progress: 40 }),
    ]);
    expect(v.reflection).toBeNull();
    const others = overview.values.filter((x: { slug: string }) => x.slug !== "trust-respect");
    expect(others.every((x: { practicesYear: number }) => x.practicesYear === 0)).toBe(true);
  });

  test("lists what needs attention: a commitment without an update in 90 days and a reflection not started", async () => {
    const { overview } = await (
      await answer(homeLoader(requestArgs(`/o/${org.slug}`, { cookie, params: { org: org.slug } })))
    ).json();
    expect(overview.attention.staleCommitments.map((c: { title: string }) => c.title)).toEqual([
      "Monthly listening circles",
    ]);
    expect(overview.attention.reflectionNotStarted).toBe(true);
  });

  test("another organization's member gets a 404", async () => {
    expect(
      (
        await answer(() =>
          homeLoader(requestArgs(`/o/${org.slug}`, { cookie: outsiderCookie, params: { org: org.slug } })),
        )
      ).status,
    ).toBe(404);
  });
});

describe("value page", () => {
  test("shows the value, the organization's commitments, a practice timeline and every year's reflection", async () => {
    const res = await answer(
      valueLoader(
        requestArgs(`/o/${org.slug}/values/trust-respect`, {
          cookie,
          params: { org: org.slug, value: "trust-respect" },
        }),
      ),
    );
    const data = await res.json();
    expect(data.value.name).toBe("Trust & Respect");
    expect(data.commitments.map((c: { title: string }) => c.title)).toEqual(["Monthly listening circles"]);
    expect(data.practices.map((p: { title: string }) => p.title).sort()).toEqual(["Asamblea 0", "Asamblea 1"]);
    expect(data.practiceCount).toBe(2);
    expect(data.reflections).toEqual([
      expect.objectContaining({
        year: year - 1,
        rubricLevel: 2,
        levelName: "Practicing",
        wentWell: "Circles grew",
        nextSteps: "Train facilitators",
      }),
    ]);
  });

  test("in Spanish, the value and the level are Spanish", async () => {
    // Spanish chosen with the language switch (the account's own language would otherwise win over the browser's)
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    const res = await answer(
      valueLoader(
        requestArgs(`/o/${org.slug}/values/trust-respect`, {
          cookie: `${cookie}; ${spanish}`,
          params: { org: org.slug, value: "trust-respect" },
        }),
      ),
    );
    const data = await res.json();
    expect(data.value.name).toBe("Confianza y Respeto");
    expect(data.reflections[0].levelName).toBe("Practicando");
  });

  test("an unknown value is a 404, and so is another organization's view of it", async () => {
    expect(
      (
        await answer(() =>
          valueLoader(requestArgs(`/o/${org.slug}/values/nope`, { cookie, params: { org: org.slug, value: "nope" } })),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await answer(() =>
          valueLoader(
            requestArgs(`/o/${org.slug}/values/trust-respect`, {
              cookie: outsiderCookie,
              params: { org: org.slug, value: "trust-respect" },
            }),
          ),
        )
      ).status,
    ).toBe(404);
  });
});
