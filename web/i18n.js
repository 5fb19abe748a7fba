// Every text of the widget's own, in English, Azerbaijani and Russian. Texts from the rules
// (questions, options, titles, notes, citations) come from the engine in the chosen language;
// these are the words around them.
//
// t(lang, key, vars) fills {placeholders}; an entry that is an object is chosen by the plural
// category of vars.n ('one', 'few', 'many', 'other'). tNodes() does the same but lets a
// placeholder be a DOM node (a <time> element, say). tests/web/i18n.test.mjs checks that every
// language has every key, every output name of the shipped rules and every error code.
//
// Each language's texts are a module of their own (i18n/en.js, az.js, ru.js), loaded with
// loadLanguage() when the widget is first shown in that language.

export const LANGS = ['en', 'az', 'ru'];

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES = { en: 'English', az: 'Azərbaycanca', ru: 'Русский' };

/** Month names for languages the browser's Intl has no data for (format.js). */
export const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  az: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};

/** How each output of the rules (docs/rules-format.md section 5) is shown: its value's kind. An
 * output a mission adds that is not listed here is shown with its name and its plain value. */
export const OUTPUT_KINDS = {
  count: 'number',
  copies: 'number',
  validity_years: 'years',
  valid_after: 'date',
  required_until: 'date',
  registered_days: 'days',
  max_stay_days: 'days',
  max_invitation_days: 'days',
  fingerprints_required: 'bool',
  appointments_needed: 'number',
};

/** The few texts needed before a language's module has arrived (or if it cannot): the widget's
 * frame, the loading message and the engine failure. Every other text is in i18n/<lang>.js. */
const CORE = {
  en: {
  brand: 'Consular services check',
  widgetLabel: 'Check what you need for a consular service',
  language: 'Language',
  loading: 'Loading the checker…',
  engineFailedTitle: 'The checker cannot be shown',
  engineFailedText: 'Something went wrong while loading it. Please try again later, or contact the embassy or consulate: they can tell you what you need.',
  },
  az: {
  brand: 'Konsulluq xidmətləri üzrə yoxlama',
  widgetLabel: 'Konsulluq xidməti üçün nələrin lazım olduğunu yoxlayın',
  language: 'Dil',
  loading: 'Yoxlama yüklənir…',
  engineFailedTitle: 'Yoxlamanı göstərmək mümkün olmadı',
  engineFailedText: 'Yüklənmə zamanı xəta baş verdi. Bir qədər sonra yenidən cəhd edin və ya səfirlik, yaxud konsulluqla əlaqə saxlayın: sizə nələrin lazım olduğunu deyəcəklər.',
  },
  ru: {
  brand: 'Проверка по консульским услугам',
  widgetLabel: 'Узнайте, что нужно для консульской услуги',
  language: 'Язык',
  loading: 'Проверка загружается…',
  engineFailedTitle: 'Не удалось показать проверку',
  engineFailedText: 'При загрузке произошла ошибка. Попробуйте позже или обратитесь в посольство или консульство: там скажут, что вам нужно.',
  },
};

/** The texts of each language loaded so far (the core texts, then the language's module). */
export const STRINGS = {};

// Static import() calls, one per language, so that a bundler gives each language its own chunk.
const LOADERS = {
  en: () => import('./i18n/en.js'),
  az: () => import('./i18n/az.js'),
  ru: () => import('./i18n/ru.js'),
};
const loading = new Map();

/** Whether a language's texts are loaded. */
export function isLoaded(lang) {
  return Object.prototype.hasOwnProperty.call(STRINGS, lang);
}

/** Loads a language's texts (once; later calls share the first). A first visit downloads only the
 * language it is shown in. */
export function loadLanguage(lang) {
  if (!LOADERS[lang]) return Promise.reject(new TypeError(`no texts for language ${lang}`));
  if (isLoaded(lang)) return Promise.resolve();
  if (!loading.has(lang)) {
    loading.set(lang, LOADERS[lang]().then(
      (module) => { STRINGS[lang] = { ...CORE[lang], ...module.default }; },
      (err) => { loading.delete(lang); throw err; }));
  }
  return loading.get(lang);
}

const pluralRules = new Map();

/** The plural category of n in the language: 'one', 'few', 'many' or 'other'. */
export function pluralCategory(n, lang) {
  if (typeof n !== 'number') return 'other';
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'ru' ? 'ru' : 'en');
    pluralRules.set(lang, rules);
  }
  // Azerbaijani nouns stay singular after a numeral ("90 gün"): its entries are plain strings.
  return rules.select(n);
}

function lookup(table, key) {
  if (!table) return undefined;
  return key.includes('.') ? key.split('.').reduce((o, k) => (o ? o[k] : undefined), table) : table[key];
}

// The language's text; before its module has arrived, the core text (or undefined).
function entry(lang, key) {
  return lookup(STRINGS[lang], key) ?? lookup(CORE[lang] || CORE.en, key);
}

/** The label of one of the rules' outputs in a loaded language, or its name made readable. */
export function outputLabel(lang, name) {
  return lookup(STRINGS[lang], `outputs.${name}`) || name.replace(/_/g, ' ');
}

/** Whether the key (e.g. 'errors.out_of_range') has a text. */
export function has(lang, key) {
  return entry(lang, key) !== undefined;
}

function template(lang, key, vars) {
  let value = entry(lang, key);
  if (value === undefined) return key;
  if (typeof value === 'object') value = value[pluralCategory(vars.n, lang)] ?? value.other;
  return value;
}

/** The text of `key` in `lang`, with {placeholders} filled from vars. */
export function t(lang, key, vars = {}) {
  return template(lang, key, vars).replace(/\{(\w+)\}/g, (whole, name) =>
    (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));
}

/** Like t(), but a placeholder may be a DOM node: returns an array of strings and nodes. */
export function tNodes(lang, key, vars = {}) {
  const parts = template(lang, key, vars).split(/(\{\w+\})/);
  return parts.filter((p) => p !== '').map((p) => {
    const m = /^\{(\w+)\}$/.exec(p);
    if (!m || !Object.prototype.hasOwnProperty.call(vars, m[1])) return p;
    const v = vars[m[1]];
    return typeof Node !== 'undefined' && v instanceof Node ? v : String(v);
  });
}
