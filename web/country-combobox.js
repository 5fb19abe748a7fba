// The searchable country list: an ARIA 1.2 editable combobox with list autocomplete and manual
// selection (WAI-ARIA Authoring Practices, "Editable Combobox With List Autocomplete").
//
// What is typed is matched against each country's name in all three languages and its ISO code,
// ignoring case and diacritics ("turkiye" finds Türkiye, "azerbaycan" finds Azərbaycan,
// "германия" and "de" find Germany whatever the chosen language), so a country is found even where
// its Azerbaijani name in iso-codes is still the English one. Matches are shown in the chosen
// language, sorted by that language's collation; a match found through another language's name
// shows that name beside it. The browser's own region names (Unicode CLDR, through
// Intl.DisplayNames) are matched too, but never shown: they catch the everyday names that the
// iso-codes catalogues lack ("Турция" for Türkiye, "Великобритания", "Böyük Britaniya").
//
// Keyboard: Down/Up open the list and move through it, Enter chooses, Escape closes the list (or
// clears the field when it is closed), Tab leaves. The field keeps focus throughout; the active
// option is announced through aria-activedescendant.

import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { collator } from './format.js';

const FOLDS = { ə: 'e', ı: 'i', ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

/** Case- and diacritic-insensitive form of a text, punctuation turned into single spaces. */
export function fold(text) {
  return String(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[əıßæøœđłþð]/g, (c) => FOLDS[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let instances = 0;

// Region names from the browser's CLDR data, for matching only; none if the browser has none.
// Made on the first search, not when the module loads: each language's CLDR data takes the
// browser tens of milliseconds to open, which would delay the first question.
let displayNames = null;

function cldrNames(code) {
  if (!/^[A-Z]{2}$/.test(code)) return [];
  displayNames ??= ['en', 'az', 'ru'].flatMap((lang) => {
    try {
      return [new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })];
    } catch {
      return [];
    }
  });
  return displayNames.flatMap((d) => {
    try {
      const name = d.of(code);
      return name ? [name] : [];
    } catch {
      return [];
    }
  });
}

export class CountryCombobox {
  /**
   * @param {object} o
   * @param {string} o.id           id of the text field (the question's label points at it)
   * @param {string} o.lang
   * @param {{value: string, label: string}[]} o.options   in the chosen language
   * @param {() => Map<string, Record<string, string>>} o.otherNames  each option's names in every
   *                               language, asked for on the first search
   * @param {string} [o.value]      the answer to show pre-selected
   * @param {string} [o.text]       text to restore in the field (an unfinished answer)
   * @param {string} o.labelId      id of the question's label, which also names the list
   * @param {string} [o.describedBy]
   * @param {boolean} [o.invalid]
   */
  constructor(o) {
    this.lang = o.lang;
    this.listId = `${o.id}-list`;
    this.optionIdBase = `${o.id}-opt-${++instances}`;
    this.givenOptions = o.options;
    this.otherNames = o.otherNames;
    this.searchable = null;  // built on the first search (#options)
    this.byValue = new Map(o.options.map((opt) => [opt.value, opt]));
    this.selected = o.value !== undefined && this.byValue.has(o.value) ? this.byValue.get(o.value) : null;
    this.matches = [];
    this.active = -1;

    this.input = h('input', {
      id: o.id,
      class: 'ce-input ce-combo__input',
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': this.listId,
      'aria-describedby': o.describedBy || null,
      'aria-invalid': o.invalid ? 'true' : null,
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      value: this.selected ? this.selected.label : (o.text || ''),
      on: {
        input: () => this.#onInput(),
        keydown: (e) => this.#onKeydown(e),
        click: () => { if (!this.isOpen) this.#open(this.#filter(this.selected ? '' : this.input.value)); },
        blur: () => this.#close(),
      },
    });
    this.toggle = h('button', {
      type: 'button',
      class: 'ce-combo__toggle',
      tabindex: '-1',
      'aria-label': t(o.lang, 'countryToggle'),
      'aria-expanded': 'false',
      'aria-controls': this.listId,
      on: {
        pointerdown: (e) => e.preventDefault(),
        click: () => {
          if (this.isOpen) this.#close();
          else this.#open(this.#filter(this.selected ? '' : this.input.value));
          this.input.focus();
        },
      },
    }, h('span', { class: 'ce-combo__chevron', 'aria-hidden': 'true' }));
    this.list = h('ul', {
      id: this.listId,
      class: 'ce-combo__list',
      role: 'listbox',
      'aria-labelledby': o.labelId,
      hidden: true,
      on: {
        // Keep the focus in the field while the pointer chooses (or scrolls) the list.
        pointerdown: (e) => e.preventDefault(),
        click: (e) => {
          const li = e.target.closest('[role="option"]');
          if (li) this.#choose(this.byValue.get(li.dataset.value));
        },
      },
    });
    this.status = h('div', { class: 'ce-visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.element = h('div', { class: 'ce-combo' },
      h('div', { class: 'ce-combo__field' }, this.input, this.toggle),
      this.list,
      this.status);
  }

  get isOpen() {
    return !this.list.hidden;
  }

  // The options sorted by the language's collation, each with its folded search keys. Built when
  // the applicant first opens the list or types, not before the question is shown: folding some
  // 250 countries' names in four forms and sorting them is the slowest part of drawing the
  // question, and most applicants see it before they touch the field.
  #options() {
    if (!this.searchable) {
      const compare = collator(this.lang).compare;
      const names = this.otherNames();
      this.searchable = this.givenOptions
        .map((given) => ({ ...given, names: names.get(given.value) || {} }))
        .map((opt) => ({
          ...opt,
          keys: [...new Set([opt.label, ...Object.values(opt.names || {}), ...cldrNames(opt.value)].map(fold))],
          foldedLabel: fold(opt.label),
          code: opt.value.length === 2 ? opt.value.toLowerCase() : null,
        }))
        .sort((a, b) => compare(a.label, b.label));
      this.byValue = new Map(this.searchable.map((opt) => [opt.value, opt]));
      if (this.selected) this.selected = this.byValue.get(this.selected.value);
    }
    return this.searchable;
  }

  /** The chosen country code, or null. Text that names exactly one country in any language (or
   * is its code) counts as choosing it. */
  read() {
    if (this.selected) return this.selected.value;
    const q = fold(this.input.value);
    if (!q) return null;
    const exact = this.#options().filter((opt) => opt.code === q || opt.keys.includes(q));
    return exact.length === 1 ? exact[0].value : null;
  }

  /** What the field holds, to restore it after a re-render (a language switch). */
  draft() {
    return this.selected ? { value: this.selected.value } : { text: this.input.value };
  }

  #filter(text) {
    const q = fold(text);
    if (!q) return this.#options().map((opt) => ({ opt, alt: null }));
    const found = [];
    for (const opt of this.#options()) {
      let rank = Infinity;
      let alt = null;
      if (opt.code !== null && opt.code === q) {
        rank = 0;
        alt = opt.value;
      }
      for (const key of opt.keys) {
        const r = key.startsWith(q) ? 1 : key.includes(` ${q}`) ? 2 : key.includes(q) ? 3 : Infinity;
        // A match on the shown name wins a tie against the same match in another language.
        if (r < rank || (r === rank && r !== Infinity && key === opt.foldedLabel)) {
          rank = r;
          alt = key === opt.foldedLabel ? null : key;
        }
      }
      if (rank !== Infinity) found.push({ opt, alt: alt === null ? null : this.#altName(opt, alt), rank });
    }
    // Stable sort: within a rank the options keep their collation order.
    return found.sort((a, b) => a.rank - b.rank);
  }

  // The other-language name (as written) behind a folded key, or the code.
  #altName(opt, key) {
    if (key === opt.value) return opt.value;
    for (const name of [...Object.values(opt.names || {}), ...cldrNames(opt.value)]) if (fold(name) === key) return name;
    return null;
  }

  #onInput() {
    if (this.selected && this.input.value !== this.selected.label) this.selected = null;
    const text = this.input.value;
    if (fold(text) === '') {
      this.#close();
      return;
    }
    this.#open(this.#filter(text));
  }

  #onKeydown(e) {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'Down':
        e.preventDefault();
        if (!this.isOpen) {
          this.#open(this.#filter(this.selected ? '' : this.input.value));
          if (!e.altKey) this.#activate(this.selected ? this.#indexOf(this.selected) : 0);
        } else {
          this.#activate(this.matches.length ? (this.active + 1) % this.matches.length : -1);
        }
        break;
      case 'ArrowUp':
      case 'Up':
        e.preventDefault();
        if (!this.isOpen) {
          this.#open(this.#filter(this.selected ? '' : this.input.value));
          this.#activate(this.matches.length - 1);
        } else {
          this.#activate(this.matches.length ? (this.active - 1 + this.matches.length) % this.matches.length : -1);
        }
        break;
      case 'Enter':
        if (this.isOpen && this.active >= 0) {
          e.preventDefault();
          this.#choose(this.matches[this.active].opt);
        } else if (this.isOpen && this.matches.length === 1) {
          e.preventDefault();
          this.#choose(this.matches[0].opt);
        }
        // Otherwise the form is submitted: Continue reads what was typed.
        break;
      case 'Escape':
      case 'Esc':
        if (this.isOpen) {
          e.preventDefault();
          e.stopPropagation();
          this.#close();
        } else if (this.input.value) {
          e.preventDefault();
          this.input.value = '';
          this.selected = null;
        }
        break;
      case 'Tab':
        this.#close();
        break;
      default:
        break;
    }
  }

  #indexOf(opt) {
    return Math.max(0, this.matches.findIndex((m) => m.opt === opt));
  }

  #open(matches) {
    this.matches = matches;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    const items = matches.map(({ opt, alt }, i) => h('li', {
      id: `${this.optionIdBase}-${i}`,
      class: 'ce-combo__option',
      role: 'option',
      'aria-selected': this.selected === opt ? 'true' : 'false',
      dataset: { value: opt.value },
    }, opt.label, alt ? h('span', { class: 'ce-combo__alt' }, ` — ${alt}`) : null));
    replaceChildren(this.list, items.length ? items : h('li', { class: 'ce-combo__empty', role: 'presentation' }, t(this.lang, 'countryNone')));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.toggle.setAttribute('aria-expanded', 'true');
    this.status.textContent = matches.length
      ? t(this.lang, 'countryResults', { n: matches.length })
      : t(this.lang, 'countryNone');
  }

  #close() {
    if (!this.isOpen) return;
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.toggle.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  #activate(index) {
    const items = this.list.querySelectorAll('[role="option"]');
    if (this.active >= 0 && items[this.active]) items[this.active].classList.remove('ce-combo__option--active');
    this.active = index;
    if (index < 0 || !items[index]) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    const li = items[index];
    li.classList.add('ce-combo__option--active');
    this.input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  #choose(opt) {
    if (!opt) return;
    this.selected = opt;
    this.input.value = opt.label;
    this.input.removeAttribute('aria-invalid');
    this.#close();
    this.input.focus();
  }
}
