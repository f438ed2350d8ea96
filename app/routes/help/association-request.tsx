import { createContext, href, Link, redirect } from "react-router";
import type { Route } from "./+types/association-request";
import { notFound } from "~/auth/roles.server";
import { closeSchema, handSchema, noFields, takeSchema } from "~/help/space-form";
import {
  closeRequest,
  contactByDay,
  handOver,
  helpToday,
  markContacted,
  readRequest,
  requireVolunteer,
  takeRequest,
} from "~/help/space.server";
import { RequestDetail, RequestSteps } from "~/help/space-sections";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { intentsFor, runIntent } from "~/infra/form-intents.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// Set by the action: the page drawn again after one of its forms is not a new reading (React
// Router hands the loader a GET either way).
const submitted = createContext(false);

// One request, for a volunteer of the association it was routed or handed to; each reading is
// recorded (readRequest).
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, association } = await requireVolunteer(request, params.associationSlug);
  const read = await readRequest(db(), association.id, params.requestId, user.id, !context.get(submitted));
  if (!read) notFound();
  return {
    association: { slug: association.slug, name: association.name },
    read,
    today: helpToday(),
    strings: await pageStrings(request, "errors", "help", "helpSpace"),
  };
}

type Input = { associationId: string; requestId: string; userId: string };
const { plain } = intentsFor<Input>();
const handlers = {
  take: plain("take", takeSchema, async ({ contactBy }, step) => {
    const day = contactByDay(contactBy);
    return day ? takeRequest(db(), { ...step, contactBy: day }) : { ok: false, error: "helpSpace.errors.contactBy" };
  }),
  contacted: plain("contacted", noFields, (_, step) => markContacted(db(), step)),
  close: plain("close", closeSchema, (value, step) => closeRequest(db(), { ...step, ...value })),
  hand: plain("hand", handSchema, (value, step) => handOver(db(), { ...step, ...value, appUrl: env().APP_URL })),
};

export async function action({ request, params, context }: Route.ActionArgs) {
  context.set(submitted, true);
  const { user, association } = await requireVolunteer(request, params.associationSlug);
  const answer = await runIntent(handlers, {
    request,
    associationId: association.id,
    requestId: params.requestId,
    userId: user.id,
  });
  // Handed over, the request is no longer this association's to read: back to its list.
  if ("intent" in answer && answer.intent === "hand" && answer.error === null)
    return redirect(`${href("/association/:associationSlug", { associationSlug: association.slug })}?confiee`);
  return answer;
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("helpSpace.request.title", { name: data.read.request.firstName }));
}

export default function AssociationRequest({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { association, read } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          {
            to: href("/association/:associationSlug", { associationSlug: association.slug }),
            label: t("helpSpace.title", { association: association.name }),
          },
        ]}
        title={t("helpSpace.request.title", { name: read.request.firstName || "—" })}
        lead={t(`helpSpace.statuses.${read.request.status}`)}
      />
      <RequestDetail read={read} />
      <RequestSteps read={read} today={loaderData.today} reply={actionData} />
      <p className="mt-6">
        <Link to={href("/association/:associationSlug", { associationSlug: association.slug })}>
          {t("helpSpace.request.back")}
        </Link>
      </p>
    </>
  );
}
