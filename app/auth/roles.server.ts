import { data } from "react-router";
import { db } from "~/infra/db/db.server";
import { reaches, teamAccess, type TeamAccess } from "~/team/membership.server";
import { requireUser, type CurrentUser } from "./session.server";

// The first line of every protected loader and action. Anonymous people are sent to sign in;
// signed-in people without the role get a 403 page; an unknown event is a 404.

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export type OrganiserContext = {
  user: CurrentUser;
  // Each organisation they are on the team of, with their access (a chapter organiser's names
  // the chapter).
  organisations: (TeamAccess & { id: string; slug: string; name: string; chapterName: string | null })[];
};

// Anyone who organises for at least one organisation.
export async function requireOrganiserAnywhere(request: Request): Promise<OrganiserContext> {
  const user = await requireUser(request);
  const memberships = await db().membership.findMany({
    where: { userId: user.id },
    select: {
      role: true,
      chapterId: true,
      chapter: { select: { name: true } },
      organisation: { select: { id: true, slug: true, name: true } },
    },
    orderBy: { organisation: { name: "asc" } },
  });
  if (memberships.length === 0) forbidden();
  return {
    user,
    organisations: memberships.map(({ organisation, role, chapterId, chapter }) => ({
      ...organisation,
      organisationId: organisation.id,
      role,
      chapterId,
      chapterName: chapter?.name ?? null,
    })),
  };
}

export async function requireOrganisationMember(request: Request, organisationSlug: string) {
  const context = await requireOrganiserAnywhere(request);
  const organisation = context.organisations.find((o) => o.slug === organisationSlug);
  if (!organisation) forbidden();
  return { ...context, organisation };
}

// The national team of the organisation (owners, organisers of no chapter): its chapters.
export async function requireNationalTeam(request: Request, organisationSlug: string) {
  const context = await requireOrganisationMember(request, organisationSlug);
  if (context.organisation.chapterId !== null) forbidden();
  return context;
}

// An owner of the organisation: its settings that only owners change (its bank account).
export async function requireOrganisationOwner(request: Request, organisationSlug: string) {
  const context = await requireOrganisationMember(request, organisationSlug);
  if (context.organisation.role !== "OWNER") forbidden();
  return context;
}

async function findEvent(slug: string) {
  // What every event page of the back office shows in its heading comes with the check.
  const event = await db().event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      organisationId: true,
      chapterId: true,
      titleFr: true,
      titleEn: true,
      timeZone: true,
    },
  });
  if (!event) notFound();
  return event;
}

// An organiser of the organisation that runs the event: its national team, or the team of the
// event's chapter.
export async function requireOrganiser(request: Request, eventSlug: string) {
  const user = await requireUser(request);
  const event = await findEvent(eventSlug);
  const access = await teamAccess(db(), event.organisationId, user.id);
  if (!reaches(access, event.chapterId)) forbidden();
  return { user, event, role: access.role, access };
}

// An organiser of the organisation that runs the online series (national, or its chapter's).
export async function requireSeriesOrganiser(request: Request, seriesSlug: string) {
  const user = await requireUser(request);
  const series = await db().series.findUnique({
    where: { slug: seriesSlug },
    select: {
      id: true,
      slug: true,
      organisationId: true,
      chapterId: true,
      titleFr: true,
      titleEn: true,
      timeZone: true,
    },
  });
  if (!series) notFound();
  if (!reaches(await teamAccess(db(), series.organisationId, user.id), series.chapterId)) forbidden();
  return { user, series };
}

// An organiser of the organisation whose event or series the survey follows.
export async function requireSurveyOrganiser(request: Request, surveyId: string) {
  // People outside every organisation are turned away before anything about the survey is told.
  const { user } = await requireOrganiserAnywhere(request);
  const survey = await db().survey.findUnique({
    where: { id: surveyId },
    select: {
      id: true,
      event: { select: { organisationId: true, chapterId: true } },
      series: { select: { organisationId: true, chapterId: true } },
    },
  });
  const owner = survey?.event ?? survey?.series;
  if (!survey || !owner) notFound();
  if (!reaches(await teamAccess(db(), owner.organisationId, user.id), owner.chapterId)) forbidden();
  return { user, surveyId: survey.id };
}

// Someone with an event role, or one of the event's organisers (who may do that work too).
async function requireOrganiserOr(request: Request, eventSlug: string, role: "REVIEWER" | "CHECK_IN" | "PARTNER") {
  const user = await requireUser(request);
  const event = await findEvent(eventSlug);
  const [access, eventRole] = await Promise.all([
    teamAccess(db(), event.organisationId, user.id),
    db().eventRole.findUnique({
      where: { eventId_userId_role: { eventId: event.id, userId: user.id, role } },
      select: { id: true, partnerId: true },
    }),
  ]);
  const asOrganiser = reaches(access, event.chapterId);
  if (!asOrganiser && !eventRole) forbidden();
  return { user, event, asOrganiser, partnerId: eventRole?.partnerId ?? null };
}

// A reviewer of the event, or one of its organisers (who may read and score too).
export const requireReviewer = (request: Request, eventSlug: string) =>
  requireOrganiserOr(request, eventSlug, "REVIEWER");

// Check-in staff of the event, or one of its organisers (who often work the door too).
export const requireCheckInStaff = (request: Request, eventSlug: string) =>
  requireOrganiserOr(request, eventSlug, "CHECK_IN");

// A partner's account on the event (partnerId: the partner it speaks for), or one of its
// organisers (who may look at any partner's portal).
export const requirePartner = (request: Request, eventSlug: string) =>
  requireOrganiserOr(request, eventSlug, "PARTNER");
