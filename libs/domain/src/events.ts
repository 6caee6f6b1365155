import type { CampaignEvent } from './campaign/campaign-events.js';
import type { ContactUploadEvent } from './contact-upload/contact-upload-events.js';
import type { OptOutEvent } from './opt-out/opt-out-events.js';
import type { InviteEvent } from './invite/invite-events.js';
import type { OrganizationEvent } from './organization/organization-events.js';
import type { PersonEvent } from './person/person-events.js';
import type { ScriptEvent } from './script/script-events.js';
import type { CannedResponseEvent } from './canned-response/canned-response-events.js';
import type { SurveyEvent } from './survey/survey-events.js';
import type { TagEvent } from './tag/tag-events.js';
import type { TextingEvent } from './texting/texting-events.js';
import type { ConversationEvent } from './conversation/conversation-events.js';
import type { UnmatchedReplyReceived } from './conversation/unmatched-reply.js';
import type { DeliveryAlarmEvent } from './delivery-alarm/delivery-alarm-events.js';

/** Every event the domain writes; projectors handle these by type. */
export type AnyDomainEvent = OrganizationEvent | PersonEvent | InviteEvent | CampaignEvent | ContactUploadEvent | OptOutEvent | ScriptEvent | CannedResponseEvent | TagEvent | SurveyEvent | TextingEvent | ConversationEvent | UnmatchedReplyReceived | DeliveryAlarmEvent;
export type DomainEventType = AnyDomainEvent['type'];
