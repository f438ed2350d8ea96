import { defineConfig } from "prisma/config";

// Read by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` for users with a
// normal internet connection). The app itself picks its database in app/infra/db/db.server.ts.
export default defineConfig({
  // A folder: schema.prisma (generator, datasource) and one file per capability.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/rebond" },
});
