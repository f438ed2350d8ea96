import { randomInt } from "node:crypto";
import { CODE_ALPHABET } from "./codes";

// An order's or a voucher's code, of the characters that cannot be misread.
export const randomCode = (length: number) =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
