import type { ReactNode } from "react";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { MoveButtons, RemoveForm, SubmitButton } from "./form";

// One item of a list organisers keep in order (a track, a question, a criterion…): its line with
// ↑ ↓ and "remove", then a disclosure holding its edit form — the fields given as children, the
// form posting `intents.edit` with the item's id — and a note under it if any.
export function EditableItem({
  id,
  name,
  line,
  index,
  count,
  intents,
  editLabel,
  saveLabel,
  columns = 2,
  note,
  open = false,
  children,
}: {
  id: string;
  // How the ↑ ↓ buttons name the item to a screen reader.
  name: string;
  line: ReactNode;
  index: number;
  count: number;
  intents: { move: string; remove: string; edit: string };
  editLabel: string;
  saveLabel: string;
  columns?: 2 | 3;
  note?: ReactNode;
  // Open on the page's answer to its form (a refusal to read beside the fields).
  open?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="px-4 py-2">
      <div className="flex items-center justify-between gap-3">
        {line}
        <span className="flex flex-wrap items-center gap-1">
          <MoveButtons intent={intents.move} id={id} name={name} first={index === 0} last={index === count - 1} />
          <RemoveForm intent={intents.remove} id={id} label={t("team.remove")} />
        </span>
      </div>
      <details className="mt-1 text-sm" open={open}>
        <summary className="cursor-pointer font-semibold text-brand-700">{editLabel}</summary>
        <Form method="post" className={`mt-2 grid gap-3 ${columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
          <input type="hidden" name="intent" value={intents.edit} />
          <input type="hidden" name="id" value={id} />
          {children}
          <div>
            <SubmitButton variant="secondary">{saveLabel}</SubmitButton>
          </div>
        </Form>
        {note}
      </details>
    </li>
  );
}
