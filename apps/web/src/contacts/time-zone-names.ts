/** What a contact without a ZIP is listed under (the API filters them as `timeZone=none`). */
export const NO_ZIP_LABEL = 'No ZIP';

/**
 * An IANA zone as people say it: "Eastern Time (New York)". Contacts without a
 * known zone are "No ZIP": they get texts only while every continental US zone
 * is inside the hours.
 */
export function timeZoneName(zone: string | null): string {
  if (zone === null) return NO_ZIP_LABEL;
  const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
  const generic = genericName(zone);
  return generic ? `${generic} (${city})` : city;
}

function genericName(zone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    // Zones without a generic name come back as "GMT-07:00": the city says more.
    return name && !/^GMT/.test(name) ? name : null;
  } catch {
    return null;
  }
}
