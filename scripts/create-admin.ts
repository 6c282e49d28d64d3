// `npm run create-admin -- --email someone@example.org [--name "Their Name"]`: makes that person a coalition
// admin and prints a one-time link (<APP_URL>/invite/<token>, valid for 7 days) where they choose their
// password. Uses DATABASE_URL when it is set, the embedded database in DATA_DIR otherwise; reads .env like
// `npm start`. Running it again for the same email makes no second account and replaces the unused link.
import fs from "node:fs";
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import { grantAdminByCommand } from "../app/models/admin-invitation.server.ts";
import { DataDirInUseError } from "../app/utils/embedded-db.server.ts";
import { describeStartupError } from "../app/utils/startup-error.ts";
import { emailField, nameField } from "../app/utils/form-fields.ts";

const USAGE = 'usage: npm run create-admin -- --email someone@example.org [--name "Their Name"]';

if (fs.existsSync(".env")) process.loadEnvFile(".env");
// the command never writes demo data, whatever the environment says
process.env.SEED_DEMO = "0";

function parse() {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    // the same rules as the app's forms: a name with something visible in it, of 100 characters at most
    const email = z.safeParse(emailField(), values.email ?? "");
    const name = z.safeParse(z.optional(nameField()), values.name);
    if (!email.success)
      throw new Error(values.email ? `"${values.email}" is not an email address.` : "--email is required.");
    if (!name.success) throw new Error("--name must be 1 to 100 characters, with something visible in it.");
    return { email: email.data, name: name.data };
  } catch (e) {
    // an unknown option lands here too; a password is chosen in the browser, never on the command line
    const password = /--password/.test((e as Error).message)
      ? " The password is chosen in the browser with the link this prints."
      : "";
    console.error(`${(e as Error).message}${password}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const args = parse();
  const { readEnv } = await import("../app/utils/env.server.ts");
  const { closeDb, getDb } = await import("../app/utils/db.server.ts");
  const { seedFramework } = await import("../app/models/framework.server.ts");
  const env = readEnv();
  try {
    const db = await getDb();
    // a new installation: the framework is there for the first admin to start from
    await seedFramework({ prisma: db.prisma });
    const grant = await grantAdminByCommand({
      prisma: db.prisma,
      email: args.email,
      name: args.name,
      appUrl: env.APP_URL,
    });
    if (grant.status === "member") {
      console.error(
        `create-admin: ${args.email} is a member of ${grant.organizations} organization(s), and coalition admins are not members of organizations (their private entries are their members' alone). Use another address for the admin.`,
      );
      process.exitCode = 1;
      return;
    }
    if (grant.status === "signs-in") {
      // a person raised to admin by this run is told so: the run changed a role, not only printed one
      const raised = grant.wasAdmin
        ? "is"
        : `was ${grant.from === "STAFF" ? "coalition staff" : "not on the coalition's staff"} and is now`;
      console.log(
        `${args.email} ${raised} a coalition admin and already has a password: they sign in at ${env.APP_URL.replace(/\/+$/, "")}/login.`,
      );
      console.log(
        `A forgotten password is reset from ${env.APP_URL.replace(/\/+$/, "")}/forgot-password (needs SMTP_URL).`,
      );
      return;
    }
    const who = grant.created
      ? "a new coalition admin"
      : grant.wasAdmin
        ? "a coalition admin"
        : "now a coalition admin";
    console.log(`${args.email} is ${who}.${grant.revoked ? " The earlier link no longer works." : ""}`);
    console.log(
      `Open this link once, within ${Math.round((grant.expiresAt.getTime() - Date.now()) / 86_400_000)} days, to choose the password:`,
    );
    console.log(`  ${grant.link}`);
    console.log("Anyone holding the link can claim the account: hand it over privately.");
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  if (e instanceof DataDirInUseError) {
    console.error(
      `create-admin: ${e.message.split(". ")[0]}. Stop the server (the database opens in one process at a time), run create-admin, then start the server again.`,
    );
  } else {
    console.error(`create-admin: ${describeStartupError(e)}`);
  }
  process.exit(1);
});
