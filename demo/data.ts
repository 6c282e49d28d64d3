// Demo data: a believable coalition of member organizations with their people, commitments, practices and
// reflections, generated from a seed. Pure code: no database, no clock, no I/O. The same options give the same
// rows, ids included; demo-seed.server.ts writes them. Generation runs per batch of organizations, so a
// coalition of thousands of organizations over ten years never sits in memory at once.
// Every name here is invented; notes never name a person or an immigration status (DESIGN §4).

import {
  ANY_EXTRA_LANGUAGE,
  Bilingual,
  CHALLENGES,
  EXTRA_LANGUAGES,
  FIRST_NAMES,
  GENERIC,
  Lang,
  LAST_NAMES,
  NEXT_STEPS,
  NOTES,
  ORG_NAMES,
  Region,
  REGION_WEIGHTS,
  REGIONS,
  SIZE_BANDS,
  SIZE_PROFILE,
  SIZE_WEIGHTS,
  SizeBand,
  UPDATE_NOTES,
  VALUE_TEXT,
  Visibility,
  VISIBILITY_PRACTICE,
  VISIBILITY_REFLECTION,
  WENT_WELL,
} from "./content.ts";
import { createRng } from "./random.ts";
import { DEMO_EMAIL_SUFFIX } from "../app/models/demo-accounts.server.ts";
import { DEFAULT_TIME_ZONE } from "../app/models/organization-options.ts";
import { regionTimeZone } from "../app/models/time-zone-options.ts";

export { DEMO_EMAIL_SUFFIX };

type CommitmentStatus = "PLANNED" | "IN_PROGRESS" | "ACHIEVED" | "PAUSED" | "DROPPED";

export type DemoFramework = {
  /** active values in position order */
  values: { id: string; slug: string }[];
  freedoms: { id: string; slug: string }[];
  rubricLevels: number[];
};

export type DemoOptions = {
  orgs: number;
  years: number;
  seed: number;
  /** the last cycle is `now`'s (UTC) year and is OPEN; nothing is dated after `now` */
  now: Date;
  framework: DemoFramework;
  /** stored for every demo account */
  passwordHash: string;
};

export type DemoRows = {
  cycles: {
    id: string;
    year: number;
    opensOn: Date;
    closesOn: Date;
    status: "OPEN" | "CLOSED";
    createdAt: Date;
    updatedAt: Date;
  }[];
  cyclePrompts: { cycleId: string; valueId: string; prompt: Bilingual }[];
  organizations: {
    id: string;
    slug: string;
    name: string;
    region: string;
    sizeBand: SizeBand;
    impactedLed: boolean;
    languages: string[];
    /** its region's zone, as a new organization left to its region gets (app/models/time-zone-options.ts) */
    timeZone: string;
    joinedAt: Date;
    createdAt: Date;
    updatedAt: Date;
  }[];
  organizationFreedoms: { organizationId: string; freedomId: string }[];
  users: {
    id: string;
    email: string;
    name: string;
    locale: Lang;
    coalitionRole: "NONE" | "STAFF" | "ADMIN";
    createdAt: Date;
    updatedAt: Date;
  }[];
  passwords: { userId: string; hash: string; updatedAt: Date }[];
  memberships: { id: string; userId: string; organizationId: string; role: "MEMBER" | "LEAD"; createdAt: Date }[];
  commitments: {
    id: string;
    organizationId: string;
    valueId: string;
    cycleId: string;
    title: string;
    description: string;
    indicator: string | null;
    target: string | null;
    status: CommitmentStatus;
    progress: number;
    version: number;
    copiedFromId: string | null;
    createdAt: Date;
    updatedAt: Date;
  }[];
  commitmentUpdates: {
    id: string;
    organizationId: string;
    commitmentId: string;
    status: CommitmentStatus;
    progress: number;
    note: string;
    authorId: string;
    createdAt: Date;
  }[];
  practices: {
    id: string;
    organizationId: string;
    valueId: string;
    commitmentId: string | null;
    occurredOn: Date;
    title: string;
    notes: string;
    participants: number;
    impactedParticipants: number;
    visibility: Visibility;
    version: number;
    createdById: string;
    deletedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  }[];
  practiceFreedoms: { practiceId: string; freedomId: string; organizationId: string }[];
  reflections: {
    id: string;
    organizationId: string;
    valueId: string;
    cycleId: string;
    rubricLevel: number | null;
    wentWell: string;
    challenges: string;
    nextSteps: string;
    visibility: Visibility;
    consentToQuote: boolean;
    status: "DRAFT" | "SUBMITTED";
    submittedAt: Date | null;
    version: number;
    updatedById: string;
    createdAt: Date;
    updatedAt: Date;
  }[];
};

