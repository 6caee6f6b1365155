import type { Projector } from './projector.js';
import { campaignSurveysProjector } from './read-models/campaign-surveys.js';
import { campaignsProjector } from './read-models/campaigns.js';
import { commandOutcomesProjector } from './read-models/command-outcomes.js';
import { contactsProjector } from './read-models/contacts.js';
import { eventLogProjector } from './read-models/event-log.js';
import { invitesProjector } from './read-models/invites.js';
import { peopleProjector } from './read-models/people.js';
import { tagsProjector } from './read-models/tags.js';
import { scriptsProjector } from './read-models/scripts.js';
import { cannedResponsesProjector } from './read-models/canned-responses.js';
import { textingProjector } from './read-models/texting.js';
import { dashboardProjector } from './read-models/dashboard.js';

/** Every read model the API serves, fed by one runner. */
export const allProjectors: readonly Projector[] = [peopleProjector, invitesProjector, campaignsProjector, tagsProjector, campaignSurveysProjector, eventLogProjector, commandOutcomesProjector, contactsProjector, scriptsProjector, cannedResponsesProjector, textingProjector, dashboardProjector];
