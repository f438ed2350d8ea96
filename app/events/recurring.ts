// Evenings that come back under one title (a daily online bistrot) shown as one card on the lists
// of upcoming events: the next date leads, the later ones follow it, and the list keeps the order
// of each group's first date.
export function groupRecurring<E extends { titleFr: string; organisation: { slug: string } }>(events: E[]) {
  const groups = new Map<string, { next: E; later: E[] }>();
  for (const event of events) {
    const key = `${event.organisation.slug}\n${event.titleFr}`;
    const group = groups.get(key);
    if (group) group.later.push(event);
    else groups.set(key, { next: event, later: [] });
  }
  return [...groups.values()];
}
