import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/survey-csv";
import { requireSurveyOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { surveyCsv } from "~/surveys/surveys.server";

// A survey's answers as a spreadsheet (who answered only when the survey is not anonymous).
export async function loader({ request, params }: Route.LoaderArgs) {
  const { surveyId } = await requireSurveyOrganiser(request, params.surveyId);
  return csvResponse(await surveyCsv(db(), surveyId), `sondage-${surveyId}.csv`);
}
