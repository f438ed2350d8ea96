import { expect, test } from "vitest";
import { groupRecurring } from "~/events/recurring";

const event = (slug: string, titleFr: string, organisation = "reseau-rebond") => ({
  slug,
  titleFr,
  organisation: { slug: organisation },
});

test("evenings under one title are one card, the next date leading, in the order of each first date", () => {
  const groups = groupRecurring([
    event("bistrot-1", "Bistrot du rebond"),
    event("bistrot-2", "Bistrot du rebond"),
    event("failcon-paris", "Failcon Paris 2027"),
    event("bistrot-3", "Bistrot du rebond"),
    event("bistrot-autre", "Bistrot du rebond", "autre-reseau"),
  ]);
  expect(groups.map((g) => [g.next.slug, g.later.map((e) => e.slug)])).toEqual([
    ["bistrot-1", ["bistrot-2", "bistrot-3"]],
    ["failcon-paris", []],
    // Another network's evening of the same name is its own.
    ["bistrot-autre", []],
  ]);
});
