// The codes people read and type: an order's code and a voucher's, and a ticket's door code
// (drawn by codes.server.ts and the database; read and shown here, in the browser too).

// Order and voucher codes: capitals and digits without 0/O and 1/I, so none can be misread.
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// A ticket's door code, for the volunteer who types it when the QR code will not scan: 8 characters
// of Crockford's base 32 (40 random bits, drawn by the database: rebond_door_code() in the
// migration ticket_door_codes), shown in two groups ("K7QM-4XRT"). Typed in any case, with
// or without its dash or spaces, and with the look-alikes read as Crockford says: O as 0, I and L as
// 1, U as V. It names a ticket at the door of its own event only, for signed-in staff; the QR code
// keeps the ticket's unguessable secret.
const DOOR_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const DOOR_CODE_LENGTH = 8;

export const formatDoorCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

// What was typed, as a door code, or null when it cannot be one.
export function readDoorCode(typed: string) {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-–.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .replace(/U/g, "V");
  return code.length === DOOR_CODE_LENGTH && [...code].every((c) => DOOR_ALPHABET.includes(c)) ? code : null;
}

// What was typed, as an order code (six characters of CODE_ALPHABET), or null.
export function readOrderCode(typed: string) {
  const code = typed.toUpperCase().replace(/[\s\-–.]/g, "");
  return /^[A-HJ-NP-Z2-9]{6}$/.test(code) ? code : null;
}
