import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream, existsSync, mkdirSync, type ReadStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The rejected rows of each upload, as a CSV for the admin to download and
 * fix (row number, reason, the cells as read). They are not contacts, so
 * they are not in the log: a file per upload under DATA_DIR/uploads.
 */
@Injectable()
export class RejectsFiles {
  private readonly folder: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.folder = join(config.dataDir, 'uploads');
  }

  create(uploadId: string): WriteStream {
    mkdirSync(this.folder, { recursive: true });
    return createWriteStream(this.pathOf(uploadId), { encoding: 'utf8' });
  }

  open(uploadId: string): ReadStream | undefined {
    const path = this.pathOf(uploadId);
    return existsSync(path) ? createReadStream(path) : undefined;
  }

  private pathOf(uploadId: string): string {
    return join(this.folder, `${uploadId}-rejects.csv`);
  }
}
