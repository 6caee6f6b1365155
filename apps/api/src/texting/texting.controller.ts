import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AssignmentSummary,
  AssignRequest,
  ConversationPage,
  InboxQuery,
  NextContactReply,
  OptOutConversationRequest,
  OptOutConversationResult,
  ReassignRequest,
  ReleaseRequest,
  RequestContactsRequest,
  RequestContactsResult,
  SendInitialRequest,
  SendReplyRequest,
  ThreadView,
  UnassignRequest,
  type CommandAccepted,
} from '@textbank/contracts';
import { findConversation, listConversations, listPeople, listUnmatchedReplies, optedOutAmong, texterLoads, threadOf, unassignedCount, type ProjectionRunner } from '@textbank/projections';
import { eventIdFor } from '@textbank/event-store';
import type { TextingCommand } from '@textbank/domain';
import type Database from 'better-sqlite3';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS, STAFF, TEXTERS } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { campaignOrNotFound } from '../campaigns/campaign-or-not-found.js';
import { CommandDispatch } from '../commands/command-dispatch.js';
import { acceptedOrThrow } from '../http/command-response.js';
import { envelopeFrom } from '../commands/envelope-from-request.js';
import { CLOCK, PROJECTIONS, READ_MODEL_DB, type Clock } from '../infrastructure/tokens.js';
import { OptOutPhonesCommand } from '../contacts/opt-out-phones.command.js';
import { activeTexterOrNotFound } from './active-texter.js';
import { TextingService } from './texting.service.js';

class RequestContactsDto extends createZodDto(RequestContactsRequest) {}
class RequestContactsResultDto extends createZodDto(RequestContactsResult) {}
class NextContactReplyDto extends createZodDto(NextContactReply) {}
class SendInitialDto extends createZodDto(SendInitialRequest) {}
class SendReplyDto extends createZodDto(SendReplyRequest) {}
class OptOutConversationDto extends createZodDto(OptOutConversationRequest) {}
class OptOutConversationResultDto extends createZodDto(OptOutConversationResult) {}
/** The confirmation's command id, derived from the opt-out gesture's. */
const CONFIRMATION_STEP = 3_000_000;
class InboxQueryDto extends createZodDto(InboxQuery) {}
class ConversationPageDto extends createZodDto(ConversationPage) {}
class ThreadViewDto extends createZodDto(ThreadView) {}
class AssignDto extends createZodDto(AssignRequest) {}
class UnassignDto extends createZodDto(UnassignRequest) {}
class ReleaseDto extends createZodDto(ReleaseRequest) {}
class ReassignDto extends createZodDto(ReassignRequest) {}
class AssignmentSummaryDto extends createZodDto(AssignmentSummary) {}

/** A Send needs the client's gesture id: without it a double click could not be told from two sends. */
function requireGesture(request: Request) {
  if (!request.header('idempotency-key')) throw new BadRequestException({ message: 'Idempotency-Key is required: one id per press of Send', issues: [{ path: 'Idempotency-Key', message: 'required' }] });
}

/** The inbox and review filters a query names (an answer needs both its question and its choice). */
function filtersOf(query: InboxQuery) {
  const answer = query.questionId !== undefined && query.answerId !== undefined ? { questionId: query.questionId, answerId: query.answerId } : {};
  if ((query.questionId === undefined) !== (query.answerId === undefined)) {
    throw new BadRequestException({ message: 'Filter by an answer with both questionId and answerId', issues: [{ path: query.questionId === undefined ? 'questionId' : 'answerId', message: 'required with the other' }] });
  }
  return {
    view: query.view,
    ...(query.search && { search: query.search }),
    ...(query.tagId && { tagId: query.tagId }),
    ...(query.errorCode && { errorCode: query.errorCode }),
    ...answer,
    limit: query.limit,
    offset: query.offset,
  };
}

