import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { LoginLinkEmail } from "../../emails/login-link";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const authMails = {
  "login-link": defineTemplate(
    z.object({ url: z.url(), minutes: z.number().int().positive() }),
    (t) => t("mail.loginLink.subject"),
    (locale, data) => <LoginLinkEmail locale={locale} {...data} />,
  ),
};
