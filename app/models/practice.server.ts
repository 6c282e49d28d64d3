// Practices: what an organization did, dated, against a value. Every write keeps the dashboard summaries
// current in its own transaction, writes an audit event (never the text), and carries the version it saw.
import { randomBytes } from "node:crypto";
import { Prisma as Sql, type Prisma as PrismaNamespace, type Visibility } from "~/generated/prisma/client";
import { audit, auditInsert } from "~/models/audit.server";
import type { PracticeInput } from "~/models/practice-schema";
import { earlierSubmission } from "~/models/submission-key.server";
import { ensureOrganizationYears } from "~/models/movement-rollup.server";
import { adjustPracticeRollups, practiceRollupCtes, type RolledUpPractice } from "~/models/practice-rollup.server";
import { updateVersioned } from "~/models/versioned.server";
import { runPrepared, type Prisma } from "~/utils/db.server";
import { failure, success, type Result } from "~/utils/result";
import { getCommitmentOptions, getFrameworkOptions, type FrameworkOption } from "~/models/practice-options.server";
import { DEFAULT_TIME_ZONE } from "~/models/organization-options";
import { dayIn, isTimeZone, zoneName } from "~/utils/time-zone";
import type { Locale } from "~/utils/localized";

type Tx = PrismaNamespace.TransactionClient;

/** Field errors (i18n keys) when the ids in the input do not belong to this organization and date. */
export async function checkPracticeReferences({
  prisma,
  organizationId,
  input,
}: {
  prisma: Prisma | Tx;
  organizationId: string;
  input: PracticeInput;
}) {
  const year = Number(input.occurredOn.slice(0, 4));
  const [value, commitment, freedoms] = await Promise.all([
    prisma.value.findFirst({ where: { id: input.valueId, archivedAt: null }, select: { id: true } }),
    input.commitmentId
      ? prisma.commitment.findFirst({
          where: { id: input.commitmentId, organizationId },
          select: { valueId: true, cycle: { select: { year: true } } },
        })
      : null,
    prisma.freedom.count({ where: { id: { in: input.freedomIds }, archivedAt: null } }),
  ]);
  const errors: Record<string, string[]> = {};
  if (!value) errors.valueId = ["validation.invalidChoice"];
  if (input.commitmentId && (!commitment || commitment.valueId !== input.valueId || commitment.cycle.year !== year)) {
    errors.commitmentId = ["practice:errors.commitmentMismatch"];
  }
  if (freedoms !== new Set(input.freedomIds).size) errors.freedomIds = ["validation.invalidChoice"];
  return Object.keys(errors).length ? errors : null;
}

function data(input: PracticeInput) {
  return {
    title: input.title,
    notes: input.notes ?? "",
    occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
    valueId: input.valueId,
    commitmentId: input.commitmentId || null,
    participants: input.participants,
    impactedParticipants: input.impactedParticipants,
    visibility: input.visibility as Visibility,
    // consent to be named only means something for what may be published (a CHECK holds it too)
    consentToQuote: input.visibility === "PUBLIC" && input.consentToQuote === true,
  };
}

const summaryOf = (
  organizationId: string,
  p: { valueId: string; occurredOn: Date; participants: number; impactedParticipants: number },
  freedomIds: string[],
): RolledUpPractice => ({
  organizationId,
  valueId: p.valueId,
  occurredOn: p.occurredOn,
  participants: p.participants,
  impactedParticipants: p.impactedParticipants,
  freedomIds: [...new Set(freedomIds)].sort(),
});

/**
 * Makes the organization's row for a year and commits it on its own, before a save that needs it.
 * NOTE: making it counts the organization in the movement's participation row; a transaction that made it and
 * went on to lock the movement's other rows would hold that row while waiting for them, and deadlock with
 * saves that lock them in their statement's order (that row last).
 */
async function commitYearRow(prisma: Prisma, organizationId: string, year: number) {
  await prisma.$transaction((tx) => ensureOrganizationYears(tx, organizationId, [year]));
}

