// The demo coalition's words: places, names and the texts of practices, commitments and reflections, in
// English and Spanish. Every name here is invented; no text names a person or an immigration status.
// demo-data.ts draws from these lists.
export type Visibility = "PRIVATE" | "COALITION" | "PUBLIC";
export type SizeBand = "VOLUNTEER" | "SMALL" | "MEDIUM" | "LARGE";
export type Lang = "en" | "es";
export type Bilingual = { en: string; es: string };

export const REGIONS = {
  CA: ["Fresno", "Oakland", "Salinas", "San Diego", "Los Ángeles", "Coachella", "Santa Ana", "San José", "Stockton"],
  TX: ["Houston", "El Paso", "San Antonio", "Dallas", "Austin", "McAllen", "Brownsville", "Laredo"],
  NY: ["Queens", "Bronx", "Brooklyn", "Long Island", "Buffalo"],
  IL: ["Chicago", "Aurora", "Waukegan", "Cicero"],
  FL: ["Miami", "Homestead", "Immokalee", "Orlando", "Tampa"],
  AZ: ["Phoenix", "Tucson", "Yuma", "Nogales"],
  GA: ["Atlanta", "Dalton", "Gainesville"],
  WA: ["Seattle", "Yakima", "Wenatchee", "Tacoma"],
  NC: ["Charlotte", "Durham", "Raleigh", "Siler City"],
  NM: ["Albuquerque", "Las Cruces", "Santa Fe"],
  NJ: ["Newark", "Elizabeth", "Paterson", "Trenton"],
  CO: ["Denver", "Greeley", "Pueblo"],
  PR: ["San Juan", "Ponce", "Mayagüez"],
  MA: ["Boston", "Chelsea", "Lawrence", "Framingham"],
  OR: ["Portland", "Salem", "Woodburn"],
  NV: ["Las Vegas", "Reno"],
  MN: ["Minneapolis", "St. Paul", "Worthington"],
  PA: ["Philadelphia", "Kennett Square", "Allentown"],
  MI: ["Detroit", "Grand Rapids"],
  VA: ["Richmond", "Harrisonburg"],
  MD: ["Baltimore", "Langley Park"],
  TN: ["Nashville", "Memphis"],
  LA: ["New Orleans", "Baton Rouge"],
  UT: ["Salt Lake City", "Ogden"],
} as const satisfies Record<string, readonly string[]>;
export type Region = keyof typeof REGIONS;
export const REGION_WEIGHTS: Record<Region, number> = {
  CA: 18,
  TX: 14,
  NY: 9,
  IL: 7,
  FL: 7,
  AZ: 6,
  GA: 5,
  WA: 5,
  NC: 4,
  NM: 4,
  NJ: 4,
  CO: 3,
  PR: 3,
  MA: 3,
  OR: 3,
  NV: 2,
  MN: 2,
  PA: 2,
  MI: 2,
  VA: 2,
  MD: 2,
  TN: 2,
  LA: 1,
  UT: 1,
};
export const EXTRA_LANGUAGES: Partial<Record<Region, string[]>> = {
  CA: ["zh", "vi", "mam", "k'iche'"],
  TX: ["vi", "mam"],
  FL: ["ht", "pt"],
  NY: ["ht", "zh"],
  MA: ["ht", "pt"],
  WA: ["vi", "zh"],
  NJ: ["pt", "ht"],
  GA: ["vi", "k'iche'"],
};
export const ANY_EXTRA_LANGUAGE = ["ht", "zh", "vi", "pt", "mam", "k'iche'"];

export const ORG_NAMES: [string, Lang][] = [
  ["Comité de Trabajadores", "es"],
  ["Fuerza Migrante", "es"],
  ["Alianza Fronteriza", "es"],
  ["Centro de Derechos Laborales", "es"],
  ["Red de Familias Unidas", "es"],
  ["Unión de Jornaleros", "es"],
  ["Colectivo Mujeres en Lucha", "es"],
  ["Casa del Inmigrante", "es"],
  ["Proyecto Esperanza", "es"],
  ["Voces Campesinas", "es"],
  ["Juventud Sin Fronteras", "es"],
  ["Coalición Raíces", "es"],
  ["Comunidades en Acción", "es"],
  ["Semillas de Justicia", "es"],
  ["Trabajadoras del Hogar Unidas", "es"],
  ["Puentes Comunitarios", "es"],
  ["Tierra y Dignidad", "es"],
  ["Caminos de Solidaridad", "es"],
  ["Comunidad Maya Unida", "es"],
  ["Luz y Libertad", "es"],
  ["Neighbors United", "en"],
  ["Immigrant Workers Center", "en"],
  ["Rising Voices Collective", "en"],
  ["Dignity Project", "en"],
  ["New Roots Alliance", "en"],
  ["Welcoming Communities Coalition", "en"],
  ["Harvest of Justice", "en"],
  ["Open Doors Network", "en"],
  ["Bridges Community Alliance", "en"],
  ["Youth Organizing Circle", "en"],
  ["Sanctuary Faith Network", "en"],
  ["Domestic Workers Assembly", "en"],
  ["People's Legal Clinic", "en"],
  ["Common Ground Organizing", "en"],
  ["Konbit Lakay", "en"],
  ["Lotus Community Alliance", "en"],
];