@ApiTags('texting')
@Controller()
export class TextingController {
  constructor(
    private readonly texting: TextingService,
    private readonly dispatch: CommandDispatch,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** "Give me N more": at most a batch held untexted at once, none while too many replies wait. */
  @Post('campaigns/:id/texting/request')
  @HttpCode(200)
  @Access(...TEXTERS)
  @ApiOkResponse({ type: RequestContactsResultDto })
  async request(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestContactsDto, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    campaignOrNotFound(this.readModels, id);
    const envelope = envelopeFrom(request, principal, this.clock());
    const outcome = await this.texting.requestContacts(principal, id, body.count, envelope);
    // Unlike other writes, not held until the read models have it: the next contact is read from the
    // texting stream (GET texting/next), and projecting 200 rows took far longer than the decision.
    const accepted = acceptedOrThrow(outcome, id);
    const assigned = outcome.ok ? await this.texting.assignedAt(id, outcome.revision) : [];
    return { assigned: assigned.length, position: accepted.position, readable: this.projections.checkpoint() >= BigInt(accepted.position) };
  }

  /** The next contact to text, with the message rendered for them; null when there is none. */
  @Get('campaigns/:id/texting/next')
  @Access(...TEXTERS)
  @ApiOkResponse({ type: NextContactReplyDto })
  async next(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<NextContactReply> {
    campaignOrNotFound(this.readModels, id);
    const position = this.projections.checkpoint().toString();
    return { next: await this.texting.nextFromStream(principal, id, this.clock()), position };
  }

  /** One press of Send. The Idempotency-Key is the gesture id: the same press retried sends once. */
  @Post('campaigns/:id/texting/send')
  @Access(...TEXTERS)
  async send(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SendInitialDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    requireGesture(request);
    campaignOrNotFound(this.readModels, id);
    const outcome = await this.texting.sendInitial(principal, id, body.contactId, envelopeFrom(request, principal, this.clock()));
    return this.dispatch.readable(outcome, outcome.messageId ?? body.contactId);
  }

  /** The texter gives back the contacts they have not texted yet. */
  @Post('campaigns/:id/texting/release')
  @HttpCode(200)
  @Access(...TEXTERS)
  async releaseMine(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.move(id, principal, request, (now) => ({ type: 'ReleaseUntexted', campaignId: id, texterId: principal.person.id, now }));
  }

  /** My conversations (all campaigns, or one); staff and auditors may look at another texter's. */
  @Get('conversations')
  @Access(...TEXTERS, 'auditor')
  @ApiOkResponse({ type: ConversationPageDto })
  inbox(@Query() query: InboxQueryDto, @Query('campaignId') campaignId: string | undefined, @Query('texterId') texterId: string | undefined, @CurrentPrincipal() principal: Principal): ConversationPage {
    const whose = texterId ?? principal.person.id;
    if (whose !== principal.person.id && !READERS.includes(principal.person.role)) throw new ForbiddenException("Only staff and auditors see another texter's conversations");
    const position = this.projections.checkpoint().toString();
    return { ...listConversations(this.readModels, { ...filtersOf(query), texterId: whose, ...(campaignId && { campaignId }) }), position };
  }

  @Get('conversations/:contactId')
  @Access(...TEXTERS, 'auditor')
  @ApiOkResponse({ type: ThreadViewDto })
  thread(@Param('contactId') contactId: string, @CurrentPrincipal() principal: Principal): ThreadView {
    const position = this.projections.checkpoint().toString();
    const conversation = findConversation(this.readModels, contactId);
    if (!conversation || (conversation.texterId !== principal.person.id && !READERS.includes(principal.person.role))) throw new NotFoundException(`No conversation ${contactId} of yours`);
    return { conversation, messages: threadOf(this.readModels, contactId), position };
  }

  @Post('conversations/:contactId/replies')
  @Access(...TEXTERS)
  async reply(@Param('contactId') contactId: string, @Body() body: SendReplyDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    const outcome = await this.texting.reply(principal, contactId, body.body, { cannedResponseId: body.cannedResponseId }, envelopeFrom(request, principal, this.clock()));
    return this.dispatch.readable(outcome, outcome.messageId ?? contactId);
  }

  /** Message review: a campaign's conversations for staff and auditors; `texterId=none`: nobody's (the admin queue). */
  @Get('campaigns/:id/conversations')
  @Access(...READERS)
  @ApiOkResponse({ type: ConversationPageDto })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: InboxQueryDto, @Query('texterId') texterId: string | undefined): ConversationPage {
    campaignOrNotFound(this.readModels, id);
    const position = this.projections.checkpoint().toString();
    const whose = texterId === 'none' ? null : texterId;
    return { ...listConversations(this.readModels, { ...filtersOf(query), ...(whose !== undefined && { texterId: whose }), campaignId: id }), position };
  }

  /** Texts from numbers no conversation has, for staff to read. */
  @Get('unmatched-replies')
  @Access(...READERS)
  unmatched(@Query() query: InboxQueryDto, @CurrentPrincipal() principal: Principal) {
    return { ...listUnmatchedReplies(this.readModels, principal.organization.id, query.limit, query.offset), position: this.projections.checkpoint().toString() };
  }

  /**
   * The owner (or staff) opts the contact out by hand ("remove me", "wrong
   * number"): organization-wide, like a STOP. With `confirmation`, that text
   * goes out once, after the opt-out is recorded, and only when this opted the
   * number out: one who sent STOP already had the carrier's confirmation.
   */
  @Post('conversations/:contactId/opt-out')
  @Access(...TEXTERS)
  @ApiOkResponse({ type: OptOutConversationResultDto })
  async optOut(
    @Param('contactId') contactId: string,
    @Body() body: OptOutConversationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<OptOutConversationResult> {
    const conversation = findConversation(this.readModels, contactId);
    if (!conversation || (conversation.texterId !== principal.person.id && !STAFF.includes(principal.person.role))) throw new NotFoundException(`No conversation ${contactId} of yours`);
    const envelope = envelopeFrom(request, principal, this.clock());
    const alreadyOptedOut = optedOutAmong(this.readModels, principal.organization.id, [conversation.phone]).size > 0;
    const note = `opted out from the conversation by ${principal.person.name}`;
    const optedOut = await this.dispatch.accepted(new OptOutPhonesCommand(principal.organization.id, [conversation.phone], 'manual', envelope, note), contactId);
    if (body.confirmation === undefined || alreadyOptedOut) return { ...optedOut, confirmationSent: false };
    // Its own command id, derived from the gesture's: a retried press finds the same text.
    const confirming = { ...envelope, commandId: eventIdFor(envelope.commandId, CONFIRMATION_STEP) };
    const outcome = await this.texting.reply(principal, contactId, body.confirmation, { optOutConfirmation: true }, confirming);
    if (!outcome.ok) throw new ConflictException(`${conversation.phone} is opted out, but the confirmation was not sent: ${outcome.rejection.message}`);
    return { ...(await this.dispatch.readable(outcome, outcome.messageId ?? contactId)), confirmationSent: true };
  }

  /** Who holds what in a campaign: per texter, and the pool. */
  @Get('campaigns/:id/assignments')
  @Access(...READERS)
  @ApiOkResponse({ type: AssignmentSummaryDto })
  summary(@Param('id', new ParseUUIDPipe()) id: string): AssignmentSummary {
    campaignOrNotFound(this.readModels, id);
    const position = this.projections.checkpoint().toString();
    const names = new Map(listPeople(this.readModels).map((p) => [p.id, p.name]));
    const texters = [...texterLoads(this.readModels, id)].map(([texterId, load]) => ({
      texterId,
      name: names.get(texterId) ?? texterId,
      needsFirstText: load.needs_first_text,
      needsReply: load.needs_reply,
      waiting: load.waiting,
      closed: load.closed,
      optedOut: load.opted_out,
    }));
    return { unassigned: unassignedCount(this.readModels, id), texters, position };
  }

  @Post('campaigns/:id/assignments/assign')
  @HttpCode(200)
  @Access(...STAFF)
  async assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    campaignOrNotFound(this.readModels, id);
    activeTexterOrNotFound(this.readModels, body.texterId, 'texterId');
    const outcome = await this.texting.assign(id, body.texterId, body.count, envelopeFrom(request, principal, this.clock()));
    return this.dispatch.readable(outcome, id);
  }

  @Post('campaigns/:id/assignments/unassign')
  @HttpCode(200)
  @Access(...STAFF)
  async unassign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UnassignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.move(id, principal, request, (now) => ({ type: 'UnassignContacts', campaignId: id, contactIds: body.contactIds, now }));
  }

  @Post('campaigns/:id/assignments/release')
  @HttpCode(200)
  @Access(...STAFF)
  async release(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReleaseDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    return this.move(id, principal, request, (now) => ({ type: 'ReleaseUntexted', campaignId: id, texterId: body.texterId, now }));
  }

  @Post('campaigns/:id/assignments/reassign')
  @HttpCode(200)
  @Access(...STAFF)
  async reassign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReassignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommandAccepted> {
    activeTexterOrNotFound(this.readModels, body.toTexterId, 'texterId');
    return this.move(id, principal, request, (now) => ({ type: 'ReassignContacts', campaignId: id, contactIds: body.contactIds, toTexterId: body.toTexterId, now }));
  }

  /** A change to who holds what in the campaign, decided on its texting stream. */
  private async move(campaignId: string, principal: Principal, request: Request, command: (now: string) => TextingCommand): Promise<CommandAccepted> {
    campaignOrNotFound(this.readModels, campaignId);
    const envelope = envelopeFrom(request, principal, this.clock());
    return this.dispatch.readable(await this.texting.texting(campaignId, command(envelope.now.toISOString()), envelope), campaignId);
  }
}
