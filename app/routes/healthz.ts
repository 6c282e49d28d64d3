import { databaseAnswers } from "~/models/health.server";
import { getPrisma } from "~/utils/db.server";

/** Liveness and database readiness for load balancers and the container healthcheck. */
export async function loader() {
  const up = await getPrisma().then(
    (prisma) => databaseAnswers({ prisma }),
    () => false,
  );
  // a resource route answers with a Response of its own: Remix renders no page around it
  return Response.json(
    { status: up ? "ok" : "unavailable", database: up ? "up" : "down" },
    {
      status: up ? 200 : 503,
      headers: { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" },
    },
  );
}
