import type { CampaignEvent } from './campaign/campaign-events.js';
import type { OrganizationEvent } from './organization/organization-events.js';

/** Every event the domain writes; projectors handle these by type. */
export type AnyDomainEvent = OrganizationEvent | CampaignEvent;
export type DomainEventType = AnyDomainEvent['type'];
