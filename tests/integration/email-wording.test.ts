// Every page that promises an email says what this server does with it: sends it (SMTP_URL), keeps it in the
// try-out's outbox at /dev/outbox, or neither (a server without a mail server); so does the toast after an
// invitation, in English and Spanish. An invitation to the coalition team speaks of the coalition, never of
// "your organization".
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { loader as forgotLoader } from "~/routes/forgot-password";
import { action as peopleAction, loader as peopleLoader } from "~/routes/movement.admin.people";
import { loader as orgAdminLoader } from "~/routes/movement.admin.organizations_.$orgId";
import { action as cycleAction, loader as cycleLoader } from "~/routes/movement.cycles.$year";
import { action as membersAction, loader as membersLoader } from "~/routes/o.$org.members";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { noteDemoAccountsAtStart, renderEmail } from "~/utils/mailer.server";
import { answer, createOrganization, createUser, requestArgs, sessionCookie, toastOf } from "../factories";

const YEAR = 2094;

beforeAll(async () => {
  const prisma = await getPrisma();
  await prisma.cycle.create({
    data: { year: YEAR, opensOn: new Date(`${YEAR}-01-01`), closesOn: new Date(`${YEAR}-12-31`), status: "OPEN" },
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

// production mode on DATABASE_URL wants a secret of its own; cookies below are made after it is set
const production = () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("SESSION_SECRET", "a secret for the production-mode tests");
};

const MODES = {
  /** a mail server is set: emails are sent */
  SMTP: () => {
    production();
    vi.stubEnv("SMTP_URL", "smtp://mail.example.org:587");
  },
  /** npm start's try-out: production mode on the embedded database, emails kept on /dev/outbox */
  OUTBOX: () => {
    production();
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DEV_OUTBOX", "1");
    vi.stubEnv("HOST", undefined);
    vi.stubEnv("TRUST_PROXY", undefined);
    vi.stubEnv("DATABASE_URL", "");
    // start-up found the demo accounts
    noteDemoAccountsAtStart(3);
  },
  /** a production server on PostgreSQL without SMTP_URL: nothing is sent, and no outbox page shows it */
  NONE: () => {
    production();
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DEV_OUTBOX", "0");
  },
} as const;
type Mode = keyof typeof MODES;

// the texts of the pages that promise an email: [namespace, key, values]
const PROMISES: [string, string, Record<string, unknown>][] = [
  ["auth", "forgot.intro", {}],
  ["auth", "forgot.sentTitle", {}],
  ["auth", "forgot.sent", { minutes: 30 }],
  ["admin", "organizations.leads.inviteIntro", {}],
  ["admin", "people.invite.delivery", {}],
  ["org", "members.invite.intro", {}],
];

// what each language says for "we send it", "it is kept in the outbox" and "this server sends no email"
const SAYS = {
  en: { send: /\b[Ww]e (?:email|will send|sent)\b|Check your email/, outbox: "/dev/outbox", none: /sends no email/ },
  es: { send: /enviamos|Enviamos|enviaremos|Revise su correo/, outbox: "/dev/outbox", none: /no envía correos/ },
};

describe.each(["en", "es"] as const)("in %s", (locale) => {
  test.each(PROMISES)("%s:%s says what this server does with the email", async (ns, key, values) => {
    const t = await fixedT(locale, ns);
    const says = SAYS[locale];
    const smtp = t(key, { ...values, context: "SMTP" });
    const outbox = t(key, { ...values, context: "OUTBOX" });
    const none = t(key, { ...values, context: "NONE" });
    // a missing key would come back as the key itself
    for (const text of [smtp, outbox, none]) expect(text).not.toContain(key);
    expect(smtp).not.toContain("/dev/outbox");
    expect(outbox).not.toMatch(says.send);
    expect(none).not.toMatch(says.send);
    expect(none).not.toContain("/dev/outbox");
    if (key !== "forgot.sentTitle") {
      expect(smtp).toMatch(says.send);
      expect(outbox).toContain(says.outbox);
      expect(none).toMatch(says.none);
    } else {
      expect(new Set([smtp, outbox, none]).size).toBe(3);
    }
  });

  test("the toast after an invitation kept in the outbox says it was not emailed", async () => {
    for (const [ns, key] of [
      ["admin", "organizations.leads.sent"],
      ["admin", "people.invite.sent"],
      ["org", "members.invite.sent"],
    ]) {
      const t = await fixedT(locale, ns);
      const sent = t(key, { email: "a@example.org", context: "SMTP" });
      expect(sent).toContain("a@example.org");
      expect(sent).not.toContain("/dev/outbox");
      const kept = t(key, { email: "a@example.org", context: "OUTBOX" });
      expect(kept).toContain("a@example.org");
      expect(kept).toContain("/dev/outbox");
      expect(kept).not.toBe(sent);
    }
  });

  test("the cycle page's notice and the reminders' toast say where the emails went, where no mail server sends them", async () => {
    const t = await fixedT(locale, "cycle");
    const says = SAYS[locale];
    const outbox = [
      t("page.mailNotice", { context: "OUTBOX" }),
      t("tracker.reminded", { count: 3, context: "OUTBOX" }),
    ];
    const none = [t("page.mailNotice", { context: "NONE" }), t("tracker.reminded", { count: 3, context: "NONE" })];
    for (const text of outbox) expect(text).toContain(says.outbox);
    for (const text of none) {
      expect(text).toMatch(says.none);
      expect(text).not.toContain("/dev/outbox");
    }
    expect(outbox[1]).toContain("3");
    expect(t("tracker.reminded", { count: 3, context: "SMTP" })).toBe(t("tracker.reminded", { count: 3 }));
    // "remind all": its help and its confirmation promise an email only where a mail server sends it
    const remind = (context: Mode) => ({
      help: t("tracker.remindAllHelp", { context }),
      title: t("tracker.remindConfirm.title", { year: YEAR, context }),
      body: t("tracker.remindConfirm.body", { count: 3, organizations: 2, context }),
      bodyOne: t("tracker.remindConfirm.body", { count: 1, organizations: 1, context }),
      submit: t("tracker.remindConfirm.submit", { context }),
    });
    const email = locale === "en" ? /\bemails?\b|\bsend\b/i : /\bcorreos?\b|\benviar\b|¿Enviar/;
    const smtp = remind("SMTP");
    for (const text of Object.values(smtp)) expect(text).toMatch(locale === "en" ? /email|send/i : /correo|nviar/);
    for (const mode of ["OUTBOX", "NONE"] as const) {
      const texts = remind(mode);
      for (const [key, text] of Object.entries(texts)) {
        expect(text, `${mode} ${key}`).not.toBe(smtp[key as keyof typeof smtp]);
        if (key === "title" || key === "submit") expect(text, `${mode} ${key}`).not.toMatch(email);
        else if (mode === "OUTBOX") expect(text, `${mode} ${key}`).toContain(says.outbox);
        else expect(text, `${mode} ${key}`).toMatch(says.none);
      }
      expect(texts.body).toContain("3");
      expect(texts.body).not.toBe(texts.bodyOne);
    }
  });

  test("opening a cycle (its help, confirmation, button and toast) promises email only where a mail server sends it", async () => {
    const t = await fixedT(locale, "cycle");
    const says = SAYS[locale];
    const email = locale === "en" ? /\bemail/i : /correo/i;
    const texts = (context: Mode) => ({
      help: t("page.open.help", { context }),
      done: t("page.open.done", { year: YEAR, context }),
      body: t("page.open.confirm.body", { count: 3, context }),
      bodyOne: t("page.open.confirm.body", { count: 1, context }),
      after: t("page.open.confirm.after", { context }),
      submit: t("page.open.confirm.submit", { context }),
    });
    const smtp = texts("SMTP");
    const outbox = texts("OUTBOX");
    const none = texts("NONE");
    for (const text of Object.values(smtp)) expect(text).not.toContain("/dev/outbox");
    // a mail server: the leads get an email, and the button says so
    for (const text of [smtp.help, smtp.body, smtp.bodyOne, smtp.submit])
      expect(text).toMatch(locale === "en" ? email : /correo|avisar/);
    for (const [key, text] of Object.entries(outbox)) {
      if (key === "after" || key === "submit") expect(text).not.toMatch(email);
      else expect(text).toContain(says.outbox);
      expect(text).not.toMatch(says.send);
    }
    for (const [key, text] of Object.entries(none)) {
      if (key === "after" || key === "submit") expect(text).not.toMatch(email);
      else expect(text).toMatch(says.none);
      expect(text).not.toContain("/dev/outbox");
      expect(text).not.toMatch(says.send);
    }
    expect(outbox.submit).not.toBe(smtp.submit);
    expect(outbox.done).toContain(String(YEAR));
    expect(none.done).toContain(String(YEAR));
    expect(outbox.body).toContain("3");
    expect(none.bodyOne).toContain("1");
    expect(none.body).not.toBe(none.bodyOne);
    // no lead yet: nobody is told, whatever the server does with email (never "0 leads")
    for (const context of ["SMTP", "OUTBOX", "NONE"] as const) {
      const zero = t("page.open.confirm.body", { count: 0, context });
      expect(zero).not.toMatch(/\b0\b/);
      expect(zero).toMatch(locale === "en" ? /No organization has a lead yet/ : /Ninguna organización tiene todavía/);
    }
  });

  test("an invitation to the coalition team speaks of the coalition; one to an organization of that organization", async () => {
    const payload = { url: "http://localhost:3000/invite/abc", inviter: "Ana", days: 7 };
    const t = await fixedT(locale, "email");
    const coalition = await renderEmail({
      to: "staff@example.org",
      template: "invitation",
      locale,
      payload: { ...payload, organization: null, role: "STAFF" },
    });
    expect(coalition.text).toContain(t("invitation.aboutCoalition"));
    expect(coalition.text).not.toContain(t("invitation.about"));
    expect(coalition.text).not.toMatch(locale === "en" ? /your organization/i : /su organización/i);
    const organization = await renderEmail({
      to: "lead@example.org",
      template: "invitation",
      locale,
      payload: { ...payload, organization: "Comité", role: "LEAD" },
    });
    expect(organization.text).toContain(t("invitation.about"));
  });

  test("every email is written out whole: no placeholder left in its subject or text, the names where they belong", async () => {
    const cycle = {
      organization: "Fuerza Migrante",
      year: 2027,
      closesOn: "2027-12-15",
      url: "https://ns.example.org/o/f",
    };
    const emails = [
      { template: "password-reset", payload: { url: "https://ns.example.org/r/x", minutes: 30 } },
      {
        template: "invitation",
        payload: {
          url: "https://ns.example.org/i/x",
          organization: "Fuerza Migrante",
          role: "LEAD",
          inviter: "Ana",
          days: 7,
        },
      },
      {
        template: "invitation",
        payload: { url: "https://ns.example.org/i/x", organization: null, role: "STAFF", inviter: "Ana" },
      },
      { template: "cycle-opened", payload: cycle },
      ...(["periodic", "closing", "manual"] as const).map((reminder) => ({
        template: "cycle-reminder",
        payload: { ...cycle, reminder, stopUrl: "https://ns.example.org/s/x" },
      })),
    ];
    for (const email of emails) {
      const written = await renderEmail({ to: "lead@example.org", locale, ...email });
      expect(`${written.subject}\n${written.text}`, email.template).not.toMatch(/{{|}}/);
      if (email.template.startsWith("cycle")) {
        expect(written.text).toContain("Fuerza Migrante");
        // the opening's line before the link names the organization (it read "{{organization}}")
        const lines = written.text.split("\n");
        if (email.template === "cycle-opened") expect(lines[lines.indexOf(cycle.url) - 1]).toContain("Fuerza Migrante");
      }
    }
  });

  test("the name's help on the invitation and account pages speaks of the coalition team to its people", async () => {
    const auth = await fixedT(locale, "auth");
    const account = await fixedT(locale, "account");
    for (const [tr, key] of [
      [auth, "fields.nameHelp"],
      [account, "name.help"],
    ] as const) {
      const coalition = tr(key, { context: "coalition" });
      expect(coalition).not.toBe(tr(key));
      expect(coalition).not.toMatch(locale === "en" ? /your organization/i : /su organización/i);
      expect(coalition).toMatch(locale === "en" ? /coalition team/ : /equipo de la coalición/);
    }
  });
});

describe("the pages tell the browser which wording applies", () => {
  test.each(Object.keys(MODES) as Mode[])("%s", async (mode) => {
    MODES[mode]();
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const admin = await createUser({ coalitionRole: "ADMIN" });
    const leadCookie = (await sessionCookie(lead.id)).cookie;
    const adminCookie = (await sessionCookie(admin.id)).cookie;
    const pages = [
      forgotLoader(requestArgs("/forgot-password")),
      forgotLoader(requestArgs("/forgot-password?sent=1")),
      peopleLoader(requestArgs("/movement/admin/people", { cookie: adminCookie })),
      orgAdminLoader(
        requestArgs(`/movement/admin/organizations/${org.id}`, { cookie: adminCookie, params: { orgId: org.id } }),
      ),
      membersLoader(requestArgs(`/o/${org.slug}/members`, { cookie: leadCookie, params: { org: org.slug } })),
      cycleLoader(requestArgs(`/movement/cycles/${YEAR}`, { cookie: adminCookie, params: { year: String(YEAR) } })),
    ];
    for (const page of pages) {
      const res = await answer(page);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { mail: string }).mail).toBe(mode);
    }
    const title = (
      (await (await answer(forgotLoader(requestArgs("/forgot-password?sent=1")))).json()) as {
        title: string;
      }
    ).title;
    expect(title).toBe({ SMTP: "Check your email", OUTBOX: "Check the outbox", NONE: "No email was sent" }[mode]);
  });
});

describe("the toast after an invitation", () => {
  test("says it was written and kept in the outbox on the try-out, and sent where a mail server is set", async () => {
    const org = await createOrganization();
    const lead = await createUser({ memberships: [{ organizationId: org.id, role: "LEAD" }] });
    const admin = await createUser({ coalitionRole: "ADMIN" });
    for (const mode of ["OUTBOX", "SMTP"] as const) {
      MODES[mode]();
      const member = `member-${mode.toLowerCase()}@example.org`;
      const staff = `staff-${mode.toLowerCase()}@example.org`;
      const invited = [
        await answer(
          membersAction(
            requestArgs(`/o/${org.slug}/members`, {
              method: "POST",
              cookie: (await sessionCookie(lead.id)).cookie,
              params: { org: org.slug },
              form: { intent: "invite", email: member, role: "MEMBER" },
            }),
          ),
        ),
        await answer(
          peopleAction(
            requestArgs("/movement/admin/people", {
              method: "POST",
              cookie: (await sessionCookie(admin.id)).cookie,
              form: { intent: "invite", email: staff, role: "STAFF" },
            }),
          ),
        ),
      ];
      const toasts = await Promise.all(invited.map((res) => toastOf(res)));
      expect(toasts.map((t) => t?.key)).toEqual(["org:members.invite.sent", "admin:people.invite.sent"]);
      expect(toasts.map((t) => t?.values)).toEqual([
        { email: member, context: mode },
        { email: staff, context: mode },
      ]);
      vi.unstubAllEnvs();
    }
  });
});

describe("the toast after opening a cycle", () => {
  test.each(Object.keys(MODES) as Mode[])("carries the %s wording", async (mode) => {
    const prisma = await getPrisma();
    // only one cycle is open at a time
    await prisma.cycle.updateMany({ where: { status: "OPEN" }, data: { status: "CLOSED" } });
    const year = { SMTP: 2095, OUTBOX: 2096, NONE: 2097 }[mode];
    await prisma.cycle.create({
      data: { year, opensOn: new Date(`${year}-01-01`), closesOn: new Date(`${year}-12-31`), status: "DRAFT" },
    });
    MODES[mode]();
    const admin = await createUser({ coalitionRole: "ADMIN" });
    const opened = await answer(
      cycleAction(
        requestArgs(`/movement/cycles/${year}`, {
          method: "POST",
          cookie: (await sessionCookie(admin.id)).cookie,
          params: { year: String(year) },
          form: { intent: "open", confirm: "yes" },
        }),
      ),
    );
    expect(opened.status).toBe(302);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { year } })).status).toBe("OPEN");
    const toast = await toastOf(opened);
    expect(toast?.key).toBe("cycle:page.open.done");
    expect(toast?.values).toEqual({ year, context: mode });
  });
});
