import type { Db } from "~/infra/db/client.server";

export async function updateProfile(client: Db, userId: string, input: { name: string; locale: "fr" | "en" }) {
  await client.user.update({ where: { id: userId }, data: { name: input.name, locale: input.locale } });
}
