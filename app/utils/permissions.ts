// The one permission matrix. Organization roles grant rights inside their organization only; coalition
// roles grant movement-wide rights and never an organization's private content or the right to edit it.
// Checked on the server by app/utils/auth.server.ts; the UI may use `can` only to hide what would be refused.
// Every permission here guards a route: a right nothing checks is not listed.

export const ORG_PERMISSIONS = [
  "read:org",
  "read:practice",
  "write:practice",
  "read:commitment",
  "write:commitment",
  "read:reflection",
  "write:reflection",
  "submit:reflection",
  "read:member",
  "manage:member",
] as const;
export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

export const COALITION_PERMISSIONS = [
  "read:movement",
  "read:shared-content",
  "manage:cycle",
  "send:reminder",
  "manage:framework",
  "manage:region",
  "manage:organization",
  "manage:people",
  "read:audit",
] as const;
export type CoalitionPermission = (typeof COALITION_PERMISSIONS)[number];

export type OrgRole = "MEMBER" | "LEAD";
export type CoalitionRoleName = "NONE" | "STAFF" | "ADMIN";

const MEMBER: OrgPermission[] = [
  "read:org",
  "read:practice",
  "write:practice",
  "read:commitment",
  "write:commitment",
  "read:reflection",
  "write:reflection",
  "read:member",
];

export const ORG_MATRIX: Record<OrgRole, readonly OrgPermission[]> = {
  MEMBER,
  LEAD: [...MEMBER, "submit:reflection", "manage:member"],
};

// Staff follow the cycle (read it, remind and pause organizations); admins create, open and close it.
const STAFF: CoalitionPermission[] = ["read:movement", "read:shared-content", "send:reminder"];

export const COALITION_MATRIX: Record<CoalitionRoleName, readonly CoalitionPermission[]> = {
  NONE: [],
  STAFF,
  ADMIN: [
    ...STAFF,
    "manage:cycle",
    "manage:framework",
    "manage:region",
    "manage:organization",
    "manage:people",
    "read:audit",
  ],
};

export function orgRoleCan(role: OrgRole | null | undefined, permission: OrgPermission) {
  return role ? ORG_MATRIX[role].includes(permission) : false;
}

export function coalitionRoleCan(role: CoalitionRoleName | null | undefined, permission: CoalitionPermission) {
  return role ? COALITION_MATRIX[role].includes(permission) : false;
}