export const FIRST_NAMES = [
  "Ana",
  "Luis",
  "María",
  "José",
  "Guadalupe",
  "Rosa",
  "Carlos",
  "Daniela",
  "Jorge",
  "Lucía",
  "Mateo",
  "Valeria",
  "Wilner",
  "Marie",
  "Lin",
  "Minh",
  "Paulo",
  "Fátima",
  "Samuel",
  "Grace",
  "Jamal",
  "Priya",
  "Kevin",
  "Sofía",
  "Andrés",
  "Esperanza",
  "Tomás",
  "Yesenia",
  "Héctor",
  "Nadia",
  "Ibrahim",
  "Teresa",
  "Rigoberto",
  "Claudette",
  "Hoa",
  "Joaquín",
  "Marisol",
  "Diego",
];
export const LAST_NAMES = [
  "García",
  "Hernández",
  "López",
  "Martínez",
  "Ramírez",
  "Cruz",
  "Morales",
  "Flores",
  "Jean-Baptiste",
  "Pierre",
  "Nguyen",
  "Tran",
  "Chen",
  "Silva",
  "Santos",
  "Okafor",
  "Johnson",
  "Williams",
  "Ixcoy",
  "Tzoc",
  "Rivera",
  "Reyes",
  "Torres",
  "Mendoza",
  "Castillo",
  "Vargas",
  "Pérez",
  "Díaz",
  "Alvarado",
  "Joseph",
  "Wong",
  "Mejía",
];

