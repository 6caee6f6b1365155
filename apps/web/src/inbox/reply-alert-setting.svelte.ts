import { loadReplyAlertChoice, saveReplyAlertChoice, type ReplyAlertChoice } from './reply-alerts';

/** The browser's reply-alert choice, shared by the inbox's setting and the app-wide listener. */
class ReplyAlertSetting {
  choice = $state<ReplyAlertChoice>(loadReplyAlertChoice());

  /** Choosing notifications asks the browser's permission (it must come from the click). */
  async choose(choice: ReplyAlertChoice): Promise<void> {
    this.choice = choice;
    saveReplyAlertChoice(choice);
    if (choice === 'sound-and-notification' && typeof Notification !== 'undefined' && Notification.permission === 'default') await Notification.requestPermission();
  }
}

export const replyAlertSetting = new ReplyAlertSetting();
