// What is wrong with a draft agenda, as warnings the organiser sees beside the grid. Nothing here
// refuses a placement: an organiser may knowingly keep a conflict while moving things around.

export type ConflictSlot = {
  id: string;
  kind: "TALK" | "BREAK" | "BLOCKER";
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  title: string;
  // Talks only: the format's duration and the speakers' user ids.
  minutes?: number;
  speakerIds?: string[];
  confirmed?: boolean;
};

export type Availability = { userId: string; startsAt: Date; endsAt: Date };

export type Conflict =
  | { kind: "speaker"; slotIds: [string, string]; speakerId: string }
  | { kind: "room"; slotIds: [string, string] }
  | { kind: "hours"; slotIds: [string] }
  | { kind: "availability"; slotIds: [string]; speakerId: string }
  | { kind: "tooShort"; slotIds: [string]; minutes: number }
  | { kind: "unconfirmed"; slotIds: [string] };

const sharesRoom = (a: ConflictSlot, b: ConflictSlot) =>
  a.roomId === null || b.roomId === null || a.roomId === b.roomId;
const minutesOf = (slot: ConflictSlot) => Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);

export function findConflicts(
  slots: ConflictSlot[],
  hours: { startsAt: Date; endsAt: Date },
  availabilities: Availability[] = [],
): Conflict[] {
  const conflicts: Conflict[] = [];
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (b.startsAt >= a.endsAt) break;
      // A talk clashes with anything else in its room, and with a break for all rooms; two breaks never clash.
      const bothTalks = a.kind === "TALK" && b.kind === "TALK";
      if ((a.kind === "TALK" || b.kind === "TALK") && sharesRoom(a, b))
        conflicts.push({ kind: "room", slotIds: [a.id, b.id] });
      if (bothTalks) {
        for (const speakerId of a.speakerIds ?? []) {
          if (b.speakerIds?.includes(speakerId)) conflicts.push({ kind: "speaker", slotIds: [a.id, b.id], speakerId });
        }
      }
    }
  }
  for (const slot of sorted) {
    if (slot.startsAt < hours.startsAt || slot.endsAt > hours.endsAt)
      conflicts.push({ kind: "hours", slotIds: [slot.id] });
    if (slot.kind !== "TALK") continue;
    if (slot.minutes !== undefined && minutesOf(slot) < slot.minutes)
      conflicts.push({ kind: "tooShort", slotIds: [slot.id], minutes: slot.minutes });
    if (slot.confirmed === false) conflicts.push({ kind: "unconfirmed", slotIds: [slot.id] });
    for (const speakerId of slot.speakerIds ?? []) {
      const stated = availabilities.filter((a) => a.userId === speakerId);
      if (stated.length > 0 && !stated.some((a) => a.startsAt <= slot.startsAt && slot.endsAt <= a.endsAt)) {
        conflicts.push({ kind: "availability", slotIds: [slot.id], speakerId });
      }
    }
  }
  return conflicts;
}
