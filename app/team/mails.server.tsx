import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { TeamInvitationEmail } from "../../emails/team-invitation";

const teamRoles = z.enum(["OWNER", "ORGANISER", "REVIEWER", "CHECK_IN", "PARTNER", "VOLUNTEER"]);

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const teamMails = {
  "team-invitation": defineTemplate(
    z.object({ inviterName: z.string(), role: teamRoles, scopeName: z.string(), url: z.url() }),
    (t, data) => t("mail.teamInvitation.subject", { scope: data.scopeName }),
    (locale, data) => <TeamInvitationEmail locale={locale} {...data} />,
  ),
};
