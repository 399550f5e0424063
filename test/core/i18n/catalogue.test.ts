import { describe, expect, it } from 'vitest';
import {
  createTranslator,
  en,
  english,
  formatMessage,
  localeOf,
  nl,
  numberStyle,
  templateParams,
  translate,
  type MessageKey,
} from '../../../core/i18n';

const keys = Object.keys(en) as MessageKey[];

describe('formatMessage', () => {
  const enStyle = numberStyle('en');
  const nlStyle = numberStyle('nl');
  const messages = '{count, plural, one {# message} other {# messages}}';

  it('chooses the plural branch by the language and writes the number its way', () => {
    expect(formatMessage(messages, { count: 1 }, enStyle)).toBe('1 message');
    expect(formatMessage(messages, { count: 0 }, enStyle)).toBe('0 messages');
    expect(formatMessage(messages, { count: 2 }, enStyle)).toBe('2 messages');
    expect(formatMessage(messages, { count: 1.5 }, enStyle)).toBe('1.5 messages');
    expect(formatMessage(messages, { count: 12345 }, enStyle)).toBe('12,345 messages');
    const berichten = '{count, plural, one {# bericht} other {# berichten}}';
    expect(formatMessage(berichten, { count: 1 }, nlStyle)).toBe('1 bericht');
    expect(formatMessage(berichten, { count: 12345 }, nlStyle)).toBe('12.345 berichten');
  });

  it('prefers an exact match, and fills parameters inside a branch', () => {
    const template = '{count, plural, =0 {nothing from {name}} one {one from {name}} other {# from {name}}}.';
    expect(formatMessage(template, { count: 0, name: 'Mailchimp' }, enStyle)).toBe('nothing from Mailchimp.');
    expect(formatMessage(template, { count: 1, name: 'Mailchimp' }, enStyle)).toBe('one from Mailchimp.');
    expect(formatMessage(template, { count: 3, name: 'Mailchimp' }, enStyle)).toBe('3 from Mailchimp.');
  });

  it('writes number parameters the language’s way and strings as they are', () => {
    expect(formatMessage('{done} of {total} files', { done: 1200, total: '1,500' }, nlStyle)).toBe(
      '1.200 of 1,500 files',
    );
  });

  it('keeps a parameter that is not given, and braces that are not parameters, as written', () => {
    expect(formatMessage('Hello {name}, {count, plural, one {# x} other {# y}}', {}, enStyle)).toBe(
      'Hello {name}, {count, plural, one {# x} other {# y}}',
    );
    expect(formatMessage('%{…} and {not a param} and # and }', { count: 1 }, enStyle)).toBe(
      '%{…} and {not a param} and # and }',
    );
    // A plural without an `other` branch, or never closed, is text.
    expect(formatMessage('{count, plural, one {# x}}', { count: 2 }, enStyle)).toBe('{count, plural, one {# x}}');
    expect(formatMessage('{count, plural, one {# x} other {# y}', { count: 2 }, enStyle)).toBe(
      '{count, plural, one {# x} other {# y}',
    );
  });

  it('lists the parameters a template uses, plural counts included', () => {
    expect(templateParams('Backup: {count, plural, one {# report} other {# reports}}, {records} ({name})')).toEqual([
      'count',
      'records',
      'name',
    ]);
    expect(templateParams('%{…} {count, plural, one {{who} sends} other {{who} send}}')).toEqual(['count', 'who']);
  });
});

describe('the catalogue', () => {
  it('has a Dutch text for every English key, and no other keys', () => {
    expect(Object.keys(nl).sort()).toEqual([...keys].sort());
  });

  it('uses the same parameters in Dutch as in English', () => {
    const mismatched = keys
      .filter((key) => templateParams(en[key]).sort().join() !== templateParams(nl[key]).sort().join())
      .map((key) => `${key}: ${templateParams(en[key]).join()} / ${templateParams(nl[key]).join()}`);
    expect(mismatched).toEqual([]);
  });

  it('writes every plural so that it parses: no ", plural," is left once every parameter is a number', () => {
    const broken = keys.flatMap((key) =>
      [en[key], nl[key]].filter((text) => {
        const numbers = Object.fromEntries(templateParams(text).map((name) => [name, 2]));
        return formatMessage(text, numbers, numberStyle('en')).includes(', plural,');
      }),
    );
    expect(broken).toEqual([]);
  });

  it('counts with real plurals: no "(s)" or "(en)" after a noun', () => {
    const guessed = keys.flatMap((key) =>
      [en[key], nl[key]].filter((text) => /\p{L}\((?:s|es|en|sen)\)/u.test(text)).map((text) => `${key}: ${text}`),
    );
    expect(guessed).toEqual([]);
  });
});

describe('translate', () => {
  it('gives each language its own words, numbers and plurals', () => {
    expect(translate('en', 'import.detail.imported', { count: 1 })).toBe('1 report stored');
    expect(translate('en', 'import.detail.imported', { count: 2 })).toBe('2 reports stored');
    expect(translate('nl', 'import.detail.imported', { count: 1 })).toBe('1 rapport bewaard');
    expect(translate('nl', 'import.detail.imported', { count: 1500 })).toBe('1.500 rapporten bewaard');
    expect(english('import.detail.restored', { count: 1, records: 1234 })).toBe(
      'Backup restored: 1 report, 1,234 records',
    );
    expect(createTranslator('nl').t('records.rollout.days', { count: 1 })).toBe('1 dag');
  });

  it('gives a template back unchanged when no parameters are given', () => {
    for (const key of keys) expect(createTranslator('nl').t(key), key).toBe(nl[key]);
  });
});

describe('localeOf', () => {
  it('is Dutch for nl and nl-*, English for everything else', () => {
    expect(['nl', 'nl-NL', 'nl-BE', 'NL-nl'].map(localeOf)).toEqual(['nl', 'nl', 'nl', 'nl']);
    expect(['en', 'en-US', 'de-DE', 'fy-NL', 'nld', '', undefined].map(localeOf)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });
});
