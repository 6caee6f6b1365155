import type { SurveyQuestion, TagView } from '@textbank/contracts';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ConversationTags from './ConversationTags.svelte';
import { aConversation } from './inbox-test-data';
import SurveyPanel from './SurveyPanel.svelte';

const questions: SurveyQuestion[] = [
  { id: 'vote', text: 'Will you vote?', answers: [{ id: 'yes', label: 'Yes', next: 'how' }, { id: 'no', label: 'No' }] },
  { id: 'how', text: 'How will you get there?', answers: [{ id: 'drive', label: 'Drive' }] },
];
const tag = (id: string, name: string, archived = false): TagView => ({ id, name, colour: 'green', group: null, archived, createdAt: '', updatedAt: '', revision: 0 });

describe('SurveyPanel', () => {
  it('offers the starting question; a recorded answer is pressed and opens its follow-up', () => {
    const fresh = render(SurveyPanel, { props: { conversation: aConversation(), questions, editable: true } }).body;
    expect(fresh.match(/data-testid="survey-question"/g)).toHaveLength(1);
    expect(fresh).toContain('Will you vote?');
    const answered = render(SurveyPanel, { props: { conversation: aConversation({ answers: [{ questionId: 'vote', answerId: 'yes' }] }), questions, editable: true } }).body;
    expect(answered).toContain('How will you get there?');
    expect(answered).toMatch(/class="chosen"[^>]*aria-pressed="true"[^>]*>Yes</);
    expect(answered).toMatch(/aria-pressed="false"[^>]*>No</);
  });

  it('for someone who may not record answers, shows only what was recorded', () => {
    const body = render(SurveyPanel, { props: { conversation: aConversation({ answers: [{ questionId: 'vote', answerId: 'no' }] }), questions, editable: false } }).body;
    expect(body).not.toContain('<button');
    expect(body).toContain('>No<');
    expect(body).not.toContain('>Yes<');
  });

  it('shows nothing for a campaign without a survey', () => {
    expect(render(SurveyPanel, { props: { conversation: aConversation(), questions: [], editable: true } }).body).not.toContain('Survey');
  });
});

describe('ConversationTags', () => {
  it('toggles the offered tags, marks the ones on, and hides an archived tag unless it is on', () => {
    const offered = [tag('t1', 'Voting'), tag('t2', 'Needs a ride'), tag('t3', 'Old', true), tag('t4', 'Old but on', true)];
    const body = render(ConversationTags, { props: { conversation: aConversation({ tags: ['t2', 't4'] }), offered, editable: true } }).body;
    expect(body.match(/<button[^>]*class="tag-toggle/g)).toHaveLength(3);
    expect(body).toMatch(/aria-pressed="false"[^>]*>.*Voting/);
    expect(body).toMatch(/aria-pressed="true"[^>]*>.*Needs a ride/);
    expect(body).not.toContain('>Old<');
  });

  it('read-only: the tags on, or "No tags"', () => {
    expect(render(ConversationTags, { props: { conversation: aConversation({ tags: ['t1'] }), offered: [tag('t1', 'Voting'), tag('t2', 'Ride')], editable: false } }).body).toMatch(/conversation-tags[^]*Voting(?![^]*Ride)/);
    expect(render(ConversationTags, { props: { conversation: aConversation(), offered: [tag('t1', 'Voting')], editable: false } }).body).toContain('No tags');
  });
});
