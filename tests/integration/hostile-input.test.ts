// Input meant to hurt the server: forms shaped to make the parser work or throw, NUL characters that
// PostgreSQL refuses, redirect targets that lead off-site, and odd ids in URLs. Each answer is a 4xx or a
// same-site redirect, never a 500, and comes quickly.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { action as loginAction } from "~/routes/login";
import { getPrisma } from "~/utils/db.server";
import { FORM_LIMITS } from "~/utils/form-limits";
import { hashToken } from "~/utils/session.server";
import {
  TEST_PASSWORD,
  answer,
  createOrganization,
  createUser,
  requestArgs,
  sessionCookie,
  valueOf,
} from "../factories";
import { type AppRoute, appRoutes, routeModule } from "../routes";
import { createPractice } from "~/models/practice.server";

const NUL = "\u0000";
// the walks send hundreds of requests; a shared machine may take minutes
const WALK_TIMEOUT = 300_000;
let routes: AppRoute[] = [];
let cookies: { lead: string; admin: string } = { lead: "", admin: "" };
// a valid value for every field name the app's forms use, so that a NUL in one field reaches as far as it can
let fieldValues: Record<string, string> = {};
// what the URL params name: records of organization A, where the lead and the admin may act
let paramValues: Record<string, string> = {};

function fill(url: string, values: Record<string, string>) {
  return url.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeURIComponent(values[p] ?? "x"));
}

function paramsOf(route: AppRoute, values: Record<string, string>) {
  return Object.fromEntries(route.params.map((p) => [p, values[p] ?? "x"]));
}

function cookieFor(route: AppRoute) {
  if (route.url.startsWith("/movement")) return cookies.admin;
  if (route.url.startsWith("/o/")) return cookies.lead;
  return undefined;
}

/** The field names a route's forms and schemas use. */
function fieldsOf(route: AppRoute) {
  const names = [
    ...[...route.source.matchAll(/name="([\w-]+)"/g)].map((m) => m[1]),
    ...[...route.source.matchAll(/fields\.(\w+)/g)].map((m) => m[1]),
    ...[...route.source.matchAll(/\b(\w+):\s*(?:z\.|text\b|\w+Field\b)/g)].map((m) => m[1]),
  ];
  return [...new Set(names)].filter((n) => n !== "intent" && n in fieldValues);
}

/** The status Remix would answer with: an error that is not a Response is a 500 (its message kept for the report). */
async function statusOf(call: () => Promise<unknown>, where: string, failures: string[]) {
  let status: number;
  try {
    status = (await answer(call)).status;
  } catch (e) {
    failures.push(`${where}: ${String(e).split("\n").filter(Boolean).pop()}`);
    return 500;
  }
  if (status >= 500) failures.push(`${where}: ${status}`);
  return status;
}

function post(path: string, body: string | URLSearchParams | FormData, headers: Record<string, string> = {}) {
  const h = new Headers({ Origin: "http://localhost", ...headers });
  if (typeof body === "string" && !h.has("Content-Type")) h.set("Content-Type", "application/x-www-form-urlencoded");
  return {
    request: new Request(`http://localhost${path}`, { method: "POST", headers: h, body }),
    params: {},
    context: {},
  };
}

