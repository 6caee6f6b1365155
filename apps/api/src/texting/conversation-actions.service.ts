import { Inject, Injectable } from '@nestjs/common';
import type { InboxView, TextingKit } from '@textbank/contracts';
import {
  campaignSurveyStream,
  conversationDecider,
  conversationStream,
  MAX_CONTACTS_PER_ACTION,
  surveyDecider,
  textingDecider,
  textingStream,
  type CampaignSurveyFacts,
  type ConversationCommand,
} from '@textbank/domain';
import { type EventStore } from '@textbank/event-store';
import { conversationIdsMatching, findConversation, findSurvey, findTags, listCannedResponses, type ProjectionRunner } from '@textbank/projections';
import type { CampaignView } from '@textbank/contracts';
import type Database from 'better-sqlite3';
import { STAFF } from '../auth/access.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from '../commands/command-envelope.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';

type Act =
  | { readonly type: 'RecordSurveyAnswer'; readonly questionId: string; readonly answerId: string | null }
  | { readonly type: 'TagConversation'; readonly tagId: string; readonly applied: boolean }
  | { readonly type: 'CloseConversation' };

/**
 * What a texter does to a conversation besides texting (survey answers,
 * tags, closing it), what they need for it (the campaign's kit), and the
 * admin's bulk moves. Who may act is read from the texting stream (the
 * owner) or the role (staff), the survey and tags from the campaign's
 * survey stream: the consistent sources, not read models.
 */
@Injectable()
export class ConversationActions {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {}

  /** undefined: no such conversation for this person (a 404: a volunteer does not learn whose it is). */
  async act(principal: Principal, contactId: string, act: Act, envelope: CommandEnvelope): Promise<CommandOutcome | undefined> {
    const conversation = findConversation(this.readModels, contactId);
    const staff = STAFF.includes(principal.person.role);
    if (!conversation || (!staff && conversation.texterId !== principal.person.id)) return undefined;
    const { campaignId } = conversation;
    const owners = await this.executor.current(textingStream(campaignId), textingDecider);
    const surveyState = await this.executor.current(campaignSurveyStream(campaignId), surveyDecider);
    const survey: CampaignSurveyFacts = { version: surveyState.version, questions: surveyState.questions, tagIds: surveyState.chosenTagIds };
    const actor = { contactId, campaignId, by: principal.person.id, mayAct: staff || owners.owners.get(contactId) === principal.person.id, texted: owners.texted.has(contactId), now: envelope.now.toISOString() };
    const command: ConversationCommand = act.type === 'CloseConversation' ? { ...actor, ...act } : { ...actor, ...act, survey };
    return this.executor.execute({ stream: conversationStream(contactId), decider: conversationDecider, command, envelope });
  }

  /** The kit for a campaign this person may text in: staff and auditors any; a volunteer an active or paused one, or one they hold conversations in. */
  kit(principal: Principal, campaign: CampaignView): TextingKit | undefined {
    if (principal.person.role === 'volunteer' && campaign.status !== 'active' && campaign.status !== 'paused' && !this.holdsAny(principal.person.id, campaign.id)) return undefined;
    const position = this.projections.checkpoint().toString();
    const survey = findSurvey(this.readModels, campaign.id);
    return {
      campaignId: campaign.id,
      name: campaign.name,
      status: campaign.status,
      textingHours: campaign.textingHours,
      responses: listCannedResponses(this.readModels, campaign.id),
      survey: { version: survey.version, questions: survey.questions },
      tags: findTags(this.readModels, survey.tagIds),
      position,
    };
  }

  private holdsAny(texterId: string, campaignId: string): boolean {
    return conversationIdsMatching(this.readModels, { texterId, campaignId, view: 'all' }, 1).length > 0;
  }

  /**
   * Move `fromTexterId`'s conversations matching the view and tag to another
   * texter or to nobody. The read model picks them; the texting decider moves
   * only those the texter still holds when it decides.
   */
  async move(
    campaignId: string,
    request: { fromTexterId: string; view: InboxView; tagId?: string | undefined; toTexterId: string | null; preview: boolean },
    envelope: CommandEnvelope,
  ): Promise<{ matched: number; moved: number; outcome?: CommandOutcome }> {
    const filter = { texterId: request.fromTexterId, campaignId, view: request.view, ...(request.tagId !== undefined && { tagId: request.tagId }) };
    const contactIds = conversationIdsMatching(this.readModels, filter, MAX_CONTACTS_PER_ACTION);
    if (request.preview || contactIds.length === 0) return { matched: contactIds.length, moved: 0 };
    const now = envelope.now.toISOString();
    const command =
      request.toTexterId === null
        ? ({ type: 'UnassignContacts', campaignId, contactIds, fromTexterId: request.fromTexterId, now } as const)
        : ({ type: 'ReassignContacts', campaignId, contactIds, fromTexterId: request.fromTexterId, toTexterId: request.toTexterId, now } as const);
    const outcome = await this.executor.execute({ stream: textingStream(campaignId), decider: textingDecider, command, envelope });
    return { matched: contactIds.length, moved: outcome.ok ? await this.movedBy(campaignId, outcome.revision, envelope.commandId) : 0, outcome };
  }

  /** How many contacts the command's event (the one at `revision`, if it is this command's) moved. */
  private async movedBy(campaignId: string, revision: bigint, commandId: string): Promise<number> {
    if (revision < 0n) return 0;
    const [event] = await this.store.readStream(textingStream(campaignId), { fromRevision: revision, maxCount: 1 });
    if (!event || event.metadata['causationId'] !== commandId) return 0;
    return (event.data as { contactIds: string[] }).contactIds.length;
  }
}
