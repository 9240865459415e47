// No 0/O, 1/l/I: the principal reads it out or writes it on a note.
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';

/** A temporary password that passes the password rule (letters and digits, 8 characters). */
export function temporaryPassword(): string {
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0]! % set.length]!;
  return `${Array.from({ length: 4 }, () => pick(LETTERS)).join('')}${Array.from({ length: 4 }, () => pick(DIGITS)).join('')}`;
}
