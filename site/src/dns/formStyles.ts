// Small pieces the wizard's forms share: list fields and the label and hint styles.
import { mutedClass } from '../ui/ui';

export const splitList = (text: string) => text.split(/[\s,;]+/).filter((item) => item !== '');
/** Report addresses as typed: a bare address becomes a mailto: URI; https: (TLS-RPT) and other URIs stay as they are. */
export const mailtoList = (text: string) =>
  splitList(text).map((item) => (/^[a-z][a-z0-9+.-]*:/i.test(item) ? item : `mailto:${item}`));
export const fieldLabel = 'block text-sm font-medium';
export const hint = `mt-1 block text-xs ${mutedClass}`;
