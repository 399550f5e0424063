// The pages the content script runs on: Gmail (every /mail/u/N/ account) and the four Outlook on the web hosts.
export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];