beforeAll(async () => {
  routes = (await appRoutes()).filter((r) => r.url !== "/logout");
  const prisma = await getPrisma();
  const org = await createOrganization({ name: "Hostile input A" });
  const other = await createOrganization({ name: "Hostile input C" });
  const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
  const member = await createUser({ memberships: [{ organizationId: org.id, role: "MEMBER" }] });
  const admin = await createUser({ coalitionRole: "ADMIN" });
  const bystander = await createUser({ coalitionRole: "STAFF" });
  const cycle = await prisma.cycle.upsert({
    where: { year: 2026 },
    update: {},
    create: { year: 2026, opensOn: new Date("2026-01-01"), closesOn: new Date("2026-12-31"), status: "OPEN" },
  });
  const value = await prisma.value.findFirstOrThrow({ orderBy: { position: "asc" } });
  const freedom = await prisma.freedom.findFirstOrThrow({ orderBy: { position: "asc" } });
  const commitment = await prisma.commitment.create({
    data: { organizationId: org.id, valueId: value.id, cycleId: cycle.id, title: "A commitment" },
  });
  // through the model, so the summaries it keeps count this practice before the walk edits it
  const practice = await valueOf(
    createPractice({
      prisma,
      organizationId: org.id,
      actorId: lead.id,
      submissionKey: randomUUID(),
      input: {
        title: "A practice",
        occurredOn: "2026-03-02",
        valueId: value.id,
        participants: 3,
        impactedParticipants: 2,
        visibility: "PRIVATE",
        freedomIds: [],
      },
    }),
  );
  const membership = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: member.id } });
  const token = randomUUID().replaceAll("-", "").padEnd(43, "x");
  const invitation = await prisma.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email: `invitee-${randomUUID().slice(0, 6)}@example.org`,
      organizationId: org.id,
      membershipRole: "MEMBER",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  cookies = { lead: (await sessionCookie(lead.id)).cookie, admin: (await sessionCookie(admin.id)).cookie };
  paramValues = {
    org: org.slug,
    orgId: other.id,
    practiceId: practice.id,
    commitmentId: commitment.id,
    year: "2026",
    value: value.slug,
    token,
    lng: "es",
  };
  fieldValues = {
    email: `someone-${randomUUID().slice(0, 6)}@example.org`,
    password: TEST_PASSWORD,
    confirm: TEST_PASSWORD,
    name: "A person",
    redirectTo: "/",
    lng: "es",
    title: "A title",
    notes: "Notes",
    description: "A description",
    indicator: "An indicator",
    target: "A target",
    note: "A note",
    progress: "50",
    status: "IN_PROGRESS",
    occurredOn: "2026-03-03",
    valueId: value.id,
    commitmentId: commitment.id,
    freedomIds: freedom.id,
    focusFreedomIds: freedom.id,
    participants: "4",
    impactedParticipants: "1",
    visibility: "PRIVATE",
    wentWell: "Went well",
    challenges: "Challenges",
    nextSteps: "Next steps",
    rubricLevel: "2",
    consentToQuote: "on",
    nextStep: "review",
    version: "1",
    submissionKey: randomUUID(),
    year: "2026",
    role: "MEMBER",
    membershipId: membership.id,
    invitationId: invitation.id,
    userId: bystander.id,
    region: "CA",
    sizeBand: "SMALL",
    languages: "en, es",
    impactedLed: "on",
    scope: "org",
    q: "search",
    page: "1",
  };
});

