// The walls of the house (decision 025): routes use capabilities, capabilities use infra and ui,
// the composition root (app/platform) uses everything, and nothing uses a route or the root.
// `npm run lint` runs `depcruise app server`; a rule broken fails it.
const capabilities =
  "agenda|auth|campaigns|cfp|contacts|demo|events|notices|partners|payments|review|series|surveys|team|ticketing|wall";

module.exports = {
  forbidden: [
    {
      name: "infra-is-the-ground-floor",
      comment: "app/infra knows no capability, no route and not the composition root.",
      severity: "error",
      from: { path: "^app/infra/" },
      to: { path: `^app/(${capabilities}|platform|routes)/` },
    },
    {
      name: "ui-is-the-ground-floor",
      comment: "app/ui holds the page kit: it knows no capability, no route and not the composition root.",
      severity: "error",
      from: { path: "^app/ui/" },
      to: { path: `^app/(${capabilities}|platform|routes)/` },
    },
    {
      name: "nothing-imports-a-route",
      comment: "A route module is reached through app/routes.ts only.",
      severity: "error",
      from: { pathNot: "^app/routes\\.ts$" },
      to: { path: "^app/routes/" },
    },
    {
      name: "nothing-imports-the-composition-root",
      comment:
        "Only routes, the server entry and the root itself use app/platform; one exception, the registry of mail kinds, through which a capability queues its mails checked and typed by kind (decision 021).",
      severity: "error",
      from: { path: `^app/(${capabilities}|infra|ui)/` },
      to: { path: "^app/platform/", pathNot: "^app/platform/mail\\.server\\.ts$" },
    },
    {
      name: "jobs-and-mails-are-for-the-composition-root",
      comment:
        "A capability's periodic jobs and mail kinds are listed by app/platform, not used by another capability.",
      severity: "error",
      from: { path: `^app/(${capabilities})/` },
      to: { path: `^app/(${capabilities})/([a-z]+-jobs|mails)\\.server\\.tsx?$`, pathNot: "^app/$1/" },
    },
    {
      name: "no-circular",
      comment: "No cycle of imports that run (a cycle through a type-only import costs nothing at run time).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
  },
};
