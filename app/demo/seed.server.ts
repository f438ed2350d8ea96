export async function seedDemoSeason(_: unknown) { return "todo"; }
