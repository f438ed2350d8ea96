// A page address from a title or a name, as forms suggest it while it is typed:
// "Conférence du rebond — Marseille 2027" → "conference-du-rebond-marseille-2027".
export function slugFromTitle(title: string) {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 80)
    .replace(/^-+|-+$/g, "");
}

// The address made from a title, at most `max` characters, or `fallback` when nothing is left of
// it; with -2, -3… when one of `taken` (the addresses starting with it) has it already.
export function freeSlug(title: string, max: number, fallback: string, taken: (base: string) => Promise<string[]>) {
  const base = slugFromTitle(title).slice(0, max).replace(/-+$/, "") || fallback;
  return taken(base).then((list) => {
    const used = new Set(list);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  });
}
