import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { COALITION_PERMISSIONS, coalitionRoleCan, ORG_PERMISSIONS, orgRoleCan } from "~/utils/permissions";

// The policy, written out independently of the matrix: every role against every permission.
const ORG_ALLOWED: Record<"MEMBER" | "LEAD", string[]> = {
  MEMBER: [
    "read:org",
    "read:practice",
    "write:practice",
    "read:commitment",
    "write:commitment",
    "read:reflection",
    "write:reflection",
    "read:member",
  ],
  LEAD: [
    "read:org",
    "read:practice",
    "write:practice",
    "read:commitment",
    "write:commitment",
    "read:reflection",
    "write:reflection",
    "read:member",
    "submit:reflection",
    "manage:member",
  ],
};

const COALITION_ALLOWED: Record<"NONE" | "STAFF" | "ADMIN", string[]> = {
  NONE: [],
  STAFF: ["read:movement", "read:shared-content", "send:reminder"],
  ADMIN: [
    "read:movement",
    "read:shared-content",
    "send:reminder",
    "manage:cycle",
    "manage:framework",
    "manage:region",
    "manage:organization",
    "manage:people",
    "read:audit",
  ],
};

describe("permission matrix", () => {
  for (const role of ["MEMBER", "LEAD"] as const) {
    for (const permission of ORG_PERMISSIONS) {
      const allowed = ORG_ALLOWED[role].includes(permission);
      test(`org ${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(orgRoleCan(role, permission)).toBe(allowed);
      });
    }
  }
  for (const role of ["NONE", "STAFF", "ADMIN"] as const) {
    for (const permission of COALITION_PERMISSIONS) {
      const allowed = COALITION_ALLOWED[role].includes(permission);
      test(`coalition ${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(coalitionRoleCan(role, permission)).toBe(allowed);
      });
    }
  }

  test("no role outside an organization gets an organization permission", () => {
    for (const permission of ORG_PERMISSIONS) expect(orgRoleCan(null, permission)).toBe(false);
  });

  test("members never submit reflections or manage members", () => {
    for (const p of ["submit:reflection", "manage:member"] as const) expect(orgRoleCan("MEMBER", p)).toBe(false);
  });

  test("every permission guards something: a route or model checks it by name", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/permissions(\.test)?\.ts$/.test(entry.name))
          sources.push(fs.readFileSync(file, "utf8"));
      }
    };
    for (const dir of ["routes", "models", "components", "utils"]) walk(path.join(__dirname, "..", dir));
    const unused = [...ORG_PERMISSIONS, ...COALITION_PERMISSIONS].filter(
      (p) => !sources.some((s) => s.includes(`"${p}"`)),
    );
    expect(unused).toEqual([]);
  });
});
