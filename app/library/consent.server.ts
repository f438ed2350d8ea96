import type { Db } from "~/infra/db/client.server";
import type { FailureKind } from "./library-form";

// The speaker's word on the library (docs/decisions/047-rebound-library.md): given, the story
// enters it once told on stage (with the kinds of failure it tells, for the filters); withdrawn,
// it leaves every page, search and feed at once. Any speaker of the story may do either.
export async function setLibraryConsent(
  client: Db,
  input: { submissionId: string; userId: string; consent: boolean; kinds: FailureKind[]; now?: Date },
) {
  const { count } = await client.submission.updateMany({
    where: { id: input.submissionId, speakers: { some: { userId: input.userId } } },
    data: input.consent
      ? { libraryConsentAt: input.now ?? new Date(), failureKinds: input.kinds }
      : { libraryConsentAt: null },
  });
  return count === 1;
}
