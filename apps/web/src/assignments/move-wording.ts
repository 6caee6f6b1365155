import { VIEW_LABELS, type InboxView } from '../inbox/inbox-views';

/** What the organizer chose to move, in names. */
export interface MovePlan {
  fromName: string;
  /** null: nobody (untexted ones back to the pool, texted ones to the admin queue). */
  toName: string | null;
  view: InboxView;
  tagName: string | null;
}

const conversations = (count: number) => `${count} ${count === 1 ? 'conversation' : 'conversations'}`;

/** "in “Needs reply” tagged “Voting”": what narrows the choice ('' for all of them). */
function which(plan: MovePlan): string {
  const parts = [plan.view === 'all' ? '' : ` in “${VIEW_LABELS[plan.view]}”`, plan.tagName === null ? '' : ` tagged “${plan.tagName}”`];
  return parts.join('');
}

/** Where conversations moved to nobody go: the pool takes only untexted ones (see MoveConversationsRequest). */
function toNobody(view: InboxView): string {
  if (view === 'needs_first_text') return 'nobody: they go back to the pool for anyone to text.';
  if (view === 'all') return 'nobody: untexted ones go back to the pool, texted ones wait in the admin queue (Message review, texter “Nobody”).';
  return 'nobody: they wait in the admin queue (Message review, texter “Nobody”).';
}

/** The preview's sentence, before anything moves. */
export function movePreview(plan: MovePlan, matched: number): string {
  if (matched === 0) return `${plan.fromName} has no conversations${which(plan)}: nothing to move.`;
  const to = plan.toName === null ? toNobody(plan.view) : `${plan.toName}.`;
  return `This moves ${conversations(matched)}${which(plan)} from ${plan.fromName} to ${to}`;
}

/** What happened; fewer than previewed when some changed in between (answered, moved by someone else). */
export function moveDone(plan: MovePlan, matched: number, moved: number): string {
  const count = moved === matched ? conversations(moved) : `${moved} of ${conversations(matched)}`;
  return `Moved ${count} from ${plan.fromName} to ${plan.toName ?? 'nobody'}.`;
}
