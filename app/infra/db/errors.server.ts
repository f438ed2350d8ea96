import { Prisma } from "~/generated/prisma/client";

// A write refused by a unique index (two people taking the same address at once).
export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