export async function createPractice({
  prisma,
  organizationId,
  actorId,
  submissionKey,
  input,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  submissionKey: string;
  input: PracticeInput;
}): Promise<Result<{ id: string; created: boolean }, "conflict">> {
  const id = newId();
  const freedomIds = [...new Set(input.freedomIds)];
  const d = data(input);
  const now = new Date();
  const year = d.occurredOn.getUTCFullYear();
  const yearRow = Sql.sql`SELECT 1 FROM "OrganizationYear" WHERE "organizationId" = ${organizationId} AND "year" = ${year}::int`;
  // The whole save is one statement, committed on its own (no transaction held open across round trips, which
  // cost the server more than PostgreSQL spends on the save): it claims the submission key (naming the new
  // practice), inserts the practice, its freedoms and its audit event when the claim succeeds, and moves every
  // summary (practiceRollupCtes). The claim needs the organization's row for the year, which every summary
  // hangs on: its first practice of a year makes that row first.
  const save = async (db: Prisma | Tx) => {
    const [row] = await runPrepared<{ claimed: number; hasYear: boolean }>(
      db,
      Sql.sql`
      WITH claim AS (
        INSERT INTO "SubmissionKey" ("key", "organizationId", "entityType", "entityId")
        SELECT ${submissionKey}, ${organizationId}, 'Practice', ${id} WHERE EXISTS (${yearRow})
        ON CONFLICT ("key") DO NOTHING
        RETURNING 1
      ),
      practice AS (
        INSERT INTO "Practice" ("id", "organizationId", "createdById", "title", "notes", "occurredOn", "valueId", "commitmentId",
          "participants", "impactedParticipants", "visibility", "consentToQuote", "createdAt", "updatedAt")
        SELECT ${id}, ${organizationId}, ${actorId}, ${d.title}, ${d.notes}, ${d.occurredOn}::date, ${d.valueId}, ${d.commitmentId},
          ${d.participants}::int, ${d.impactedParticipants}::int, ${d.visibility}::"Visibility", ${d.consentToQuote}::boolean, ${now}::timestamp(3), ${now}::timestamp(3)
        FROM claim
        RETURNING "id"
      ),
      freedoms AS (
        INSERT INTO "PracticeFreedom" ("practiceId", "freedomId", "organizationId")
        SELECT practice."id", f, ${organizationId} FROM practice, unnest(${freedomIds}::text[]) AS f
      ),
      event AS (${auditInsert({ action: "practice.created", actorId, organizationId, entityType: "Practice", entityId: id }, now, Sql.sql`FROM practice`)}),
      ${practiceRollupCtes(summaryOf(organizationId, d, freedomIds), 1, Sql.sql`EXISTS (SELECT 1 FROM claim)`)}
      SELECT (SELECT count(*) FROM claim)::int AS "claimed", EXISTS (${yearRow}) AS "hasYear"`,
    );
    return row;
  };
  let row = await save(prisma);
  if (!row.claimed && !row.hasYear) {
    await commitYearRow(prisma, organizationId, year);
    row = await save(prisma);
  }
  if (!row.claimed) {
    const earlier = await earlierSubmission(prisma, { key: submissionKey, organizationId, entityType: "Practice" });
    return earlier.ok ? success({ id: earlier.value, created: false }) : earlier;
  }
  return success({ id, created: true });
}

let idCounter = 0;
/**
 * A new record id shaped like the cuids Prisma makes ("c" and 24 base-36 digits), for a row inserted by hand,
 * and ordered by time as theirs are (milliseconds, a counter, then randomness): new ids land at the end of the
 * primary key's index, where a random one would touch (and write out) a page anywhere in millions of rows.
 */
function newId() {
  const bytes = randomBytes(8);
  idCounter = (idCounter + 1) % 1679616;
  return (
    "c" +
    Date.now().toString(36).padStart(8, "0") +
    idCounter.toString(36).padStart(4, "0") +
    (bytes.readUInt32BE(0) % 2176782336).toString(36).padStart(6, "0") +
    (bytes.readUInt32BE(4) % 2176782336).toString(36).padStart(6, "0")
  );
}

const liveSelect = {
  id: true,
  version: true,
  deletedAt: true,
  valueId: true,
  occurredOn: true,
  participants: true,
  impactedParticipants: true,
  freedoms: { select: { freedomId: true } },
} as const;

async function readPractice(tx: Tx, organizationId: string, id: string) {
  return tx.practice.findFirst({ where: { id, organizationId }, select: liveSelect });
}

export async function updatePractice({
  prisma,
  organizationId,
  actorId,
  id,
  version,
  input,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  id: string;
  version: number;
  input: PracticeInput;
}): Promise<Result<null, "not-found" | "stale">> {
  // a practice moved into a year its organization has no row for yet: the row first, on its own (only for an
  // edit that will go through: a refused one changes nothing)
  const year = data(input).occurredOn.getUTCFullYear();
  const [editable, hasYear] = await Promise.all([
    prisma.practice.findFirst({ where: { id, organizationId, deletedAt: null, version }, select: { id: true } }),
    prisma.organizationYear.findUnique({
      where: { organizationId_year: { organizationId, year } },
      select: { year: true },
    }),
  ]);
  if (editable && !hasYear) await commitYearRow(prisma, organizationId, year);
  return prisma.$transaction(async (tx) => {
    // the claim locks the row: the summaries below subtract what is stored, not what another save replaces
    const claimed = await updateVersioned(tx.practice, { where: { id, organizationId, deletedAt: null }, version });
    if (!claimed.ok) return claimed;
    const current = (await readPractice(tx, organizationId, id))!;
    const freedomIds = [...new Set(input.freedomIds)];
    const updated = await tx.practice.update({
      where: { id },
      data: {
        ...data(input),
        freedoms: { deleteMany: {}, create: freedomIds.map((freedomId) => ({ freedomId, organizationId })) },
      },
      select: { valueId: true, occurredOn: true, participants: true, impactedParticipants: true },
    });
    await audit(tx, { action: "practice.updated", actorId, organizationId, entityType: "Practice", entityId: id });
    // last before the commit (the movement-wide rows are shared); the old state comes out after the row
    // changed, so the year's latest date is read from what remains
    await adjustPracticeRollups(
      tx,
      summaryOf(
        organizationId,
        current,
        current.freedoms.map((f) => f.freedomId),
      ),
      -1,
    );
    await adjustPracticeRollups(tx, summaryOf(organizationId, updated, freedomIds), 1);
    return success();
  });
}