describe("forms outside the limits", () => {
  test("a huge array index in a field name is refused at once with a plain 400, before any form parsing", async () => {
    const started = performance.now();
    const res = await answer(() => loginAction(post("/login", "zz[10000000]=x&email=a%40example.org&password=x")));
    const took = performance.now() - started;
    expect(res.status).toBe(400);
    // a Conform reply would mean the name reached the parser that builds a ten-million-slot array
    expect(await res.text()).toBe("Bad request");
    // generous for a shared machine; building the array takes seconds
    expect(took).toBeLessThan(1000);
  });

  test("a name nested 10,000 deep, the prototype, more fields than any form has, or a file, or a body that is no form: the same plain 400", async () => {
    const forms: [string, string | URLSearchParams | FormData, Record<string, string>?][] = [
      `a${"[b]".repeat(10_000)}`,
      "a[b][c]",
      "__proto__",
      "a.constructor.x",
      `x[${FORM_LIMITS.index + 1}]`,
    ].map((name) => [name.slice(0, 40), new URLSearchParams({ [name]: "x", email: "a@example.org", password: "x" })]);
    forms.push([
      "too many fields",
      new URLSearchParams(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, "x"])),
    ]);
    const withFile = new FormData();
    withFile.append("email", new File(["x"], "x.txt"));
    forms.push(["a file", withFile]);
    forms.push(["JSON", '{"email":"a@example.org"}', { "Content-Type": "application/json" }]);
    forms.push(["broken multipart", "--x\r\nnot really", { "Content-Type": "multipart/form-data; boundary=x" }]);
    forms.push(["no content type", "email=a", { "Content-Type": "" }]);
    for (const [label, body, headers] of forms) {
      const res = await answer(() => loginAction(post("/login", body, headers)));
      expect(res.status, label).toBe(400);
      expect(await res.text(), label).toBe("Bad request");
    }
  });

  test("a body over the limit is a 413, whether it says so in Content-Length or not", async () => {
    const big = `email=${"a".repeat(FORM_LIMITS.bytes + 10)}`;
    const declared = await answer(() => loginAction(post("/login", big, { "Content-Length": String(big.length) })));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(128 * 1024).fill(97));
        controller.close();
      },
    });
    const request = new Request("http://localhost/login", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await answer(() => loginAction({ request, params: {}, context: {} }))).status).toBe(413);
  });

  test(
    "every route with an action reads its form through the limits",
    async () => {
      const checked: string[] = [];
      for (const route of routes) {
        const mod = await routeModule(route);
        if (!mod.action) continue;
        const url = fill(route.url, paramValues);
        const res = await answer(() =>
          mod.action!(post(url, "intent=x&zz[10000000]=x", cookieFor(route) ? { Cookie: cookieFor(route)! } : {})),
        );
        // anonymous callers of a signed-in route may be sent to sign in first; nobody reaches the form parser
        expect([302, 400, 404], `${url} (${route.file})`).toContain(res.status);
        if (res.status === 400) expect(await res.text(), `${url} (${route.file})`).toBe("Bad request");
        if (res.status !== 302) checked.push(url);
      }
      expect(checked.length).toBeGreaterThan(10);
    },
    WALK_TIMEOUT,
  );
});

