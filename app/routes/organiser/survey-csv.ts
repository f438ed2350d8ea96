import type { Route } from "./+types/survey-csv";
import { requireSurveyOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { surveyCsv } from "~/surveys/surveys.server";

// A survey's answers as a spreadsheet (who answered only when the survey is not anonymous).
export async function loader({ request, params }: Route.LoaderArgs) {
  const { surveyId } = await requireSurveyOrganiser(request, params.surveyId);
  return new Response(`\uFEFF${await surveyCsv(db(), surveyId)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="sondage-${surveyId}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
