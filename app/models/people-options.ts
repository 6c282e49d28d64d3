/** Coalition roles, as the people page offers them. */
export const COALITION_ROLES = ["NONE", "STAFF", "ADMIN"] as const;
/** The coalition roles an invitation can give. */
export const INVITED_COALITION_ROLES = ["STAFF", "ADMIN"] as const;
/** The organization roles a lead can invite to. */
export const INVITED_MEMBER_ROLES = ["MEMBER", "LEAD"] as const;