/** Insert order: every table comes after the tables it references. */
export const DEMO_TABLES = [
  "cycles",
  "cyclePrompts",
  "organizations",
  "organizationFreedoms",
  "users",
  "passwords",
  "memberships",
  "commitments",
  "commitmentUpdates",
  "practices",
  "practiceFreedoms",
  "reflections",
] as const satisfies readonly (keyof DemoRows)[];

export const DEMO_ADMIN_EMAIL = "admin@northstar.example";
export const DEMO_STAFF_EMAILS = ["staff@northstar.example", "staff2@northstar.example"] as const;
export const DEMO_TWO_ORG_EMAIL = "both@northstar.example";
/** Every demo account's address ends in this reserved top-level domain (RFC 2606). */
/** The first two organizations have fixed names, so their sign-ins are the same for every seed. */
export const FEATURED_ORGS = [
  { name: "Comité de Trabajadores del Valle", slug: "comite-de-trabajadores-del-valle", region: "CA", lang: "es" },
  { name: "Fuerza Migrante", slug: "fuerza-migrante", region: "TX", lang: "es" },
] as const;
export const demoLeadEmail = (orgSlug: string) => `lead@${orgSlug}${DEMO_EMAIL_SUFFIX}`;
export const demoMemberEmail = (orgSlug: string, n: number) => `member${n}@${orgSlug}${DEMO_EMAIL_SUFFIX}`;

// ---------------------------------------------------------------------------------------------------------
// Generation

const DAY = 86_400_000;
const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const startOfDay = (ms: number) => ms - (((ms % DAY) + DAY) % DAY);

