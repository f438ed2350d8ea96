import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { SeriesRegistrationEmail } from "../../emails/series-registration";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const seriesMails = {
  "series-registration": defineTemplate(
    z.object({ seriesTitle: z.string(), name: z.string(), url: z.url(), calendarUrl: z.url() }),
    (t, data) => t("mail.seriesRegistration.subject", { series: data.seriesTitle }),
    (locale, data) => <SeriesRegistrationEmail locale={locale} {...data} />,
  ),
};
