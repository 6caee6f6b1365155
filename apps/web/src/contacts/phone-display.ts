/**
 * A stored E.164 number as people read it: US and Canadian numbers as
 * (212) 555-0101, others as +44 20… kept whole (without a numbering plan for
 * every country, grouping them would be a guess).
 */
export function displayPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}
