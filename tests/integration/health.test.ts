import { PrismaPg } from "@prisma/adapter-pg";
import { expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseAnswers } from "~/models/health.server";
import { getPrisma } from "~/utils/db.server";

test("the database check is true for a live database", async () => {
  expect(await databaseAnswers({ prisma: await getPrisma() })).toBe(true);
});

test("the database check is false when nothing listens at the address", async () => {
  // port 9 (discard) on loopback: nothing listens there, the connection is refused at once
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:9/postgres" }),
  });
  try {
    expect(await databaseAnswers({ prisma, timeoutMs: 3_000 })).toBe(false);
  } finally {
    await prisma.$disconnect();
  }
});