function slugify(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type OrgProfile = DemoRows["organizations"][number] & { lang: Lang; focus: string[] };
type Cycle = DemoRows["cycles"][number];

type Context = {
  opts: DemoOptions;
  nowMs: number;
  today: number;
  cycles: Cycle[];
  profiles: OrgProfile[];
  twoOrgUserId: string;
  header: DemoRows;
};

function emptyDemoRows(): DemoRows {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as DemoRows;
}

function prepare(opts: DemoOptions): Context {
  const { orgs, years, seed, now, framework } = opts;
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error(`orgs must be a positive integer, got ${orgs}`);
  if (!Number.isInteger(years) || years < 1) throw new Error(`years must be a positive integer, got ${years}`);
  if (!framework.values.length || !framework.freedoms.length || !framework.rubricLevels.length) {
    throw new Error("The framework has no active values, freedoms or rubric levels: seed the framework first");
  }
  const rng = createRng(`${seed}:coalition`);
  const nowMs = now.getTime();
  const today = startOfDay(nowMs);
  const endYear = now.getUTCFullYear();
  const startYear = endYear - years + 1;
  const header = emptyDemoRows();

  for (let year = startYear; year <= endYear; year++) {
    const createdAt = new Date(Math.min(nowMs, utcDay(year - 1, 12, 1)));
    const cycle: Cycle = {
      id: rng.id(),
      year,
      opensOn: new Date(utcDay(year, 1, 1)),
      closesOn: new Date(utcDay(year, 12, 31)),
      status: year < endYear ? "CLOSED" : "OPEN",
      createdAt,
      updatedAt: createdAt,
    };
    header.cycles.push(cycle);
    for (const value of framework.values) {
      const prompts = (VALUE_TEXT[value.slug] ?? GENERIC).prompts;
      header.cyclePrompts.push({ cycleId: cycle.id, valueId: value.id, prompt: prompts[year % prompts.length] });
    }
  }

  const coalitionSince = new Date(Math.min(nowMs, utcDay(startYear, 1, 1)));
  const person = (email: string, coalitionRole: "NONE" | "STAFF" | "ADMIN") => {
    const user = {
      id: rng.id(),
      email,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      locale: rng.pick(["en", "es"] as const),
      coalitionRole,
      createdAt: coalitionSince,
      updatedAt: coalitionSince,
    };
    header.users.push(user);
    header.passwords.push({ userId: user.id, hash: opts.passwordHash, updatedAt: coalitionSince });
    return user;
  };
  person(DEMO_ADMIN_EMAIL, "ADMIN");
  for (const email of DEMO_STAFF_EMAILS) person(email, "STAFF");
  const twoOrgUserId = person(DEMO_TWO_ORG_EMAIL, "NONE").id;

  // Names and slugs are chosen up front: they must be unique across the whole coalition.
  const names = new Set<string>();
  const slugs = new Set<string>();
  const bandOrder = rng.shuffle(SIZE_BANDS); // the first four organizations cover every size band
  const profiles: OrgProfile[] = [];
  for (let i = 0; i < orgs; i++) {
    const featured = FEATURED_ORGS[i];
    const region: Region = featured?.region ?? rng.weighted(REGION_WEIGHTS);
    let name: string = featured?.name ?? "";
    let lang: Lang = featured?.lang ?? "en";
    if (!featured) {
      const [base, baseLang] = rng.pick(ORG_NAMES);
      lang = baseLang;
      name = base;
      for (let tries = 0; names.has(name) && tries < 4; tries++)
        name = `${base} ${lang === "es" ? "de" : "of"} ${rng.pick(REGIONS[region])}`;
      for (let n = 2, stem = name; names.has(name); n++) name = `${stem} ${n}`;
    }
    names.add(name);
    let slug = slugify(name);
    for (let n = 2, stem = slug; slugs.has(slug); n++) slug = `${stem}-${n}`;
    slugs.add(slug);

    const sizeBand = i < bandOrder.length ? bandOrder[i] : rng.weighted(SIZE_WEIGHTS);
    const impactedLed = i < 3 ? i !== 2 : rng.chance(0.6);
    const extras = EXTRA_LANGUAGES[region] ?? ANY_EXTRA_LANGUAGE;
    const languages = ["en", "es"];
    for (const p of [0.3, 0.08]) {
      const extra = rng.pick(extras);
      if (rng.chance(p) && !languages.includes(extra)) languages.push(extra);
    }
    const focus = rng
      .shuffle(framework.freedoms)
      .slice(0, rng.int(1, 3))
      .map((f) => f.id);
    const joinsLater = years > 1 && i >= 4 && rng.chance(0.3);
    const joinYear = joinsLater ? rng.int(startYear + 1, endYear) : startYear;
    const lastJoinDay = Math.min(today, joinsLater ? utcDay(joinYear, 12, 31) : utcDay(joinYear, 3, 31));
    const joinedMs =
      utcDay(joinYear, 1, 1) + rng.int(0, Math.max(0, (lastJoinDay - utcDay(joinYear, 1, 1)) / DAY)) * DAY;
    const createdAt = new Date(Math.min(nowMs, joinedMs + rng.int(8, 18) * 3_600_000));
    profiles.push({
      id: rng.id(),
      slug,
      name,
      region,
      sizeBand,
      impactedLed,
      languages,
      timeZone: regionTimeZone(region) ?? DEFAULT_TIME_ZONE,
      joinedAt: new Date(joinedMs),
      createdAt,
      updatedAt: createdAt,
      lang,
      focus,
    });
  }
  return { opts, nowMs, today, cycles: header.cycles, profiles, twoOrgUserId, header };
}

function appendOrg(ctx: Context, index: number, out: DemoRows) {
  const { opts, nowMs, today } = ctx;
  const { values, freedoms, rubricLevels } = opts.framework;
  const rng = createRng(`${opts.seed}:org:${index}`);
  const { lang: orgLang, focus, ...org } = ctx.profiles[index];
  const profile = SIZE_PROFILE[org.sizeBand];
  out.organizations.push(org);
  for (const freedomId of focus) out.organizationFreedoms.push({ organizationId: org.id, freedomId });
  const textLang = (): Lang => (rng.chance(orgLang === "es" ? 0.75 : 0.2) ? "es" : "en");
  const joined = org.joinedAt.getTime();

  // People: one lead and a few members; the two-organization person belongs to the first two.
  const authors: string[] = [];
  const addPerson = (email: string, role: "LEAD" | "MEMBER") => {
    const createdAt = org.createdAt;
    const user = {
      id: rng.id(),
      email,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      locale: textLang(),
      coalitionRole: "NONE" as const,
      createdAt,
      updatedAt: createdAt,
    };
    out.users.push(user);
    out.passwords.push({ userId: user.id, hash: opts.passwordHash, updatedAt: createdAt });
    out.memberships.push({ id: rng.id(), userId: user.id, organizationId: org.id, role, createdAt });
    authors.push(user.id);
  };
  addPerson(demoLeadEmail(org.slug), "LEAD");
  const members = rng.int(...profile.members);
  for (let n = 1; n <= members; n++) addPerson(demoMemberEmail(org.slug, n), "MEMBER");
  if (index < 2) {
    out.memberships.push({
      id: rng.id(),
      userId: ctx.twoOrgUserId,
      organizationId: org.id,
      role: "MEMBER",
      createdAt: org.createdAt,
    });
    authors.push(ctx.twoOrgUserId);
  }
  const lead = authors[0];

  // Self-assessed rubric level per value, drifting upward year by year.
  const minLevel = Math.min(...rubricLevels);
  const maxLevel = Math.max(...rubricLevels);
  const level = new Map(
    values.map((v) => [
      v.id,
      Math.min(
        maxLevel,
        minLevel + (rng.chance(0.45) ? 1 : 0) + (org.impactedLed && v.slug === "leaderful-movement" ? 1 : 0),
      ),
    ]),
  );
  let previous = new Map<string, DemoRows["commitments"]>();
  let active = 0; // cycles the organization has taken part in so far

  for (const cycle of ctx.cycles) {
    const yearStart = cycle.opensOn.getTime();
    const from = Math.max(yearStart, joined);
    const to = Math.min(cycle.closesOn.getTime(), today);
    if (from > to) continue;
    const closed = cycle.status === "CLOSED";
    const endOfWindow = Math.min(to + DAY - 1, nowMs);
    if (active++) {
      for (const [id, l] of level)
        level.set(id, Math.max(minLevel, Math.min(maxLevel, l + (rng.chance(0.3) ? 1 : rng.chance(0.05) ? -1 : 0))));
    }

    // Commitments and their timelines
    const byValue = new Map<string, DemoRows["commitments"]>();
    const order = rng.shuffle(values);
    const count = rng.int(2, 6);
    for (let j = 0; j < count; j++) {
      const value = order[j % order.length];
      const lang = textLang();
      const options = (VALUE_TEXT[value.slug] ?? GENERIC).commitments[lang];
      const carried = (previous.get(value.id) ?? []).find((c) => c.status === "IN_PROGRESS" || c.status === "PAUSED");
      const taken = (byValue.get(value.id) ?? []).map((c) => c.title);
      const copy = carried && !taken.includes(carried.title) && rng.chance(0.5) ? carried : undefined;
      const fresh = options.filter(([t]) => !taken.includes(t));
      const [title, indicator] = rng.pick(fresh.length ? fresh : options);
      const withTarget = rng.chance(0.5);
      const status: CommitmentStatus = closed
        ? rng.weighted({ ACHIEVED: 55, PAUSED: 15, DROPPED: 15, IN_PROGRESS: 15 })
        : rng.weighted({ PLANNED: 40, IN_PROGRESS: 60 });
      const progress = {
        ACHIEVED: 100,
        IN_PROGRESS: rng.int(closed ? 40 : 5, closed ? 90 : 80),
        PAUSED: rng.int(20, 70),
        DROPPED: rng.int(0, 50),
        PLANNED: 0,
      }[status];
      const createdMs = Math.min(endOfWindow, from + rng.int(0, 30) * DAY + rng.int(9, 20) * 3_600_000);
      const commitment: DemoRows["commitments"][number] = {
        id: rng.id(),
        organizationId: org.id,
        valueId: value.id,
        cycleId: cycle.id,
        title: copy?.title ?? title,
        description:
          lang === "es" ? "Acordado en la asamblea de inicio de año." : "Agreed at the start-of-year assembly.",
        indicator: copy ? copy.indicator : withTarget ? indicator : null,
        target: copy ? copy.target : withTarget ? String(rng.int(2, 12)) : null,
        status,
        progress,
        version: 1,
        copiedFromId: copy?.id ?? null,
        createdAt: new Date(createdMs),
        updatedAt: new Date(createdMs),
      };
      const updates = status === "PLANNED" ? 0 : rng.int(0, 4);
      const times = Array.from({ length: updates }, () => rng.time(createdMs, endOfWindow)).sort((a, b) => a - b);
      const steps = Array.from({ length: updates }, (_, k) =>
        k === updates - 1 ? progress : rng.int(0, progress),
      ).sort((a, b) => a - b);
      for (let k = 0; k < updates; k++) {
        const last = k === updates - 1;
        out.commitmentUpdates.push({
          id: rng.id(),
          organizationId: org.id,
          commitmentId: commitment.id,
          status: last ? status : steps[k] > 0 ? "IN_PROGRESS" : "PLANNED",
          progress: steps[k],
          note: rng.pick(
            UPDATE_NOTES[lang][
              last && status !== "IN_PROGRESS" && status !== "PLANNED" ? status : k === 0 ? "first" : "later"
            ],
          ),
          authorId: rng.pick(authors),
          createdAt: new Date(times[k]),
        });
      }
      if (updates) commitment.updatedAt = new Date(times[updates - 1]);
      commitment.version = 1 + updates;
      out.commitments.push(commitment);
      byValue.set(value.id, [...(byValue.get(value.id) ?? []), commitment]);
    }
    previous = byValue;

    // Practices: fewer in a partial year; impacted-led organizations count more directly impacted people.
    const share = (to - from + DAY) / (cycle.closesOn.getTime() - yearStart + DAY);
    const practices = Math.max(1, Math.round(rng.int(...profile.practices) * share));
    const committed = values.filter((v) => byValue.has(v.id));
    for (let j = 0; j < practices; j++) {
      const value = committed.length && rng.chance(0.65) ? rng.pick(committed) : rng.pick(values);
      const linked = byValue.get(value.id);
      const lang = textLang();
      const occurred = from + rng.int(0, Math.floor((to - from) / DAY)) * DAY;
      const createdMs = Math.min(nowMs, occurred + rng.int(0, 3) * DAY + rng.int(8, 22) * 3_600_000);
      const deletedMs = rng.chance(0.03) ? Math.min(nowMs, createdMs + rng.int(1, 30) * DAY) : null;
      const participants = rng.chance(0.05) ? 0 : 1 + Math.floor((profile.maxParticipants - 1) * rng.float() ** 2.2);
      const impactedShare = org.impactedLed ? 0.65 + 0.35 * rng.float() : 0.1 + 0.5 * rng.float();
      const practice: DemoRows["practices"][number] = {
        id: rng.id(),
        organizationId: org.id,
        valueId: value.id,
        commitmentId: linked && rng.chance(0.45) ? rng.pick(linked).id : null,
        occurredOn: new Date(occurred),
        title: rng.pick((VALUE_TEXT[value.slug] ?? GENERIC).practices[lang]),
        notes: rng.chance(0.5) ? rng.pick(NOTES[lang]) : "",
        participants,
        impactedParticipants: Math.min(participants, Math.round(participants * impactedShare)),
        visibility: rng.weighted(VISIBILITY_PRACTICE),
        version: rng.chance(0.2) ? 2 : 1,
        createdById: rng.pick(authors),
        deletedAt: deletedMs === null ? null : new Date(deletedMs),
        createdAt: new Date(createdMs),
        updatedAt: new Date(deletedMs ?? createdMs),
      };
      out.practices.push(practice);
      const advanced = new Set<string>([rng.chance(0.7) ? rng.pick(focus) : rng.pick(freedoms).id]);
      if (rng.chance(0.35)) advanced.add(rng.pick(freedoms).id);
      for (const freedomId of advanced)
        out.practiceFreedoms.push({ practiceId: practice.id, freedomId, organizationId: org.id });
    }

    // Reflections: past cycles mostly submitted in November or December; this year's still being written.
    const lang = textLang();
    // the lead submits a year's reflection whole, every value at once; a year not submitted has drafts and gaps
    const yearSubmitted = rng.chance(closed ? 0.85 : 0.25);
    const yearSubmittedMs = !yearSubmitted
      ? null
      : closed
        ? rng.time(Math.max(from, utcDay(cycle.year, 11, 1)), endOfWindow)
        : rng.time(from, endOfWindow);
    for (const value of values) {
      const status = yearSubmitted ? "SUBMITTED" : closed ? "DRAFT" : rng.weighted({ DRAFT: 40, MISSING: 35 });
      if (status === "MISSING") continue;
      const submitted = status === "SUBMITTED";
      const submittedMs = submitted ? yearSubmittedMs : null;
      const createdMs =
        submittedMs !== null
          ? Math.max(from, submittedMs - rng.int(3, 40) * DAY)
          : rng.time(closed ? Math.max(from, utcDay(cycle.year, 9, 1)) : from, endOfWindow);
      const visibility = rng.weighted(VISIBILITY_REFLECTION);
      const text = (list: Record<Lang, string[]>) => (submitted || rng.chance(0.5) ? rng.pick(list[lang]) : "");
      out.reflections.push({
        id: rng.id(),
        organizationId: org.id,
        valueId: value.id,
        cycleId: cycle.id,
        rubricLevel: submitted || rng.chance(0.6) ? level.get(value.id)! : null,
        wentWell: text(WENT_WELL),
        challenges: text(CHALLENGES),
        nextSteps: text(NEXT_STEPS),
        visibility,
        consentToQuote: visibility === "PUBLIC" && rng.chance(0.5),
        status,
        submittedAt: submittedMs === null ? null : new Date(submittedMs),
        version: rng.int(1, 4),
        updatedById: submitted ? lead : rng.pick(authors),
        createdAt: new Date(createdMs),
        updatedAt: new Date(submittedMs ?? createdMs),
      });
    }
  }
}

/**
 * The demo coalition in batches of organizations: first the cycles, prompts and coalition accounts, then
 * `orgsPerBatch` organizations with everything they own per batch. The rows do not depend on the batch size.
 */
export function* generateDemoBatches(opts: DemoOptions, orgsPerBatch = 100): Generator<DemoRows> {
  const ctx = prepare(opts);
  yield ctx.header;
  for (let start = 0; start < opts.orgs; start += orgsPerBatch) {
    const rows = emptyDemoRows();
    for (let i = start; i < Math.min(opts.orgs, start + orgsPerBatch); i++) appendOrg(ctx, i, rows);
    yield rows;
  }
}

/** The whole demo coalition at once (tests and small seeds; large ones go through generateDemoBatches). */
export function generateDemo(opts: DemoOptions): DemoRows {
  const all = emptyDemoRows();
  for (const batch of generateDemoBatches(opts)) {
    for (const table of DEMO_TABLES) {
      const target: unknown[] = all[table];
      for (const row of batch[table]) target.push(row);
    }
  }
  return all;
}