/** Soft delete (undo brings it back) or undo: the summaries follow, in the same transaction. */
export async function setPracticeDeleted({
  prisma,
  organizationId,
  actorId,
  id,
  deleted,
}: {
  prisma: Prisma;
  organizationId: string;
  actorId: string;
  id: string;
  deleted: boolean;
}): Promise<Result<null, "not-found">> {
  return prisma.$transaction(async (tx) => {
    // FOR UPDATE: a delete and an undo of one practice run one after the other, so the summaries move once
    await tx.$queryRaw`SELECT 1 FROM "Practice" WHERE "id" = ${id} AND "organizationId" = ${organizationId} FOR UPDATE`;
    const current = await readPractice(tx, organizationId, id);
    if (!current) return failure("not-found");
    if (Boolean(current.deletedAt) === deleted) return success(); // already so: a repeated click
    await tx.practice.update({
      where: { id },
      data: { deletedAt: deleted ? new Date() : null, version: { increment: 1 } },
    });
    await audit(tx, {
      action: deleted ? "practice.deleted" : "practice.restored",
      actorId,
      organizationId,
      entityType: "Practice",
      entityId: id,
    });
    await adjustPracticeRollups(
      tx,
      summaryOf(
        organizationId,
        current,
        current.freedoms.map((f) => f.freedomId),
      ),
      deleted ? -1 : 1,
    );
    return success();
  });
}

/** One practice of this organization, for its page and its edit form; null for anything else (another org's is a 404). */
export async function getPractice({
  prisma,
  organizationId,
  id,
}: {
  prisma: Prisma;
  organizationId: string;
  id: string;
}) {
  const p = await prisma.practice.findFirst({
    where: { id, organizationId },
    select: {
      id: true,
      title: true,
      notes: true,
      occurredOn: true,
      valueId: true,
      commitmentId: true,
      commitment: { select: { title: true } },
      participants: true,
      impactedParticipants: true,
      visibility: true,
      consentToQuote: true,
      version: true,
      deletedAt: true,
      freedoms: { select: { freedomId: true } },
    },
  });
  if (!p) return null;
  const { freedoms, deletedAt, commitment, ...rest } = p;
  return {
    ...rest,
    commitmentTitle: commitment?.title ?? null,
    deleted: deletedAt !== null,
    occurredOn: p.occurredOn.toISOString().slice(0, 10),
    freedomIds: freedoms.map((f) => f.freedomId),
  };
}

/**
 * "Today" for a practice of this organization: the calendar day in the zone the browser reported (`hint`,
 * from timeZoneHint), else in the organization's zone. It is both the form's default and the latest date
 * the server accepts, so a practice is never dated tomorrow by surprise.
 */
export async function getPracticeCalendar({
  prisma,
  organizationId,
  hint,
  now = new Date(),
}: {
  prisma: Prisma;
  organizationId: string;
  hint: string | null;
  now?: Date;
}) {
  let timeZone = hint;
  if (!timeZone) {
    const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { timeZone: true } });
    timeZone = org && isTimeZone(org.timeZone) ? org.timeZone : DEFAULT_TIME_ZONE;
  }
  return { timeZone, today: dayIn(timeZone, now) };
}

/**
 * What the practice form offers: the active values and freedoms, the commitments a practice dated this year
 * or last year (or in `alsoYear`, an edited practice's own year) may count toward, and "today".
 */
export async function getPracticeFormOptions({
  prisma,
  organizationId,
  locale,
  hint,
  alsoYear,
}: {
  prisma: Prisma;
  organizationId: string;
  locale: Locale;
  hint: string | null;
  alsoYear?: number;
}) {
  const calendar = await getPracticeCalendar({ prisma, organizationId, hint });
  const year = Number(calendar.today.slice(0, 4));
  const [framework, commitments] = await Promise.all([
    getFrameworkOptions({ prisma, locale }),
    // a practice early in the year may still count toward last year's commitments
    getCommitmentOptions({
      prisma,
      organizationId,
      years: [...new Set([year, year - 1, ...(alsoYear ? [alsoYear] : [])])],
    }),
  ]);
  const option = ({ id, slug, name, color }: FrameworkOption) => ({ id, slug, name, color });
  return {
    calendar: { ...calendar, zoneName: zoneName(calendar.timeZone, locale) },
    values: framework.values.map(option),
    freedoms: framework.freedoms.map(option),
    commitments,
  };
}
