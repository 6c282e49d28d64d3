import type { LocalizedText } from "~/utils/localized.server";

// What a fresh install gets. Afterwards the framework is data: admins rename, reorder and archive.

export const COALITION: { name: LocalizedText; vision: LocalizedText } = {
  name: { en: "North Star", es: "North Star" },
  vision: {
    en: "All people have inherent dignity and value. Everyone should live in safe and healthy conditions, protected equally under the law, with migration policies grounded in racial, economic and gender equity and justice.",
    es: "Todas las personas tienen dignidad y valor inherentes. Todas deben vivir en condiciones seguras y saludables, con igual protección de la ley, y con políticas migratorias basadas en la equidad y la justicia racial, económica y de género.",
  },
};

export type FrameworkItem = { slug: string; name: LocalizedText; description: LocalizedText };

export const FREEDOMS: FrameworkItem[] = [
  {
    slug: "thrive",
    name: { en: "Freedom to Thrive", es: "Libertad para Prosperar" },
    description: {
      en: "Equal agency to make decisions about one's life, relationships, community and future.",
      es: "La misma capacidad de decidir sobre la propia vida, las relaciones, la comunidad y el futuro.",
    },
  },
  {
    slug: "stay",
    name: { en: "Freedom to Stay", es: "Libertad para Quedarse" },
    description: {
      en: "The right to stay and belong in the place one calls home.",
      es: "El derecho a quedarse y pertenecer en el lugar al que una persona llama hogar.",
    },
  },
  {
    slug: "move",
    name: { en: "Freedom to Move", es: "Libertad para Migrar" },
    description: {
      en: "The freedom to move equitably and be welcomed.",
      es: "La libertad de moverse en condiciones de equidad y de ser bienvenida.",
    },
  },
  {
    slug: "work",
    name: { en: "Freedom to Work", es: "Libertad para Trabajar" },
    description: {
      en: "The right to safe, fulfilling and dignified work.",
      es: "El derecho a un trabajo seguro, pleno y digno.",
    },
  },
  {
    slug: "transform",
    name: { en: "Freedom to Transform", es: "Libertad para Transformar" },
    description: {
      en: "Inherent value: to be treated as whole persons.",
      es: "El valor inherente: ser tratadas como personas completas.",
    },
  },
];

export const VALUES: FrameworkItem[] = [
  {
    slug: "trust-respect",
    name: { en: "Trust & Respect", es: "Confianza y Respeto" },
    description: {
      en: "We build relationships of trust, honor each other's experience and keep our word to one another.",
      es: "Construimos relaciones de confianza, honramos la experiencia de cada quien y cumplimos nuestra palabra.",
    },
  },
  {
    slug: "leaderful-movement",
    name: {
      en: "Leaderful Movement That Centers Directly Impacted People",
      es: "Movimiento con Muchos Liderazgos que Centra a las Personas Directamente Afectadas",
    },
    description: {
      en: "Those most affected by unjust policies lead, decide and speak for themselves, and many leaders grow.",
      es: "Quienes más sufren las políticas injustas lideran, deciden y hablan por sí mismas, y crecen muchos liderazgos.",
    },
  },
  {
    slug: "courage-creativity-discipline",
    name: { en: "Courage, Creativity, and Discipline", es: "Valentía, Creatividad y Disciplina" },
    description: {
      en: "We take bold risks, imagine new ways forward and follow through with rigor.",
      es: "Asumimos riesgos con audacia, imaginamos nuevos caminos y cumplimos con rigor.",
    },
  },
  {
    slug: "global-awareness",
    name: { en: "Global Awareness and Engagement", es: "Conciencia y Compromiso Global" },
    description: {
      en: "We understand migration in its global context and act in solidarity across borders.",
      es: "Entendemos la migración en su contexto global y actuamos en solidaridad más allá de las fronteras.",
    },
  },
];

export const RUBRIC_LEVELS: { level: number; name: LocalizedText; description: LocalizedText }[] = [
  {
    level: 1,
    name: { en: "Exploring", es: "Explorando" },
    description: {
      en: "We are learning what this value asks of us and trying first steps.",
      es: "Estamos aprendiendo lo que este valor nos pide y dando los primeros pasos.",
    },
  },
  {
    level: 2,
    name: { en: "Practicing", es: "Practicando" },
    description: {
      en: "We practice this value regularly in some of our work.",
      es: "Practicamos este valor con regularidad en parte de nuestro trabajo.",
    },
  },
  {
    level: 3,
    name: { en: "Embedding", es: "Integrando" },
    description: {
      en: "This value shapes how we plan, decide and work across the organization.",
      es: "Este valor da forma a cómo planificamos, decidimos y trabajamos en toda la organización.",
    },
  },
  {
    level: 4,
    name: { en: "Leading", es: "Liderando" },
    description: {
      en: "We model this value and help other organizations in the movement live it.",
      es: "Somos ejemplo de este valor y ayudamos a otras organizaciones del movimiento a vivirlo.",
    },
  },
];
