import { describe, expect, it } from 'vitest';
import { checklistLines, missingSummary } from './checklist-links';
import { ACTION_WORDS, actionsFor, needsChecklist } from './lifecycle-actions';

describe('actionsFor', () => {
  it('offers the next step for each status, and nothing once archived', () => {
    expect(actionsFor('draft')).toEqual(['launch', 'archive']);
    expect(actionsFor('active')).toEqual(['pause', 'archive']);
    expect(actionsFor('paused')).toEqual(['resume', 'archive']);
    expect(actionsFor('archived')).toEqual([]);
  });

  it('only launch and resume wait for the checklist', () => {
    expect(['launch', 'pause', 'resume', 'archive'].filter((a) => needsChecklist(a as never))).toEqual(['launch', 'resume']);
  });

  it('names the campaign in every confirmation and says archiving is for good', () => {
    expect(ACTION_WORDS.archive.title('GOTV')).toBe('Archive GOTV?');
    expect(ACTION_WORDS.archive.consequence).toMatch(/cannot be launched or resumed again/);
  });
});

describe('checklistLines', () => {
  const items = [
    { item: 'contacts' as const, ready: false, message: 'No contacts yet' },
    { item: 'initialScript' as const, ready: true, message: 'Script written' },
    { item: 'mergeFields' as const, ready: false, message: 'Unknown merge field {zip}' },
  ];

  it('links what is missing to the section that fixes it, and keeps the server’s words', () => {
    expect(checklistLines(items)).toEqual([
      { item: 'contacts', ready: false, label: 'Contacts', message: 'No contacts yet', fix: { words: 'Upload contacts', section: 'contacts' } },
      { item: 'initialScript', ready: true, label: 'Initial script', message: 'Script written', fix: null },
      { item: 'mergeFields', ready: false, label: 'Merge fields', message: 'Unknown merge field {zip}', fix: { words: 'Fix the script', section: 'script' } },
    ]);
  });

  it('counts what is missing', () => {
    expect(missingSummary(items)).toBe('Not ready to launch: 2 things missing.');
    expect(missingSummary(items.slice(1, 2))).toBe('Ready to launch.');
    expect(missingSummary(items.slice(0, 1))).toBe('Not ready to launch: 1 thing missing.');
  });
});
