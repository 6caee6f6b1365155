import type { OptOutImport } from './opt-outs-api';

/** Where a number on the list came from, in words. */
export function optOutSource(source: string): string {
  switch (source) {
    case 'manual':
      return 'Added by hand';
    case 'import':
      return 'Imported from a file';
    case 'reply':
      return 'Replied STOP';
    default:
      return source.charAt(0).toUpperCase() + source.slice(1).replace(/[_-]/g, ' ');
  }
}

/** What an import did: "2 numbers from opt-outs.csv are on the opt-out list. 1 row held no phone number (left out)." */
export function importResult(fileName: string, result: OptOutImport): string {
  const numbers = `${result.added.toLocaleString('en-US')} ${result.added === 1 ? 'number' : 'numbers'}`;
  const first = result.added === 0 ? `No phone numbers found in ${fileName}.` : `${numbers} from ${fileName} ${result.added === 1 ? 'is' : 'are'} on the opt-out list.`;
  if (result.invalid === 0) return first;
  return `${first} ${result.invalid.toLocaleString('en-US')} ${result.invalid === 1 ? 'row held' : 'rows held'} no phone number and ${result.invalid === 1 ? 'was' : 'were'} left out.`;
}

/** The list's count line: "3 numbers will never be texted by this organization." */
export function optOutCount(total: number, search: string): string {
  const numbers = `${total.toLocaleString('en-US')} ${total === 1 ? 'number' : 'numbers'}`;
  if (search.trim()) return `${numbers} ${total === 1 ? 'matches' : 'match'} “${search.trim()}”.`;
  return total === 0 ? 'No numbers on the list yet.' : `${numbers} will never be texted by this organization, in any campaign.`;
}