// Per value slug: practice titles and commitments ([title, indicator]), English then Spanish. Unknown
// (admin-added) values use GENERIC.
export type ValueText = {
  practices: Record<Lang, string[]>;
  commitments: Record<Lang, [string, string][]>;
  prompts: Bilingual[];
};
export const GENERIC: ValueText = {
  practices: {
    en: ["Community meeting", "Members' workshop", "Planning session"],
    es: ["Reunión comunitaria", "Taller con miembros", "Sesión de planeación"],
  },
  commitments: {
    en: [["Practice this value in every meeting", "meetings that included it"]],
    es: [["Practicar este valor en cada reunión", "reuniones que lo incluyeron"]],
  },
  prompts: [
    {
      en: "How did your organization live this value this year?",
      es: "¿Cómo vivió su organización este valor este año?",
    },
  ],
};
export const VALUE_TEXT: Record<string, ValueText> = {
  "trust-respect": {
    practices: {
      en: [
        "Monthly members' assembly",
        "Listening session with families",
        "Community potluck and check-in",
        "Partner organizations roundtable",
        "Conflict transformation training",
        "One-on-one relationship meetings",
      ],
      es: [
        "Asamblea comunitaria",
        "Círculo de escucha con familias",
        "Convivio comunitario",
        "Mesa de trabajo con organizaciones aliadas",
        "Taller de resolución de conflictos",
        "Reuniones uno a uno",
      ],
    },
    commitments: {
      en: [
        ["Hold a members' assembly every month", "assemblies held"],
        ["Write shared agreements with partner organizations", "partners who signed"],
        ["Meet one-on-one with every active member", "one-on-ones held"],
      ],
      es: [
        ["Realizar una asamblea cada mes", "asambleas realizadas"],
        ["Escribir acuerdos compartidos con organizaciones aliadas", "aliadas que firmaron"],
        ["Reunirnos uno a uno con cada miembro activo", "reuniones realizadas"],
      ],
    },
    prompts: [
      {
        en: "How did your organization build trust with members and partners this year?",
        es: "¿Cómo construyó su organización confianza con sus miembros y aliados este año?",
      },
      {
        en: "Where was respect tested this year, and how did you respond?",
        es: "¿Dónde se puso a prueba el respeto este año y cómo respondieron?",
      },
    ],
  },
  "leaderful-movement": {
    practices: {
      en: [
        "Leadership school session",
        "Member-led campaign planning",
        "Know-your-rights workshop led by members",
        "Facilitation training for new leaders",
        "Youth leadership circle",
        "Board election with member vote",
      ],
      es: [
        "Sesión de la escuela de liderazgo",
        "Planeación de campaña dirigida por miembros",
        "Taller de conozca sus derechos",
        "Capacitación de facilitadoras",
        "Círculo de liderazgo juvenil",
        "Elección de la mesa directiva",
      ],
    },
    commitments: {
      en: [
        ["Train new member facilitators", "members who facilitated a meeting"],
        ["Members lead every campaign decision", "decisions made in assembly"],
        ["Launch a youth leadership cohort", "young leaders in the cohort"],
      ],
      es: [
        ["Formar nuevas facilitadoras entre los miembros", "miembros que facilitaron una reunión"],
        ["Los miembros deciden cada paso de la campaña", "decisiones tomadas en asamblea"],
        ["Lanzar una generación de liderazgo juvenil", "jóvenes en la generación"],
      ],
    },
    prompts: [
      {
        en: "How did directly impacted people lead your work this year?",
        es: "¿Cómo lideraron su trabajo las personas directamente afectadas este año?",
      },
      {
        en: "Which new leaders grew this year, and what helped them grow?",
        es: "¿Qué nuevos liderazgos crecieron este año y qué les ayudó?",
      },
    ],
  },
  "courage-creativity-discipline": {
    practices: {
      en: [
        "Rapid response network drill",
        "Community mural project",
        "Vigil and public action",
        "Strategy retreat",
        "Theater of the oppressed workshop",
        "Campaign debrief and evaluation",
      ],
      es: [
        "Simulacro de la red de respuesta rápida",
        "Mural comunitario",
        "Vigilia y acción pública",
        "Retiro de estrategia",
        "Taller de teatro del oprimido",
        "Evaluación de campaña",
      ],
    },
    commitments: {
      en: [
        ["Run a rapid response drill every quarter", "drills held"],
        ["Launch a public art campaign", "pieces shown in public"],
        ["Keep a weekly campaign rhythm", "weeks with a team meeting"],
      ],
      es: [
        ["Hacer un simulacro de respuesta rápida cada trimestre", "simulacros realizados"],
        ["Lanzar una campaña de arte público", "obras mostradas"],
        ["Mantener un ritmo semanal de campaña", "semanas con reunión de equipo"],
      ],
    },
    prompts: [
      {
        en: "When did your organization act with courage this year?",
        es: "¿Cuándo actuó su organización con valentía este año?",
      },
      {
        en: "What creative approach worked, and what discipline kept it going?",
        es: "¿Qué enfoque creativo funcionó y qué disciplina lo sostuvo?",
      },
    ],
  },
  "global-awareness": {
    practices: {
      en: [
        "Cross-border solidarity call",
        "Political education: root causes of migration",
        "Exchange with organizers in Central America",
        "Climate and migration study circle",
        "Language justice training",
        "International day of action",
      ],
      es: [
        "Llamada de solidaridad transfronteriza",
        "Educación política: causas de la migración",
        "Intercambio con organizaciones de Centroamérica",
        "Círculo de estudio sobre clima y migración",
        "Capacitación en justicia de lenguaje",
        "Día internacional de acción",
      ],
    },
    commitments: {
      en: [
        ["Host a cross-border solidarity exchange", "exchanges held"],
        ["Run a political education series on migration", "sessions held"],
        ["Offer interpretation in every meeting", "meetings with interpretation"],
      ],
      es: [
        ["Organizar un intercambio de solidaridad transfronteriza", "intercambios realizados"],
        ["Ofrecer una serie de educación política sobre migración", "sesiones realizadas"],
        ["Ofrecer interpretación en cada reunión", "reuniones con interpretación"],
      ],
    },
    prompts: [
      {
        en: "How did your work connect with struggles beyond your borders this year?",
        es: "¿Cómo se conectó su trabajo con luchas más allá de sus fronteras este año?",
      },
      {
        en: "What did you learn from movements in other countries?",
        es: "¿Qué aprendieron de movimientos en otros países?",
      },
    ],
  },
};

