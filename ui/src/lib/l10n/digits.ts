// Digits for display: the user picks Persian (۰–۹) or Latin (0–9) digits for
// the dates and counts the interface renders, whatever the interface
// language. Article text is never passed through here: its digits (and the
// URLs inside it) stay exactly as the source wrote them.
import { FluentNumber, type Scope } from '@fluent/bundle';
import type { Digits } from '../backend';

export type { Digits } from '../backend';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * `text` with every digit (ASCII, Persian or Arabic-Indic) in the chosen
 * script. Between Persian digits the thousands and decimal separators are the
 * Persian ones (٬ ٫); between Latin digits, the ASCII ones.
 */
export function toDisplayDigits(text: string, digits: Digits): string {
  if (digits === 'persian') {
    return text
      .replace(/[0-9\u0660-\u0669]/g, (d) => {
        const code = d.charCodeAt(0);
        const value = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 0x30;
        return String.fromCharCode(PERSIAN_ZERO + value);
      })
      .replace(/([\u06f0-\u06f9]),(?=[\u06f0-\u06f9]{3})/g, '$1\u066c')
      .replace(/([\u06f0-\u06f9])\.(?=[\u06f0-\u06f9])/g, '$1\u066b');
  }
  return text
    .replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
      const code = d.charCodeAt(0);
      const value = code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO;
      return String.fromCharCode(0x30 + value);
    })
    .replace(/([0-9])\u066c(?=[0-9])/g, '$1,')
    .replace(/([0-9])\u066b(?=[0-9])/g, '$1.');
}

/**
 * A number for a Fluent message, shown in the chosen digits. It stays a
 * FluentNumber, so plural variants (`[one]`, `*[other]`) still select on it.
 */
export class DisplayNumber extends FluentNumber {
  readonly digits: Digits;

  constructor(value: number, digits: Digits) {
    super(value);
    this.digits = digits;
  }

  toString(scope: Scope): string {
    return toDisplayDigits(super.toString(scope), this.digits);
  }
}
