import { Injectable } from '@nestjs/common';

/**
 * Uploads this process is reading right now. An upload the log says was
 * started but that nobody is reading (the process restarted, the connection
 * dropped) is shown as interrupted: the admin uploads again or discards it.
 */
@Injectable()
export class ActiveUploads {
  private readonly reading = new Set<string>();

  begin(uploadId: string): void {
    this.reading.add(uploadId);
  }

  end(uploadId: string): void {
    this.reading.delete(uploadId);
  }

  isReading(uploadId: string): boolean {
    return this.reading.has(uploadId);
  }
}
