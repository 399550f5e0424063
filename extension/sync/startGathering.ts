// The background's side of gathering: answers the bulk-import control and the options page, and runs the Graph folder
// sync and the Gmail list sync when their alarms fire (and schedules those alarms whenever the settings change).
import type { AttachmentPayload, SaveAnswer } from '../messaging/messages';
import type { AttachmentRequestAnswerer } from '../reports/answerAttachmentRequest';
import { afterReportsGathered } from './afterGather';
import { isGatherMessage, type GatherAnswerOf, type GatherMessage } from './gatherMessages';
import { changesGatherSettings } from './gatherSettings';
import { GMAIL_SYNC_ALARM, scheduleGmailSync, syncGmailList } from './gmailSync';
import { SYNC_ALARM, scheduleGraphSync, syncGraphFolder } from './graphSync';

export function startGathering(readAttachment: AttachmentRequestAnswerer): void {
  const save = (attachment: AttachmentPayload): Promise<SaveAnswer> =>
    readAttachment({ type: 'save-attachment', attachment });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    // Only this extension's own scripts and pages may ask; the card's messages are answered by the other listener.
    if (sender.id !== browser.runtime.id || !isGatherMessage(message)) return false;
    answer(message, save).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: { code: 'extension', message: `The extension failed (${String(error)}).` } }),
    );
    return true; // the answer comes asynchronously
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    // A one-shot alarm (the test's, or one Chrome fired late) leaves the periodic one to be set again.
    if (alarm.name === SYNC_ALARM) void syncGraphFolder(save).finally(() => void scheduleGraphSync());
    if (alarm.name === GMAIL_SYNC_ALARM) void syncGmailList().finally(() => void scheduleGmailSync());
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changesGatherSettings(changes) || Object.hasOwn(changes, 'graphSettings')) void scheduleGraphSync();
    if (changesGatherSettings(changes)) void scheduleGmailSync();
  });
  void scheduleGraphSync();
  void scheduleGmailSync();
}

async function answer(
  message: GatherMessage,
  save: (attachment: AttachmentPayload) => Promise<SaveAnswer>,
): Promise<GatherAnswerOf[GatherMessage['type']]> {
  switch (message.type) {
    case 'gather-save-file':
      return save({ ...message.file, container: 'attachment' });
    case 'gather-bulk-finished':
      await afterReportsGathered('bulk', message.added);
      return { ok: true };
    case 'gather-sync-now':
      return syncGraphFolder(save, true);
    case 'gather-gmail-now':
      return syncGmailList();
  }
}
