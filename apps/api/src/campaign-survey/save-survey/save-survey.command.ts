import type { SaveSurveyRequest } from '@textbank/contracts';
import type { CommandEnvelope } from '../../commands/command-envelope.js';

export class SaveSurveyCommand {
  constructor(
    readonly campaignId: string,
    readonly request: SaveSurveyRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}
