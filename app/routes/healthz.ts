import { json } from "@remix-run/node";
import { databaseAnswers } from "~/models/health.server";
import { getPrisma } from "~/utils/db.server";

/** Liveness and database readiness for load balancers and the container healthcheck. */
export async function loader() {
  const up = await getPrisma().then(
    (prisma) => databaseAnswers({ prisma }),
    () => false,
  );
  return json(
    { status: up ? "ok" : "unavailable", database: up ? "up" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
