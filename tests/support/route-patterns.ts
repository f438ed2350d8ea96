import routes from "~/routes";

type RouteEntry = { path?: string; index?: boolean; children?: RouteEntry[] };

function flatten(entries: RouteEntry[], parent = ""): string[] {
  return entries.flatMap((entry) => {
    const path = `${parent}/${entry.path ?? ""}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
    return [...(entry.path !== undefined || entry.index ? [path] : []), ...flatten(entry.children ?? [], path)];
  });
}

// Every URL pattern of app/routes.ts ("/e/:eventSlug/mur", "/*"), for the tables that must name
// each route (authorisation, hostile input, body limits).
export const routePatterns = () => flatten(routes as RouteEntry[]);
