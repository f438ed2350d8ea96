import { Form, href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { SubmitButton } from "~/ui/form";

// On a back-office page whose effect reaches the public (the call, invitations), for an event
// still in draft: what the public will see once it is published, and the button that publishes
// it (the event's home does it, and comes back there).
export function DraftNotice({ eventSlug, what }: { eventSlug: string; what: "call" | "campaigns" }) {
  const { t } = useTranslation();
  return (
    <div role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p>{t(`eventNav.draft.${what}`)}</p>
      <Form method="post" action={href("/organisateur/evenements/:eventSlug", { eventSlug })} className="mt-2">
        <SubmitButton name="intent" value="publish">
          {t("eventNav.draft.publish")}
        </SubmitButton>
      </Form>
    </div>
  );
}
