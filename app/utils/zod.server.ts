// Route modules build their form schemas from this import. As a `.server` module it is left out of the
// browser's JavaScript, and zod with it (zod's modules count as having side effects, so any import from a
// route module would ship its core to every page). Schemas are only ever used in loaders and actions;
// the browser checks the same rules with app/utils/form-rules.ts (docs/decisions/005).
export * as z from "zod/mini";
