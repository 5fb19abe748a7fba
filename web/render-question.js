// One question of the interview, of each type the engine asks (engine.questions(): bool, enum,
// country, int, date), in the GOV.UK pattern: the question is the step's heading (focused on every
// step), help under it, then a hint, an inline error when there is one, and the field.
//
// renderQuestion() returns { element, heading, focusField(), read(), draft() }:
//   read()  -> { ok: true, value } with the value as the profile wants it (true/false, a whole
//              number, 'YYYY-MM-DD', an option or a country code), or { ok: false, code } naming
//              the i18n text to show (nothing chosen, not a whole number, …). Whether a value is
//              allowed is the engine's to say: range and consistency errors come back from it.
//   draft() -> what the field holds, to restore it after a re-render (a language switch).

import { h, srOnly } from './dom.js';
import { t } from './i18n.js';
import { ISO_DATE, formatDate } from './format.js';
import { CountryCombobox } from './country-combobox.js';

// Radios up to this many options; a select beyond (no enum in the shipped rules is that long).
const MAX_RADIOS = 20;
const DATE_EXAMPLE = '2027-03-27';

let dateSupport;
function dateInputSupported() {
  if (dateSupport === undefined) {
    const probe = document.createElement('input');
    probe.setAttribute('type', 'date');
    probe.value = 'not a date';
    dateSupport = probe.type === 'date' && probe.value === '';
  }
  return dateSupport;
}

/**
 * @param {object} q    the question from engine.questions(): { id, type, label, help?, options?, min?, max? }
 * @param {object} ctx  { lang, idBase, number (1-based, or null), value (the stored answer),
 *                        draft (an unfinished answer to restore), error ({ text, action? } or null),
 *                        countryNames (a function answering a Map value -> { en, az, ru }, called
 *                        when the applicant first searches the list) }
 */
