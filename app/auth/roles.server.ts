import { data } from "react-router";
import { db } from "~/infra/db/db.server";
import { organisationRole } from "~/team/membership.server";
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
  organisations: { id: string; slug: string; name: string; role: "OWNER" | "ORGANISER" }[];
};

// Anyone who organises for at least one organisation.
export async function requireOrganiserAnywhere(request: Request): Promise<OrganiserContext> {
  const user = await requireUser(request);
  const memberships = await db().membership.findMany({
    where: { userId: user.id },
    select: { role: true, organisation: { select: { id: true, slug: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  if (memberships.length === 0) forbidden();
  return { user, organisations: memberships.map((m) => ({ ...m.organisation, role: m.role })) };
}

export async function requireOrganisationMember(request: Request, organisationSlug: string) {
  const context = await requireOrganiserAnywhere(request);
  const organisation = context.organisations.find((o) => o.slug === organisationSlug);
  if (!organisation) forbidden();
  return { ...context, organisation };
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
    select: { id: true, slug: true, status: true, organisationId: true, titleFr: true, titleEn: true, timeZone: true },
  });
  if (!event) notFound();
  return event;
}

// An organiser (owner or organiser) of the organisation that runs the event.
export async function requireOrganiser(request: Request, eventSlug: string) {
  const user = await requireUser(request);
  const event = await findEvent(eventSlug);
  const role = await organisationRole(db(), event.organisationId, user.id);
  if (!role) forbidden();
  return { user, event, role };
}

// An organiser (owner or organiser) of the organisation that runs the online series.
export async function requireSeriesOrganiser(request: Request, seriesSlug: string) {
  const user = await requireUser(request);
  const series = await db().series.findUnique({
    where: { slug: seriesSlug },
    select: { id: true, slug: true, organisationId: true, titleFr: true, titleEn: true, timeZone: true },
  });
  if (!series) notFound();
  if (!(await organisationRole(db(), series.organisationId, user.id))) forbidden();
  return { user, series };
}

// An organiser of the organisation whose event or series the survey follows.
export async function requireSurveyOrganiser(request: Request, surveyId: string) {
  // People outside every organisation are turned away before anything about the survey is told.
  const { user } = await requireOrganiserAnywhere(request);
  const survey = await db().survey.findUnique({
    where: { id: surveyId },
    select: { id: true, event: { select: { organisationId: true } }, series: { select: { organisationId: true } } },
  });
  const organisationId = survey?.event?.organisationId ?? survey?.series?.organisationId;
  if (!survey || !organisationId) notFound();
  if (!(await organisationRole(db(), organisationId, user.id))) forbidden();
  return { user, surveyId: survey.id };
}

// Someone with an event role, or one of the event's organisers (who may do that work too).
async function requireOrganiserOr(request: Request, eventSlug: string, role: "REVIEWER" | "CHECK_IN" | "PARTNER") {
  const user = await requireUser(request);
  const event = await findEvent(eventSlug);
  const [membership, eventRole] = await Promise.all([
    organisationRole(db(), event.organisationId, user.id),
    db().eventRole.findUnique({
      where: { eventId_userId_role: { eventId: event.id, userId: user.id, role } },
      select: { id: true, partnerId: true },
    }),
  ]);
  if (!membership && !eventRole) forbidden();
  return { user, event, asOrganiser: Boolean(membership), partnerId: eventRole?.partnerId ?? null };
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
