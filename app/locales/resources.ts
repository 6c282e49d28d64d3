// The catalogs are bundled into the server and the browser: no i18next backend, no extra requests.
// One namespace per area of the app, so each area's messages live in one file per language.
import enAdmin from "~/locales/en/admin.json";
import enAuth from "~/locales/en/auth.json";
import enCommon from "~/locales/en/common.json";
import enEmail from "~/locales/en/email.json";
import enInvite from "~/locales/en/invite.json";
import enOrg from "~/locales/en/org.json";
import enWorkspace from "~/locales/en/workspace.json";
import enReflection from "~/locales/en/reflection.json";
import enCommitment from "~/locales/en/commitment.json";
import enPractice from "~/locales/en/practice.json";
import enCycle from "~/locales/en/cycle.json";
import enFramework from "~/locales/en/framework.json";
import enAccount from "~/locales/en/account.json";
import esAdmin from "~/locales/es/admin.json";
import esAuth from "~/locales/es/auth.json";
import esCommon from "~/locales/es/common.json";
import esEmail from "~/locales/es/email.json";
import esInvite from "~/locales/es/invite.json";
import esOrg from "~/locales/es/org.json";
import esWorkspace from "~/locales/es/workspace.json";
import esReflection from "~/locales/es/reflection.json";
import esCommitment from "~/locales/es/commitment.json";
import esPractice from "~/locales/es/practice.json";
import esCycle from "~/locales/es/cycle.json";
import esFramework from "~/locales/es/framework.json";
import esAccount from "~/locales/es/account.json";
import enMovement from "~/locales/en/movement.json";
import esMovement from "~/locales/es/movement.json";

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    admin: enAdmin,
    org: enOrg,
    email: enEmail,
    invite: enInvite,
    practice: enPractice,
    commitment: enCommitment,
    reflection: enReflection,
    workspace: enWorkspace,
    cycle: enCycle,
    framework: enFramework,
    account: enAccount,
    movement: enMovement,
  },
  es: {
    common: esCommon,
    auth: esAuth,
    admin: esAdmin,
    org: esOrg,
    email: esEmail,
    invite: esInvite,
    practice: esPractice,
    commitment: esCommitment,
    reflection: esReflection,
    workspace: esWorkspace,
    cycle: esCycle,
    framework: esFramework,
    account: esAccount,
    movement: esMovement,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