export function renderQuestion(q, ctx) {
  const { lang, idBase } = ctx;
  const ids = {
    heading: `${idBase}-heading`,
    label: `${idBase}-label`,
    help: `${idBase}-help`,
    hint: `${idBase}-hint`,
    error: `${idBase}-error`,
    field: `${idBase}-field`,
  };
  const help = q.help ? h('p', { id: ids.help, class: 'ce-help' }, q.help) : null;
  const errorEl = ctx.error ? h('p', { id: ids.error, class: 'ce-error-message' },
    srOnly(`${t(lang, 'errorPrefix')} `), ctx.error.text,
    ctx.error.action ? [' ', h('button', {
      type: 'button',
      class: 'ce-link-button',
      part: 'link',
      on: { click: ctx.error.action.onClick },
    }, ctx.error.action.label)] : null) : null;
  const progress = ctx.number ? h('p', { class: 'ce-progress' }, t(lang, 'questionNumber', { n: ctx.number })) : null;
  const describedBy = (...extra) => [help && ids.help, ...extra, errorEl && ids.error].filter(Boolean).join(' ') || null;
  const invalid = Boolean(ctx.error);
  const initial = ctx.draft !== undefined ? ctx.draft : { value: ctx.value };

  const group = (content) => h('div', {
    class: ['ce-question', 'ce-form-group', invalid && 'ce-form-group--error'],
    part: 'question',
    dataset: { fact: q.id, type: q.type },
  }, progress, content);

  const headingFor = (inner) => h('h2', { id: ids.heading, class: 'ce-heading ce-question__heading', tabindex: '-1' }, inner);

  // Yes/No and short option lists: radios in a fieldset whose legend is the heading; `parse` turns
  // the chosen radio's value into the answer.
  const radios = (choices, name, parse) => {
    const inputs = [];
    const items = choices.map((choice, i) => {
      const id = `${idBase}-opt-${i}`;
      const input = h('input', {
        id,
        class: 'ce-radio__input',
        type: 'radio',
        name,
        value: choice.value,
        checked: initial.value !== undefined && initial.value !== null && String(initial.value) === choice.value,
      });
      inputs.push(input);
      return h('div', { class: 'ce-radio' }, input, h('label', { class: 'ce-radio__label', for: id }, choice.label));
    });
    const heading = headingFor(q.label);
    const element = group(h('fieldset', {
      class: 'ce-fieldset',
      'aria-describedby': describedBy(),
    },
    h('legend', { class: 'ce-legend' }, heading),
    help, errorEl,
    h('div', { class: ['ce-radios', choices.length === 2 && 'ce-radios--inline'] }, items)));
    const checked = () => inputs.find((input) => input.checked);
    return {
      element,
      heading,
      focusField: () => (checked() || inputs[0]).focus(),
      read: () => (checked() ? { ok: true, value: parse(checked().value) } : { ok: false, code: 'select_answer' }),
      draft: () => ({ value: checked() ? checked().value : undefined }),
    };
  };

  // A single field labelled by the heading.
  const single = (field, hint) => {
    const heading = headingFor(h('label', { id: ids.label, for: ids.field, class: 'ce-label' }, q.label));
    const hintEl = hint ? h('p', { id: ids.hint, class: 'ce-hint' }, hint) : null;
    const element = group([heading, help, hintEl, errorEl, field]);
    return { element, heading, hintEl };
  };

  switch (q.type) {
    case 'bool':
      return radios([{ value: 'true', label: t(lang, 'yes') }, { value: 'false', label: t(lang, 'no') }], ids.field,
        (v) => v === 'true');

    case 'enum': {
      const options = q.options || [];
      if (options.length <= MAX_RADIOS) return radios(options, ids.field, (v) => v);
      const select = h('select', {
        id: ids.field,
        class: 'ce-select',
        'aria-describedby': describedBy(),
        'aria-invalid': invalid ? 'true' : null,
      },
      h('option', { value: '' }, '—'),
      options.map((o) => h('option', { value: o.value, selected: initial.value === o.value }, o.label)));
      const s = single(select, null);
      return {
        element: s.element,
        heading: s.heading,
        focusField: () => select.focus(),
        read: () => (select.value ? { ok: true, value: select.value } : { ok: false, code: 'select_answer' }),
        draft: () => ({ value: select.value || undefined }),
      };
    }

    case 'country': {
      const combo = new CountryCombobox({
        id: ids.field,
        lang,
        options: (q.options || []).map((o) => ({ value: o.value, label: o.label })),
        otherNames: ctx.countryNames || (() => new Map()),
        value: initial.value,
        text: initial.text,
        labelId: ids.label,
        describedBy: describedBy(ids.hint),
        invalid,
      });
      const s = single(combo.element, t(lang, 'countryHint'));
      return {
        element: s.element,
        heading: s.heading,
        focusField: () => combo.input.focus(),
        read: () => {
          const v = combo.read();
          return v === null ? { ok: false, code: 'choose_country' } : { ok: true, value: v };
        },
        draft: () => combo.draft(),
      };
    }

    case 'int': {
      const hasRange = Number.isInteger(q.min) && Number.isInteger(q.max);
      const input = h('input', {
        id: ids.field,
        class: 'ce-input ce-input--short',
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': describedBy(hasRange ? ids.hint : null),
        'aria-invalid': invalid ? 'true' : null,
        value: initial.text !== undefined ? initial.text : (Number.isInteger(initial.value) ? String(initial.value) : ''),
      });
      const s = single(input, hasRange ? t(lang, 'intHint', { min: q.min, max: q.max }) : null);
      return {
        element: s.element,
        heading: s.heading,
        focusField: () => input.focus(),
        read: () => {
          // Digits only (spaces around are forgiven); the engine judges the range.
          const text = input.value.trim();
          if (!/^[0-9]{1,9}$/.test(text)) return { ok: false, code: 'enter_number' };
          return { ok: true, value: Number.parseInt(text, 10) };
        },
        draft: () => ({ text: input.value }),
      };
    }

    case 'date': {
      const native = dateInputSupported();
      const input = h('input', {
        id: ids.field,
        class: 'ce-input ce-input--date',
        type: native ? 'date' : 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: native ? null : 'YYYY-MM-DD',
        'aria-describedby': describedBy(ids.hint),
        'aria-invalid': invalid ? 'true' : null,
        value: initial.text !== undefined ? initial.text : (typeof initial.value === 'string' ? initial.value : ''),
      });
      const hint = native
        ? t(lang, 'dateHint', { example: formatDate(DATE_EXAMPLE, lang) })
        : t(lang, 'dateHintText', { iso: DATE_EXAMPLE });
      const s = single(input, hint);
      return {
        element: s.element,
        heading: s.heading,
        focusField: () => input.focus(),
        read: () => {
          if (native && input.validity.badInput) return { ok: false, code: 'errors.invalid_date' };
          const text = input.value.trim();
          if (text === '') return { ok: false, code: 'enter_date' };
          if (!ISO_DATE.test(text)) return { ok: false, code: 'errors.invalid_date' };
          return { ok: true, value: text };
        },
        draft: () => ({ text: input.value }),
      };
    }

    default:
      throw new TypeError(`consular-eligibility: unknown question type ${JSON.stringify(q.type)}`);
  }
}

/** A recorded answer as the applicant would say it: "Yes", "Germany", "25 December 2026", "34". */
export function describeAnswer(fact, value, lang) {
  if (value === undefined || value === null) return '';
  switch (fact && fact.type) {
    case 'bool':
      return t(lang, value ? 'yes' : 'no');
    case 'enum':
    case 'country': {
      const option = (fact.options || []).find((o) => o.value === value);
      return option ? option.label : String(value);
    }
    case 'date':
      return formatDate(value, lang);
    default:
      return String(value);
  }
}
