import { accept, assertNever, reject, type Decider } from '../shared/decider.js';
import type { ColumnMapping, ContactUploadEvent, UploadCounts, UploadedContact } from './contact-upload-events.js';

export interface StartContactUpload {
  readonly type: 'StartContactUpload';
  readonly uploadId: string;
  readonly campaignId: string;
  readonly organizationId: string;
  readonly fileName: string;
  readonly mapping: ColumnMapping;
  readonly now: string;
}

export interface AcceptContactsChunk {
  readonly type: 'AcceptContactsChunk';
  readonly uploadId: string;
  readonly chunk: number;
  readonly contacts: readonly UploadedContact[];
}

export interface CompleteContactUpload {
  readonly type: 'CompleteContactUpload';
  readonly uploadId: string;
  readonly counts: UploadCounts;
  readonly reasons: Readonly<Record<string, number>>;
  readonly now: string;
}

export interface AbandonContactUpload {
  readonly type: 'AbandonContactUpload';
  readonly uploadId: string;
  readonly reason: string;
  readonly now: string;
}

export type ContactUploadCommand = StartContactUpload | AcceptContactsChunk | CompleteContactUpload | AbandonContactUpload;

export type ContactUploadState =
  | { readonly status: 'none' }
  | { readonly status: 'started' | 'completed' | 'abandoned'; readonly campaignId: string; readonly chunks: number; readonly accepted: number };

export const MAX_CONTACTS_PER_CHUNK = 2_000;

export const contactUploadDecider: Decider<ContactUploadCommand, ContactUploadEvent, ContactUploadState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'StartContactUpload': {
        if (state.status !== 'none') return reject('conflict', 'This upload has already started');
        if (!command.mapping.phone) return reject('invalid', 'Choose the column that holds phone numbers', 'mapping.phone');
        const { uploadId, campaignId, organizationId, fileName, mapping, now } = command;
        return accept({ type: 'ContactUploadStarted', data: { uploadId, campaignId, organizationId, fileName, mapping, startedAt: now } });
      }
      case 'AcceptContactsChunk': {
        if (state.status === 'none') return reject('not_found', 'No such upload');
        if (state.status !== 'started') return reject('conflict', `This upload is ${state.status}`);
        // A chunk sent again (a retry) is already in: nothing to do. Chunks arrive in order, none skipped.
        if (command.chunk < state.chunks) return accept();
        if (command.chunk > state.chunks) return reject('conflict', `Expected chunk ${state.chunks}, got ${command.chunk}`);
        if (command.contacts.length === 0 || command.contacts.length > MAX_CONTACTS_PER_CHUNK) {
          return reject('invalid', `A chunk holds 1 to ${MAX_CONTACTS_PER_CHUNK} contacts`, 'contacts');
        }
        return accept({ type: 'ContactsChunkAccepted', data: { uploadId: command.uploadId, campaignId: state.campaignId, chunk: command.chunk, contacts: command.contacts } });
      }
      case 'CompleteContactUpload': {
        if (state.status === 'none') return reject('not_found', 'No such upload');
        if (state.status === 'completed') return accept();
        if (state.status === 'abandoned') return reject('conflict', 'This upload was abandoned; upload the file again');
        // The summary must add up to what was recorded: nothing lost between the chunks and the counts.
        if (command.counts.accepted !== state.accepted) {
          return reject('conflict', `The summary says ${command.counts.accepted} accepted, the chunks hold ${state.accepted}`);
        }
        const { counts } = command;
        if (counts.accepted + counts.invalid + counts.duplicate + counts.optedOut !== counts.rows) return reject('invalid', 'The counts do not add up to the rows', 'counts');
        return accept({
          type: 'ContactUploadCompleted',
          data: { uploadId: command.uploadId, campaignId: state.campaignId, counts, reasons: command.reasons, completedAt: command.now },
        });
      }
      case 'AbandonContactUpload': {
        if (state.status === 'none') return reject('not_found', 'No such upload');
        if (state.status === 'abandoned') return accept();
        if (state.status === 'completed') return reject('conflict', 'This upload is complete: its contacts are in the campaign');
        return accept({ type: 'ContactUploadAbandoned', data: { uploadId: command.uploadId, campaignId: state.campaignId, reason: command.reason, abandonedAt: command.now } });
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContactUploadStarted':
        return { status: 'started', campaignId: event.data.campaignId, chunks: 0, accepted: 0 };
      case 'ContactsChunkAccepted':
        return state.status === 'none' ? state : { ...state, chunks: state.chunks + 1, accepted: state.accepted + event.data.contacts.length };
      case 'ContactUploadCompleted':
        return state.status === 'none' ? state : { ...state, status: 'completed' };
      case 'ContactUploadAbandoned':
        return state.status === 'none' ? state : { ...state, status: 'abandoned' };
      default:
        return assertNever(event);
    }
  },
};
