/** How long a success message stays: long enough to read twice, short enough not to go stale. */
export const NOTICE_MS = 6_000;

/**
 * A success message ("Campaign created.") that clears itself, so it never
 * describes something long past. Screens own one each; it is gone with the
 * screen, so navigating away clears it too.
 */
export class TransientNotice {
  text = $state('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly lasts = NOTICE_MS) {}

  show(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.text = ''), this.lasts);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.text = '';
  }
}
