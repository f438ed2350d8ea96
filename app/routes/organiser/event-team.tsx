import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import type { Route } from "./+types/event-team";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { eventInviteSchema, removeMemberSchema } from "~/team/team-form";
import { TeamPanel } from "~/team/team-panel";
import { eventTeam, inviteToEvent, removeEventRole } from "~/team/team.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { useEventCrumbs } from "~/events/event-crumbs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    members: await eventTeam(db(), event.id),
    strings: await pageStrings(
      request,
      "chapters.national",
      "chapters.teamField",
      "chapters.teamFieldHint",
      "dashboard",
      "errors",
      "event",
      "roles",
      "team",
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const formData = await readForm(request);
  if (formData.get("intent") === "remove") {
    const parsed = removeMemberSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !(await removeEventRole(db(), event.id, parsed.data.id))) {
      return data({ result: undefined, outcome: null }, { status: 400 });
    }
    return { result: undefined, outcome: "removed" };
  }
  const submission = parseWithZod(formData, { schema: eventInviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  const { email, name, locale, role } = submission.value;
  const invited = await inviteToEvent(db(), {
    eventId: event.id,
    inviter: user,
    invitee: { email, name, locale },
    role,
    appUrl: env().APP_URL,
  });
  return { result: submission.reply({ resetForm: true }), outcome: invited.status };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("team.eventTitle"));
}

export default function EventTeam({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs items={useEventCrumbs(loaderData.event)} />
      <h1 className="mt-1 mb-6 text-3xl font-extrabold">{t("team.eventTitle")}</h1>
      <TeamPanel
        members={loaderData.members}
        roles={["REVIEWER", "CHECK_IN", "PARTNER"]}
        schema={eventInviteSchema}
        lastResult={actionData?.result}
        outcome={actionData?.outcome}
        canRemove
      />
    </>
  );
}
