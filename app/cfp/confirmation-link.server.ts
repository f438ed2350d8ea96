import { idFromSignedToken, signedToken } from "~/infra/signed-token.server";

// The confirm/decline link of an accepted speaker: the speaker role's id, signed. Nothing is
// stored, so the reminder can resend the very same link.
export function confirmationToken(speakerRoleId: string, secret: string) {
  return signedToken("confirm", speakerRoleId, secret);
}

export function speakerRoleFromToken(token: string, secret: string): string | null {
  return idFromSignedToken("confirm", token, secret);
}
