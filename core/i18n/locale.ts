export type Locale = 'en' | 'nl';

export const LOCALES: ReadonlyArray<{ code: Locale; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
];

/** The catalogue language for a BCP 47 language tag: Dutch for nl and nl-*, English for everything else. */
export function localeOf(languageTag: string | undefined): Locale {
  return /^nl(?:-|$)/i.test(languageTag ?? '') ? 'nl' : 'en';
}