export const NOTES: Record<Lang, string[]> = {
  en: [
    "Childcare and interpretation were provided.",
    "Members facilitated most of the agenda.",
    "We ran out of materials; bring more next time.",
    "Held after the evening shift so more people could come.",
    "Follow-up calls are scheduled for next week.",
    "Interpretation in three languages.",
    "Good turnout despite the rain.",
    "New people asked to join the planning team.",
  ],
  es: [
    "Hubo cuidado de niños e interpretación.",
    "Los miembros facilitaron la mayor parte de la agenda.",
    "Se acabaron los materiales; traer más la próxima vez.",
    "Fue después del turno de la tarde para que más gente pudiera venir.",
    "Las llamadas de seguimiento quedaron para la próxima semana.",
    "Interpretación en tres idiomas.",
    "Buena asistencia a pesar de la lluvia.",
    "Personas nuevas pidieron unirse al equipo de planeación.",
  ],
};
/** commitment timeline notes by stage: the first update, later ones, and the closing status */
export const UPDATE_NOTES: Record<Lang, Record<"first" | "later" | "ACHIEVED" | "PAUSED" | "DROPPED", string[]>> = {
  en: {
    first: ["Kicked off with the planning team.", "First steps agreed at the assembly.", ""],
    later: ["About halfway there.", "Slower over the summer.", "Back on track after the assembly.", ""],
    ACHIEVED: ["Done, and debriefed with members.", "Reached the target; celebrated at the assembly."],
    PAUSED: ["Paused while rapid response work takes our time.", "On hold until new volunteers join."],
    DROPPED: ["Dropped: members chose to focus elsewhere.", "Set aside after the funding ended."],
  },
  es: {
    first: ["Arrancamos con el equipo de planeación.", "Acordamos los primeros pasos en la asamblea.", ""],
    later: ["Vamos a la mitad.", "Más lento durante el verano.", "Retomamos después de la asamblea.", ""],
    ACHIEVED: ["Cumplido y evaluado con los miembros.", "Llegamos a la meta; lo celebramos en la asamblea."],
    PAUSED: [
      "En pausa mientras la respuesta rápida ocupa nuestro tiempo.",
      "En espera hasta que se sumen más voluntarias.",
    ],
    DROPPED: [
      "Lo dejamos: los miembros decidieron enfocarse en otra cosa.",
      "Lo dejamos al terminar el financiamiento.",
    ],
  },
};
export const WENT_WELL: Record<Lang, string[]> = {
  en: [
    "Members took on more of the facilitation.",
    "Our assemblies grew and new people stayed.",
    "Partners trusted us with joint decisions.",
    "We kept a steady rhythm all year.",
    "Interpretation made every meeting open to everyone.",
  ],
  es: [
    "Los miembros asumieron más la facilitación.",
    "Nuestras asambleas crecieron y la gente nueva se quedó.",
    "Las aliadas confiaron en nosotras para decidir juntas.",
    "Mantuvimos un ritmo constante todo el año.",
    "La interpretación abrió cada reunión a todas las personas.",
  ],
};
export const CHALLENGES: Record<Lang, string[]> = {
  en: [
    "Turnover on the staff team slowed us down.",
    "Rapid response work pulled time from planning.",
    "Funding gaps forced us to cut programs.",
    "Meeting times were hard for shift workers.",
    "We did not document our work consistently.",
  ],
  es: [
    "La rotación en el equipo nos hizo más lentas.",
    "La respuesta rápida nos quitó tiempo de planeación.",
    "La falta de fondos nos obligó a recortar programas.",
    "Los horarios eran difíciles para quienes trabajan por turnos.",
    "No documentamos nuestro trabajo de forma constante.",
  ],
};
export const NEXT_STEPS: Record<Lang, string[]> = {
  en: [
    "Train two more member facilitators.",
    "Set a calendar of assemblies at the start of the year.",
    "Share our practices with other member organizations.",
    "Start an exchange with a partner across the border.",
    "Review our commitments every quarter.",
  ],
  es: [
    "Formar a dos facilitadoras más entre los miembros.",
    "Fijar el calendario de asambleas al inicio del año.",
    "Compartir nuestras prácticas con otras organizaciones.",
    "Empezar un intercambio con una aliada al otro lado de la frontera.",
    "Revisar nuestros compromisos cada trimestre.",
  ],
};

export const SIZE_BANDS: SizeBand[] = ["VOLUNTEER", "SMALL", "MEDIUM", "LARGE"];
export const SIZE_WEIGHTS: Record<SizeBand, number> = { VOLUNTEER: 25, SMALL: 40, MEDIUM: 25, LARGE: 10 };
/** practices per organization per full year, and most participants in one practice */
export const SIZE_PROFILE: Record<
  SizeBand,
  { practices: [number, number]; members: [number, number]; maxParticipants: number }
> = {
  VOLUNTEER: { practices: [4, 9], members: [1, 2], maxParticipants: 40 },
  SMALL: { practices: [6, 13], members: [1, 3], maxParticipants: 80 },
  MEDIUM: { practices: [9, 19], members: [2, 4], maxParticipants: 150 },
  LARGE: { practices: [14, 25], members: [3, 4], maxParticipants: 200 },
};
export const VISIBILITY_PRACTICE: Record<Visibility, number> = { PRIVATE: 55, COALITION: 30, PUBLIC: 15 };
export const VISIBILITY_REFLECTION: Record<Visibility, number> = { PRIVATE: 50, COALITION: 35, PUBLIC: 15 };
