import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { organizationDecider, organizationStream, type PersonJoined, type RosterCarriedOver, type RoleChanged } from '@textbank/domain';
import { eventIdFor, type EventStore } from '@textbank/event-store';
import { CommandExecutor } from '../commands/command-executor.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { organizationCreated } from '../setup/the-organization.js';

const LEGACY_TYPES = ['PersonJoined', 'RoleChanged', 'PersonSuspended', 'PersonReinstated'];

/**
 * Upgrading an installation set up before the roster: its role changes and
 * suspensions are in the people's own streams, and its OrganizationCreated
 * names no founder. At start, before anything is decided, every member's
 * standing as those events left it is carried over to the roster in one
 * event (RosterCarriedOver); until then the roster refuses to decide.
 */
@Injectable()
export class RosterCarryOver implements OnApplicationBootstrap {
  private readonly logger = new Logger(RosterCarryOver.name);

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await organizationCreated(this.store);
    if (!created || created.data.founder) return;
    const stream = organizationStream(created.data.organizationId);
    if ((await this.executor.current(stream, organizationDecider)).complete) return;
    const standings = await this.legacyStandings();
    const outcome = await this.executor.execute({
      stream,
      decider: organizationDecider,
      command: { type: 'CarryOverRoster', standings, now: new Date().toISOString() },
      envelope: { commandId: eventIdFor(created.id, 2), correlationId: 'roster-carry-over', actor: { id: 'textbank', kind: 'system', name: 'Textbank upgrade' }, now: new Date() },
    });
    this.logger.warn({ members: standings.length, ok: outcome.ok }, 'carried the standings written by an earlier version over to the roster');
  }

  private async legacyStandings(): Promise<RosterCarriedOver['data']['standings']> {
    const events = await this.store.readAll({ filter: { streamPrefixes: ['person-'], eventTypes: LEGACY_TYPES } });
    const standings = new Map<string, { personId: string; role: PersonJoined['data']['role']; status: 'active' | 'suspended'; version: number }>();
    for (const event of events) {
      const personId = (event.data as { personId: string }).personId;
      const current = standings.get(personId);
      if (event.type === 'PersonJoined') {
        standings.set(personId, { personId, role: (event.data as PersonJoined['data']).role, status: 'active', version: 0 });
      } else if (current) {
        if (event.type === 'RoleChanged') current.role = (event.data as RoleChanged['data']).to;
        if (event.type === 'PersonSuspended') current.status = 'suspended';
        if (event.type === 'PersonReinstated') current.status = 'active';
        current.version++;
      }
    }
    // Everyone whose standing is not simply "as joined", and every owner (the founder joined as one).
    return [...standings.values()].filter((s) => s.version > 0 || s.role === 'owner');
  }
}
