/** The kindergarten's calendar day for an instant (Beijing time, no DST). */
export function localDate(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 10);
}