describe("NUL characters", () => {
  test(
    "a NUL in any field of any form of any route is never a 500",
    async () => {
      let requests = 0;
      const failures: string[] = [];
      for (const route of routes) {
        const mod = await routeModule(route);
        if (!mod.action) continue;
        const url = fill(route.url, paramValues);
        const fields = fieldsOf(route);
        const base = Object.fromEntries(fields.map((f) => [f, fieldValues[f]]));
        for (const intent of [undefined, ...route.intents]) {
          for (const field of fields) {
            const form = { ...base, [field]: `${fieldValues[field]}${NUL}`, ...(intent ? { intent } : {}) };
            const where = `POST ${url} ${intent ?? ""} ${field}`;
            await statusOf(
              () =>
                mod.action!(
                  requestArgs(url, {
                    method: "POST",
                    cookie: cookieFor(route),
                    params: paramsOf(route, paramValues),
                    form,
                  }),
                ),
              where,
              failures,
            );
            requests++;
          }
        }
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(50);
    },
    WALK_TIMEOUT,
  );

  /** A new practice posted by the lead through the form's action, titled `title`. */
  async function postPractice(title: string) {
    const route = routes.find((r) => r.url === "/o/:org/practices/new")!;
    const mod = await routeModule(route);
    return answer(() =>
      mod.action!(
        requestArgs(fill(route.url, paramValues), {
          method: "POST",
          cookie: cookies.lead,
          params: { org: paramValues.org },
          form: {
            title,
            occurredOn: "2026-03-04",
            valueId: fieldValues.valueId,
            visibility: "PRIVATE",
            participants: "2",
            impactedParticipants: "1",
            submissionKey: randomUUID(),
          },
        }),
      ),
    );
  }

  test("a NUL in a text field is dropped: the practice is saved with the text around it", async () => {
    const prisma = await getPrisma();
    const res = await postPractice(`Tenant${NUL} meeting`);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(await prisma.practice.count({ where: { title: "Tenant meeting" } })).toBe(1);
  });

  test("other control characters are dropped too, and a title of them alone is missing", async () => {
    const prisma = await getPrisma();
    const before = await prisma.practice.count();
    const blank = await postPractice("\u0001\u0002\u0003");
    expect(blank.status).toBe(400);
    expect((await blank.json()).error).toMatchObject({ title: ["validation.required"] });
    expect(await prisma.practice.count()).toBe(before);
    const saved = await postPractice("Rent\u0007\u001b[31m strike\u009b");
    expect(saved.status, await saved.clone().text()).toBe(302);
    expect(await prisma.practice.count({ where: { title: "Rent[31m strike" } })).toBe(1);
  });

  test(
    "a NUL in any search parameter of any page is never a 500",
    async () => {
      const failures: string[] = [];
      const searchParams = [
        "q",
        "page",
        "value",
        "freedom",
        "commitment",
        "from",
        "to",
        "visibility",
        "year",
        "step",
        "before",
        "sent",
        "v",
        "lng",
        "redirectTo",
      ];
      for (const route of routes) {
        const mod = await routeModule(route);
        if (!mod.loader) continue;
        const url = fill(route.url, paramValues);
        for (const name of searchParams) {
          for (const value of [NUL, `${fieldValues.commitmentId}${NUL}`]) {
            const where = `GET ${url}?${name}`;
            await statusOf(
              () =>
                mod.loader!(
                  requestArgs(`${url}?${new URLSearchParams({ [name]: value })}`, {
                    cookie: cookieFor(route),
                    params: paramsOf(route, paramValues),
                  }),
                ),
              where,
              failures,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
    WALK_TIMEOUT,
  );
});

describe("odd ids and slugs in URLs", () => {
  test(
    "NUL, very long, or odd unicode in a path param is a 404 (or a 400/410), never a 500",
    async () => {
      const odd = [`x${NUL}`, NUL, "x".repeat(5000), "\u202e\u3000\ud83d\ude00", "%", "../..", "\ufeff"];
      let checked = 0;
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.params.length)) {
        const mod = await routeModule(route);
        for (const param of route.params) {
          for (const value of odd) {
            const values = { ...paramValues, [param]: value };
            const url = fill(route.url, values);
            const calls = [
              mod.loader &&
                (() => mod.loader!(requestArgs(url, { cookie: cookieFor(route), params: paramsOf(route, values) }))),
            ];
            if (mod.action)
              calls.push(() =>
                mod.action!(
                  requestArgs(url, {
                    method: "POST",
                    cookie: cookieFor(route),
                    params: paramsOf(route, values),
                    form: { intent: route.intents[0] ?? "x" },
                  }),
                ),
              );
            for (const call of calls) {
              if (!call) continue;
              const where = `${url.slice(0, 80)} :${param}`;
              const status = await statusOf(call, where, failures);
              if (status < 500 && ![400, 404, 410].includes(status)) failures.push(`${where}: ${status}`);
              checked++;
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    },
    WALK_TIMEOUT,
  );
});

describe("redirect targets", () => {
  test("signing in with a redirectTo that leads off-site lands on the person's home page; a same-site one is kept", async () => {
    const nasty = [
      "/\t/evil.example",
      "/\\evil.example",
      "\u3000//evil.example",
      "/%09/evil.example",
      "https://evil.example",
      "//evil.example",
      "javascript:alert(1)",
      "/\n/evil.example",
      `/${NUL}/evil.example`,
    ];
    const cases: [string, string][] = [
      ...nasty.map((to): [string, string] => [to, "/orgs"]),
      ["/account?tab=1", "/account?tab=1"],
    ];
    const user = await createUser();
    const landed: [string, string | null][] = [];
    for (const [redirectTo] of cases) {
      const res = await answer(() =>
        loginAction(
          requestArgs("/login", { method: "POST", form: { email: user.email, password: TEST_PASSWORD, redirectTo } }),
        ),
      );
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      landed.push([redirectTo, res.headers.get("Location")]);
    }
    expect(landed).toEqual(cases);
  });
});
