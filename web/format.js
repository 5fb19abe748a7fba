// Numbers, money and dates in the applicant's language.
//
// Money arrives as an integer number of minor units (CONTRACT.md: `amount_minor` 2000 with `USD` is
// 20.00 US dollars). It is turned into a decimal string by integer and string operations only and
// handed to Intl.NumberFormat as a string, so no floating-point arithmetic ever touches an amount.
// Dates arrive as `YYYY-MM-DD` and are shown as calendar dates (in UTC, so that no time zone can
// move them by a day), inside a <time datetime> element.
//
// Not every browser ships locale data for Azerbaijani (Chromium does not: `az` falls back to the
// root locale and prints "2026 M12 25"). Where Intl does not support a language, the formats below
// follow CLDR's for that language (az: "25 dekabr 2026", "23,00 USD").

import { h } from './dom.js';
import { MONTHS } from './i18n.js';

const LOCALES = { en: 'en-GB', az: 'az-Latn-AZ', ru: 'ru-RU' };
const cache = new Map();

function cached(key, make) {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Whether this browser's Intl has real data for the language. supportedLocalesOf() is not
 * enough: Chromium lists `az` but formats it with the root locale's data ("M12" for December), so
 * the name it gives December is compared with the language's own. */
function intlSupports(lang) {
  return cached(`supports:${lang}`, () => {
    try {
      const parts = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' })
        .formatToParts(new Date(Date.UTC(2026, 11, 25)));
      const month = parts.find((p) => p.type === 'month');
      return Boolean(month) && month.value.toLowerCase() === (MONTHS[lang] || MONTHS.en)[11].toLowerCase();
    } catch {
      return false;
    }
  });
}

function locale(lang) {
  return LOCALES[lang] || LOCALES.en;
}

// Separators of CLDR's number formats, for languages Intl lacks.
const FALLBACK_SEPARATORS = { az: { group: '.', decimal: ',' }, ru: { group: '\u00a0', decimal: ',' }, en: { group: ',', decimal: '.' } };

function groupDigits(digits, separator) {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** A whole number in the language's format. */
export function formatNumber(n, lang) {
  if (!Number.isInteger(n)) return String(n);
  if (intlSupports(lang)) return cached(`num:${lang}`, () => new Intl.NumberFormat(locale(lang))).format(n);
  const sep = FALLBACK_SEPARATORS[lang] || FALLBACK_SEPARATORS.en;
  const digits = String(Math.abs(n));
  return (n < 0 ? '-' : '') + groupDigits(digits, sep.group);
}

/** How many digits follow the decimal point in this currency (USD 2, JPY 0, KWD 3). */
export function currencyDigits(currency) {
  return cached(`digits:${currency}`, () => {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch {
      return 2;
    }
  });
}

/** The exact decimal text of an amount in minor units: (2000, 2) -> "20.00", (-5, 2) -> "-0.05". */
export function minorToDecimal(amountMinor, digits) {
  const negative = amountMinor < 0;
  let text = String(Math.abs(amountMinor));
  if (digits > 0) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, text.length - digits)}.${text.slice(text.length - digits)}`;
  }
  return (negative ? '-' : '') + text;
}

/** Money from minor units: formatMoney(2300, 'USD', 'en') -> "US$23.00". */
export function formatMoney(amountMinor, currency, lang) {
  const digits = currencyDigits(currency);
  const decimal = minorToDecimal(amountMinor, digits);
  if (intlSupports(lang)) {
    const nf = cached(`money:${lang}:${currency}`, () =>
      new Intl.NumberFormat(locale(lang), { style: 'currency', currency }));
    return nf.format(decimal);
  }
  // CLDR's pattern for Azerbaijani is "#,##0.00 ¤"; the ISO code is unambiguous for every currency.
  const sep = FALLBACK_SEPARATORS[lang] || FALLBACK_SEPARATORS.en;
  const negative = decimal.startsWith('-');
  const [whole, fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const number = groupDigits(whole, sep.group) + (fraction ? sep.decimal + fraction : '');
  return `${negative ? '-' : ''}${number}\u00a0${currency}`;
}

/** A date as the rules and the engine write it: YYYY-MM-DD. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date 'YYYY-MM-DD' in words: "25 December 2026", "25 dekabr 2026", "25 декабря 2026 г.". */
export function formatDate(iso, lang) {
  const m = ISO_DATE.exec(String(iso));
  if (!m) return String(iso);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (intlSupports(lang)) {
    const df = cached(`date:${lang}`, () =>
      new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    return df.format(date);
  }
  const months = MONTHS[lang] || MONTHS.en;
  return `${day} ${months[month - 1]} ${year}`;
}

/** <time datetime="2026-12-25">25 December 2026</time> */
export function timeElement(iso, lang) {
  return h('time', { datetime: iso }, formatDate(iso, lang));
}

/** Sorts strings the way the language sorts them (Azerbaijani: ç after c, ə after e, …). */
export function collator(lang) {
  return cached(`coll:${lang}`, () => {
    const tag = intlSupports(lang) || Intl.Collator.supportedLocalesOf([locale(lang)]).length ? locale(lang) : 'en';
    return new Intl.Collator(tag, { sensitivity: 'base', numeric: true });
  });
}
