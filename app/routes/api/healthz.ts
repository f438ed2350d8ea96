import { databaseAnswers } from "~/infra/db/db.server";

// For load balancers and orchestrators: 200 when the database answers, 503 when it does not.
export async function loader() {
  if (await databaseAnswers())
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { status: "error", database: "unreachable" },
    { status: 503, headers: { "Cache-Control": "no-store" } },
  );
}
