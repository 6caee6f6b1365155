import { Injectable } from '@nestjs/common';
import type { UploadProgress } from '@textbank/contracts';

type Listener = (organizationId: string, progress: UploadProgress) => void;

/**
 * How far each running upload has got, for the browsers following its
 * campaign. Ephemeral (not in the log): the upload's events are the record,
 * this only moves a progress bar.
 */
@Injectable()
export class UploadProgressFeed {
  private readonly listeners = new Set<Listener>();

  publish(organizationId: string, progress: UploadProgress): void {
    for (const listener of this.listeners) listener(organizationId, progress);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
