import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

// The map of every URL of the product. Route modules are thin: they parse, call one function of
// a capability folder (app/events, app/team, app/auth, …) and render.
export default [
  index("routes/public/home.tsx"),
  route("o/:orgSlug", "routes/public/organisation.tsx"),
  route("e/:eventSlug", "routes/public/event.tsx"),
  route("e/:eventSlug/appel", "routes/public/call.tsx"),
  route("e/:eventSlug/appel/proposer", "routes/speaker/submission-new.tsx"),
  route("e/:eventSlug/programme", "routes/public/agenda.tsx"),
  route("e/:eventSlug/programme/:submissionId", "routes/public/talk.tsx"),
  route("e/:eventSlug/programme/:submissionId/agenda.ics", "routes/api/talk-ics.ts"),
  route("e/:eventSlug/intervenants", "routes/public/speakers.tsx"),
  route("e/:eventSlug/intervenants/:userId/photo", "routes/public/speaker-photo.ts"),
  route("e/:eventSlug/mon-programme", "routes/public/my-agenda.tsx"),
  route("e/:eventSlug/agenda.ics", "routes/api/agenda-ics.ts"),
  route("e/:eventSlug/agenda/:token", "routes/api/my-agenda-ics.ts"),
  route("e/:eventSlug/schedule.json", "routes/api/schedule-json.ts"),
  route("e/:eventSlug/schedule.xml", "routes/api/schedule-xml.ts"),
  route("langue", "routes/public/language.ts"),

  route("connexion", "routes/auth/sign-in.tsx"),
  route("connexion/lien", "routes/auth/login-link.tsx"),
  route("deconnexion", "routes/auth/sign-out.ts"),
  route("espace", "routes/auth/my-space.tsx"),
  route("espace/profil", "routes/speaker/profile.tsx"),
  route("espace/profil/photo", "routes/speaker/profile-photo.ts"),
  route("espace/recits", "routes/speaker/submissions.tsx"),
  route("espace/recits/:submissionId", "routes/speaker/submission.tsx"),
  route("confirmation/:token", "routes/speaker/confirmation.tsx"),

  route("relecture/:eventSlug", "routes/reviewer/queue.tsx"),
  route("relecture/:eventSlug/:submissionId", "routes/reviewer/review.tsx"),

  ...prefix("organisateur", [
    index("routes/organiser/dashboard.tsx"),
    route("evenements/nouveau", "routes/organiser/event-new.tsx"),
    route("evenements/:eventSlug", "routes/organiser/event-edit.tsx"),
    route("evenements/:eventSlug/equipe", "routes/organiser/event-team.tsx"),
    route("evenements/:eventSlug/appel", "routes/organiser/call-settings.tsx"),
    route("evenements/:eventSlug/recits", "routes/organiser/submissions.tsx"),
    route("evenements/:eventSlug/relecture", "routes/organiser/review-setup.tsx"),
    route("evenements/:eventSlug/classement", "routes/organiser/ranking.tsx"),
    route("evenements/:eventSlug/classement.csv", "routes/organiser/ranking-csv.ts"),
    route("evenements/:eventSlug/decisions", "routes/organiser/decisions.tsx"),
    route("evenements/:eventSlug/salles", "routes/organiser/rooms.tsx"),
    route("evenements/:eventSlug/programme", "routes/organiser/schedule.tsx"),
    route("organisations/:orgSlug/equipe", "routes/organiser/organisation-team.tsx"),
    route("boite-mail", "routes/organiser/mailbox.tsx"),
    route("boite-mail/:messageId", "routes/organiser/mailbox-message.tsx"),
  ]),

  route("healthz", "routes/api/healthz.ts"),
  route("*", "routes/public/not-found.tsx"),
] satisfies RouteConfig;
