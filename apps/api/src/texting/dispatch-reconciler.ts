import type { DispatchOutcome } from '@textbank/domain';
import type { SmsProvider } from '@textbank/sms';
import type { Attempt, DispatchJournal } from './dispatch-journal.js';

/**
 * Settles sends whose outcome is unknown by asking the provider, never by
 * sending again: the provider has exactly one matching message (same number,
 * same text, since the attempt): dispatched; none: not sent; otherwise
 * (several, the provider cannot be asked or cannot list): undecided, for an
 * admin, never retried. Only attempts older than `settleMs` are asked about,
 * so a request still being processed at the provider is not missed.
 */
export class DispatchReconciler {
  constructor(
    private readonly journal: DispatchJournal,
    private readonly provider: SmsProvider,
    private readonly record: (attempt: Attempt, outcome: DispatchOutcome) => Promise<void>,
    private readonly clock: () => Date,
    private readonly settleMs: number,
  ) {}

  /** Reconciles every unknown outcome that is due; answers how many it settled. */
  async reconcileDue(isStopped: () => boolean): Promise<number> {
    const due = this.journal.unknownBefore(new Date(this.clock().getTime() - this.settleMs + 1).toISOString());
    let settled = 0;
    for (const attempt of due) {
      if (isStopped()) break;
      await this.record(attempt, await this.outcomeOf(attempt));
      this.journal.reconciled(attempt.messageId);
      settled++;
    }
    return settled;
  }

  private async outcomeOf(attempt: Attempt): Promise<DispatchOutcome> {
    if (!this.provider.lookup) return { kind: 'undecided', detail: `The ${this.provider.name} provider cannot be asked about past sends` };
    if (attempt.to === null || attempt.body === null) return { kind: 'undecided', detail: 'The attempt was written without its number and text (before reconciliation existed)' };
    const found = await this.provider.lookup({ messageId: attempt.messageId, campaignId: attempt.campaignId, to: attempt.to, body: attempt.body }, attempt.startedAt);
    switch (found.found) {
      case 'one':
        return { kind: 'dispatched', providerMessageId: found.providerMessageId, from: found.from, reconciled: true };
      case 'none':
        return { kind: 'not_sent', reason: 'not_at_provider', detail: `${this.provider.name} has no such message: the send never got there` };
      case 'undecidable':
        return { kind: 'undecided', detail: found.detail };
    }
  }
}
