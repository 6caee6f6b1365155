import { describe, expect, it } from 'vitest';
import { launchChecklist, missingFrom } from './launch-checklist.js';

const hours = { start: '09:00', end: '21:00' };

describe('launch checklist', () => {
  it('lists every item, ready or not, in the order to fix them', () => {
    expect(launchChecklist({ contactCount: 1, hasInitialScript: true, unknownMergeFields: [] }, hours)).toEqual([
      { item: 'contacts', ready: true, message: '1 contact' },
      { item: 'initialScript', ready: true, message: 'An initial script is written' },
      { item: 'mergeFields', ready: true, message: 'Every merge field is known' },
      { item: 'textingHours', ready: true, message: "Texting hours 09:00–21:00 in each contact's time" },
    ]);
  });

  it('with nothing known yet, says contacts and script are missing', () => {
    const checklist = launchChecklist({ contactCount: 0, hasInitialScript: false, unknownMergeFields: [] }, hours);
    expect(checklist.filter((i) => !i.ready).map((i) => i.item)).toEqual(['contacts', 'initialScript']);
  });

  it.each([
    [{ start: '08:00', end: '21:00' }, true],
    [{ start: '07:59', end: '20:00' }, false],
    [{ start: '09:00', end: '21:01' }, false],
    [{ start: '12:00', end: '12:00' }, false],
  ])('texting hours %o ready: %s', (textingHours, ready) => {
    const item = launchChecklist({ contactCount: 5, hasInitialScript: true, unknownMergeFields: [] }, textingHours).find((i) => i.item === 'textingHours');
    expect(item?.ready).toBe(ready);
  });

  it('names unknown merge fields as they are written', () => {
    const checklist = launchChecklist({ contactCount: 5, hasInitialScript: true, unknownMergeFields: ['shoeSize', 'pet'] }, hours);
    expect(missingFrom(checklist)).toBe('The script uses merge fields no contact has: {shoeSize}, {pet}');
  });
});
