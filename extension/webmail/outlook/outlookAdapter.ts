// Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft). Bytes in
// tiers: (1) an in-page download URL (classic OWA GetFileAttachment with the X-OWA-CANARY cookie); (2) the opt-in
// Microsoft Graph mode, run by the background; (3) otherwise "download it, then drop it here". Modern Microsoft 365
// authenticates downloads with bearer tokens the page keeps to itself; reading them would be credential harvesting.
import { requestGraphAttachment } from '../../messaging/contentMessages';
import { fetchAttachmentUrl } from '../fetchAttachmentUrl';
import { FoundAttachments, type FoundAttachment } from '../foundAttachments';
import { findReportFileName, isReportFileName } from '../reportFileName';
import {
  AttachmentUnavailableError,
  type AttachmentBytes,
  type AttachmentRef,
  type WebmailAdapter,
} from '../webmailAdapter';
import { OWA_CANARY_COOKIE, outlookSelectors as s } from './outlookSelectors';

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export const outlookAdapter: WebmailAdapter = {
  id: 'outlook',
  matches: (url) => OUTLOOK_HOSTS.includes(url.hostname),
  watchedAttributes: ['title', 'href', 'aria-selected', 'data-convid'],
  scan: scanOutlook,
};

function scanOutlook(root: ParentNode): AttachmentRef[] {
  const found = new FoundAttachments();

  // Only inside the reading pane: the message list is a listbox of options too.
  const panes = readingPanes(root);
  for (const tile of panes.flatMap((pane) => [...pane.querySelectorAll<HTMLElement>(s.tile.precise)])) {
    const fileName = tile.querySelector(s.tileName.precise)?.getAttribute('title')?.trim() ?? '';
    if (isReportFileName(fileName)) found.add(tile, fileName, 'precise');
  }
  for (const tile of panes.flatMap((pane) => [...pane.querySelectorAll<HTMLElement>(s.tile.semantic)])) {
    if (found.has(tile)) continue;
    const fileName = nameOfTile(tile);
    if (fileName !== undefined) found.add(tile, fileName, 'semantic');
  }
  for (const pane of panes) {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      // Outside a message body only: a report name quoted in the text of a mail is not an attachment.
      if (!isReportFileName(text) || parent === null || parent.closest(s.messageBody) !== null) continue;
      const tile = parent.closest<HTMLElement>('[role="option"], [title]') ?? parent;
      if (!found.has(tile)) found.add(tile, text, 'text');
    }
  }
  return found.all.map(toRef);
}

function readingPanes(root: ParentNode): HTMLElement[] {
  const precise = [...root.querySelectorAll<HTMLElement>(s.readingPane.precise)];
  return precise.length > 0 ? precise : [...root.querySelectorAll<HTMLElement>(s.readingPane.semantic)];
}

function nameOfTile(tile: HTMLElement): string | undefined {
  for (const el of tile.querySelectorAll(s.tileName.semantic)) {
    const title = el.getAttribute('title')?.trim() ?? '';
    if (isReportFileName(title)) return title;
  }
  return findReportFileName(tile.getAttribute('aria-label') ?? '');
}

function conversationId(): string {
  return document.querySelector(s.selectedConversation)?.getAttribute('data-convid') ?? '';
}

function toRef({ element: tile, fileName, layer }: FoundAttachment): AttachmentRef {
  const list = tile.closest(s.attachmentList.semantic);
  // Index of this attachment among all tiles of the reading pane: stable while the conversation is shown.
  const pane = tile.closest(`${s.readingPane.precise}, ${s.readingPane.semantic}`) ?? document;
  const index = [...pane.querySelectorAll(s.tile.semantic)].indexOf(tile);
  const convid = conversationId();
  return {
    fileName,
    messageKey: `${convid}#${index}`,
    element: tile,
    layer,
    fetchBytes: (signal) => fetchOutlookAttachment(tile, fileName, convid, signal),
    mountPoint: () => list ?? tile,
  };
}

async function fetchOutlookAttachment(
  tile: HTMLElement,
  fileName: string,
  convid: string,
  signal: AbortSignal,
): Promise<AttachmentBytes> {
  let lastError: AttachmentUnavailableError | undefined;
  // Tier 1: an in-page URL.
  const href = tile.querySelector(s.downloadLink)?.getAttribute('href');
  if (href) {
    const canary = document.cookie.match(OWA_CANARY_COOKIE)?.[1];
    try {
      const bytes = await fetchAttachmentUrl(href, signal, canary === undefined ? {} : { 'X-OWA-CANARY': canary });
      return { bytes, container: 'attachment', via: 'download link' };
    } catch (error) {
      if (!(error instanceof AttachmentUnavailableError) || error.reason === 'aborted') throw error;
      lastError = error;
    }
  }
  // Tier 2: Microsoft Graph, when the user turned it on (the background answers `off` otherwise).
  if (convid !== '') {
    const graph = await requestGraphAttachment(convid, fileName);
    if (graph.ok) return { bytes: graph.bytes, container: 'attachment', via: 'Microsoft Graph' };
    if (graph.reason !== 'off') lastError = new AttachmentUnavailableError('network', graph.message);
  }
  // Tier 3: the user downloads the file and drops it on the extension's page.
  throw new AttachmentUnavailableError(
    'needs-download',
    lastError === undefined
      ? 'Outlook does not let extensions read this attachment. Download it, then drop it here.'
      : `${lastError.message} Download it, then drop it here.`,
  );
}
