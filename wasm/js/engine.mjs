// The JavaScript API of CONTRACT.md section 5, over the WebAssembly engine. Works in browsers
// (as an ES module) and in Node.js 20.
//
//   import { createEngine } from './engine.mjs';
//   const engine = await createEngine({ lang: 'az' });
//   const decision = engine.evaluate({ service: 'visa', facts: { nationality: 'DE' } });
//
// Rules come in packs: the module holds the index (every service, the countries), and each
// service's rules are a file beside it, rules/<service>.json, read from disk in Node and fetched in
// a browser. createEngine() loads every pack unless told which ({ services: ['visa'] } or [] for
// none); engine.loadService(id) loads one later. A page then downloads only what it uses.
//
// Every decision is made by the C++ core; this module only moves the profile in (as JSON text)
// and turns the core's answers into objects (JSON text, or a decision tape: decision-tape.mjs).
// Bad profiles never throw: they come back as the contract's error object. Options that are not
// what the API accepts (a language it does not know) throw a TypeError, as programming mistakes
// should.

// The Emscripten glue, imported statically so that a browser fetches it with this module rather
// than after it (it only defines the factory; the WebAssembly itself is fetched by loadModule).
import createEligibilityModule from './eligibility.mjs';
import { readDecisionTape } from './decision-tape.mjs';

const LANGS = new Set(['en', 'az', 'ru']);
const NO_OPTIONS = Object.freeze({});  // the default of every options parameter: no object per call
const utf8 = new TextDecoder();
const utf8in = new TextEncoder();
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const isNode = typeof process === 'object' && process !== null &&
  typeof process.versions === 'object' && process.versions !== null && typeof process.versions.node === 'string';

/** Rejection of createEngine() for rules that do not validate: an Error that is also the
 * contract's error object ({ status: 'error', errors: [{ path, code, message }] }). */
export class EligibilityError extends Error {
  constructor(errorObject) {
    const first = errorObject.errors && errorObject.errors[0];
    super(first ? `${first.code} at "${first.path}": ${first.message}` : 'invalid rules');
    this.name = 'EligibilityError';
    this.status = 'error';
    this.errors = errorObject.errors || [];
  }
}

let modulePromise = null;

// One WebAssembly instance serves every engine; it is loaded on first use.
function loadModule() {
  if (modulePromise) return modulePromise;
  modulePromise = (async () => {
    const moduleOptions = {};
    if (isNode) {
      // Emscripten 3.1.6's glue would fetch() a file path in Node 20: hand it the bytes instead.
      const { readFile } = await import('node:fs/promises');
      moduleOptions.wasmBinary = await readFile(new URL('./eligibility.wasm', import.meta.url));
    }
    return createEligibilityModule(moduleOptions);
  })();
  // A failed load (network, missing file) must not poison later attempts.
  modulePromise.catch(() => { modulePromise = null; });
  return modulePromise;
}

/**
 * Starts downloading and compiling the WebAssembly module, which createEngine() would otherwise
 * start only when called. A page that will need an engine calls it as early as it can (the widget
 * does when its script loads, before it knows which rules it will use). Resolves when the module
 * is ready; rejects if it cannot be loaded (a later createEngine() tries again).
 */
export function preload() {
  return loadModule().then(() => undefined);
}

function checkLang(lang, where) {
  if (lang === undefined || lang === null) return '';
  if (!LANGS.has(lang)) throw new TypeError(`${where}: lang must be 'en', 'az' or 'ru', not ${JSON.stringify(lang)}`);
  return lang;
}

function checkDate(asOf, where) {
  if (asOf === undefined || asOf === null) return localDate();
  if (typeof asOf !== 'string' || !DATE.test(asOf)) {
    throw new TypeError(`${where}: asOf must be a date 'YYYY-MM-DD', not ${JSON.stringify(asOf)}`);
  }
  return asOf;
}

// The browser's local date (CONTRACT.md: the widget's default as_of), worked out once a day
// rather than on every evaluation: kept with the time span it holds for (a clock set back, or
// midnight passing, makes it worked out again).
let today = { date: '', from: 0, until: 0 };
function localDate() {
  const now = Date.now();
  if (now < today.from || now >= today.until) {
    const d = new Date(now);
    const pad = (n) => String(n).padStart(2, '0');
    today = {
      date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
      from: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
      until: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
    };
  }
  return today.date;
}

// Text crosses into the module as UTF-8. A JavaScript string may hold lone surrogates, which have
// no UTF-8 form: they become U+FFFD, exactly as when the same text is written to a file or to the
// CLI's stdin, so that both surfaces see the same bytes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = typeof String.prototype.toWellFormed === 'function'
  ? (s) => s.toWellFormed()
  : (s) => s.replace(LONE_SURROGATE, '\uFFFD');

// A profile may be given as an object, as JSON text, or as the bytes of JSON text (a Uint8Array,
// passed to the core untouched, so that bytes that are not UTF-8 are judged by the core); anything
// that cannot become JSON text is reported the way the core reports text that is not JSON.
function profileText(profile) {
  if (typeof profile === 'string') return { text: wellFormed(profile) };
  if (profile instanceof Uint8Array) return { text: profile };
  try {
    const text = JSON.stringify(profile);
    if (typeof text !== 'string') throw new TypeError('not serialisable');
    return { text };
  } catch (e) {
    return {
      error: {
        status: 'error',
        errors: [{ path: '', code: 'invalid_json', message: `the profile cannot be written as JSON: ${e.message}` }],
      },
    };
  }
}

// Puts text (a string, written as UTF-8) or bytes into the module's input buffer: one copy, where
// passing them through Embind as a std::string copies them a byte at a time (milliseconds for a
// rules pack). Valid until the next call that uses the buffer.
function intoModule(m, text) {
  const need = typeof text === 'string' ? text.length * 3 : text.length;  // UTF-8: at most 3 bytes per UTF-16 unit
  // The buffer's address stays valid until the module grows the buffer, which only inputAt does:
  // asked for again only when more room is needed.
  let input = inputs.get(m);
  if (!input || input.capacity < need) {
    input = { at: m.inputAt(need), capacity: need };
    inputs.set(m, input);
  }
  const { at } = input;
  if (typeof text === 'string') {
    return { at, size: utf8in.encodeInto(text, m.HEAPU8.subarray(at, at + need)).written };
  }
  m.HEAPU8.set(text, at);
  return { at, size: text.length };
}
const inputs = new WeakMap();  // module -> { at, capacity } of its input buffer

// What the module answers: JSON text in its own memory, found through two words at `frame`
// (its address and size: wasm/bindings.cpp), decoded at once rather than through Embind's
// byte-by-byte std::string.
function textAt(m, at, size) {
  return utf8.decode(m.HEAPU8.subarray(at, at + size));
}
function answerText(m, frame) {
  const words = m.HEAP32;
  return textAt(m, words[frame >> 2], words[(frame >> 2) + 1]);
}
function answer(m, frame) {
  return JSON.parse(answerText(m, frame));
}

class Engine {
  #module;
  #handle;
  #lang;
  #asOf;
  #loading = new Map();  // service id -> the promise of its pack being added
  #fragmentTables = new Map();  // "service/lang" -> the service's record fragments
  #strings = [];  // the decision tapes' strings, by number (the core numbers each once per engine)
  #callLang = null;  // the options last given to setCallOptions
  #callAsOf = null;
  #early;                // service id -> its pack, already being read since createEngine

  constructor(module, handle, rulesVersion, lang, asOf, early) {
    this.#module = module;
    this.#handle = handle;
    this.#lang = lang;
    this.#asOf = asOf;
    this.#early = early;
    /** The version of the rules this engine decides with (the decisions' rules_version). */
    this.rulesVersion = rulesVersion;
    Object.freeze(this);
  }

  /** One decision (CONTRACT.md section 2), or the error object. Never throws for a bad profile. */
  evaluate(profile, options = NO_OPTIONS) {
    const { lang, asOf } = this.#options(options, 'evaluate');
    const p = profileText(profile);
    if (p.error) return p.error;
    const m = this.#module;
    const frame = this.#call('evaluateTapeAt', p.text, lang, asOf) >> 2;
    const words = m.HEAP32;
    if (words[frame] !== 0) return JSON.parse(textAt(m, words[frame + 1], words[frame + 2]));
    // The decision as a tape (decision-tape.mjs): first the strings numbered since the last one.
    const strings = this.#strings;
    const spans = words[frame + 5] >> 2;
    const pool = words[frame + 6];
    for (let n = strings.length; n < words[frame + 4]; n++) {
      strings.push(textAt(m, pool + words[spans + 2 * n], words[spans + 2 * n + 1]));
    }
    return readDecisionTape(words, words[frame + 1] >> 2, strings, this.#fragments(strings[words[frame + 3]], lang));
  }

  #fragments(service, lang) {
    const key = `${service}/${lang}`;
    let table = this.#fragmentTables.get(key);
    if (!table) {
      table = answer(this.#module, this.#module.fragments(this.#handle, service, lang));
      this.#fragmentTables.set(key, table);
    }
    return table;
  }

  /** The same decision as JSON text, byte for byte what the native CLI prints. */
  evaluateText(profile, options = NO_OPTIONS) {
    const { lang, asOf } = this.#options(options, 'evaluate');
    const p = profileText(profile);
    if (p.error) return JSON.stringify(p.error);
    return answerText(this.#module, this.#call('evaluateTextAt', p.text, lang, asOf));
  }

  // One call with a profile (evaluateTextAt, evaluateTapeAt or questionsAt), answering the address
  // of what the core wrote in its own memory (see answerText, and decision-tape.mjs for a tape).
  // The profile goes into the module's own buffer as UTF-8 (no string conversion per call), and
  // the call options are set only when they change: nothing is copied through Embind.
  #call(fn, text, lang, asOf) {
    const m = this.#module;
    if (lang !== this.#callLang || asOf !== this.#callAsOf) {
      m.setCallOptions(this.#handle, lang, asOf);
      this.#callLang = lang;
      this.#callAsOf = asOf;
    }
    const { at, size } = intoModule(m, text);
    return m[fn](this.#handle, at, size);
  }

  /** The facts still to ask, in order: { status, service, questions: [{ id, type, label, help?, options?, min?, max? }] }. */
  questions(profile, options = NO_OPTIONS) {
    const { lang, asOf } = this.#options(options, 'questions');
    const p = profileText(profile);
    if (p.error) return p.error;
    return answer(this.#module, this.#call('questionsAt', p.text, lang, asOf));
  }

  /** Every fact of a service, described as questions: { service, facts: [...] }. */
  facts(service, options = NO_OPTIONS) {
    const { lang } = this.#options(options, 'facts');
    return answer(this.#module, this.#module.facts(this.#handle, String(service), lang));
  }

  /** The services these rules cover: [{ id, title }]. */
  services(options = NO_OPTIONS) {
    const { lang } = this.#options(options, 'services');
    return answer(this.#module, this.#module.services(this.#handle, lang));
  }

  /** The ids of the services whose rules are loaded. */
  loadedServices() {
    return answer(this.#module, this.#module.loadedServices(this.#handle));
  }

  /** The languages a service's rules are loaded in: all three, one (a one-language pack), or none. */
  loadedLanguages(id) {
    return answer(this.#module, this.#module.loadedLanguages(this.#handle, String(id)));
  }

  /** Every country of the rules, named in a language: [{ code, name }], in code order. */
  countries(options = NO_OPTIONS) {
    const { lang } = this.#options(options, 'countries');
    return answer(this.#module, this.#module.countries(this.#handle, lang));
  }

  /**
   * Loads one service's rules (its pack, beside the module) unless they are loaded already in the
   * languages asked for: `{ languages: ['az'] }` loads the Azerbaijani-only pack (less than half
   * the download) and replaces a pack of another language; without `languages`, every language.
   * Rejects with an EligibilityError if the pack does not validate (e.g. it is of another rules
   * version), or with an Error if it cannot be read; the engine is then unchanged.
   */
  loadService(id, options = NO_OPTIONS) {
    if (options === null || typeof options !== 'object') throw new TypeError('loadService: options must be an object');
    const lang = packLanguage(options.languages, 'loadService');
    const have = this.loadedLanguages(id);
    if (lang ? have.includes(lang) : have.length === LANGS.size) return Promise.resolve();
    const key = packKey(id, lang);
    if (!this.#loading.has(key)) {
      const bytes = this.#early.get(key) ?? readPack(id, lang);
      this.#early.delete(key);
      const done = bytes.then((pack) => {
        addPack(this.#module, this.#handle, pack);
        for (const k of [...this.#fragmentTables.keys()]) if (k.startsWith(`${id}/`)) this.#fragmentTables.delete(k);
      }).finally(() => this.#loading.delete(key));
      this.#loading.set(key, done);
    }
    return this.#loading.get(key);
  }

  /** Frees the engine's rules inside the module; later calls return an error object. */
  release() {
    this.#module.releaseEngine(this.#handle);
  }

  #options(options, where) {
    if (options === null || typeof options !== 'object') throw new TypeError(`${where}: options must be an object`);
    return {
      lang: options.lang === undefined ? this.#lang : checkLang(options.lang, where),
      asOf: options.asOf === undefined ? (this.#asOf ?? localDate()) : checkDate(options.asOf, where),
    };
  }
}

// The one language whose pack to load, or null for the pack of every language: `languages` is
// undefined (every language) or a list of languages; one language has a pack of its own.
function packLanguage(languages, where) {
  if (languages === undefined || languages === null) return null;
  if (!Array.isArray(languages) || languages.length === 0) {
    throw new TypeError(`${where}: languages must be a non-empty array of 'en', 'az' or 'ru'`);
  }
  const distinct = new Set(languages.map((l) => checkLang(l, where)));
  return distinct.size === 1 ? [...distinct][0] : null;
}

function packKey(id, lang) {
  return `${id}/${lang ?? '*'}`;
}

// Adds a pack (its bytes: compiled, or a JSON service document) to an engine inside the module;
// throws an EligibilityError, the engine unchanged, if the core refuses it.
function addPack(module, handle, pack) {
  const { at, size } = intoModule(module, pack);
  const added = answer(module, module.addServiceAt(handle, at, size));
  if (added.status !== 'ok') throw new EligibilityError(added);
}

// One service's pack, compiled (rules/<id>.bin, or rules/<id>.<lang>.bin for one language; the
// .json beside it is the same rules for people to read), as bytes (the core checks them).
function readPack(id, lang) {
  if (!/^[a-z][a-z0-9_]{0,47}$/.test(id)) return Promise.reject(new TypeError(`loadService: ${JSON.stringify(id)} is not a service id`));
  return readRulesFile(`${id}${lang ? `.${lang}` : ''}.bin`, `the rules of ${id}`);
}

// A file of rules/, beside the module: read from disk in Node, fetched in a browser.
async function readRulesFile(name, what) {
  const url = new URL(`./rules/${name}`, import.meta.url);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Creates an engine. `rules` (optional) is a mission's own rules: a bundle, or one service
 * document that replaces that service in the built-in rules, as an object, as JSON text, or as
 * the bytes of JSON text (Uint8Array or ArrayBuffer, e.g. from fetch).
 * Rejects with an EligibilityError (code invalid_rules, paths into the rules) if they do not
 * validate; without `rules` the built-in rules are used. `services` says which services' packs to
 * load now: 'all' (the default) or a list of ids ([] for none, to load them with loadService);
 * `languages` (e.g. ['az']) loads them in one language only (see loadService).
 */
export async function createEngine(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('createEngine: options must be an object');
  const lang = checkLang(options.lang, 'createEngine');
  const asOf = options.asOf === undefined ? undefined : checkDate(options.asOf, 'createEngine');
  const services = options.services === undefined ? 'all' : options.services;
  if (services !== 'all' && !(Array.isArray(services) && services.every((s) => typeof s === 'string'))) {
    throw new TypeError("createEngine: services must be 'all' or an array of service ids");
  }
  const languages = options.languages;
  const packLang = packLanguage(languages, 'createEngine');
  // Packs named up front start downloading now, while the module loads; not with a mission's
  // own rules, which may hold those services already (loadService then reads only what is missing).
  const ownRules = options.rules !== undefined && options.rules !== null;
  const early = Array.isArray(services) && !ownRules
    ? new Map(services.map((id) => [packKey(id, packLang), readPack(id, packLang)]))
    : new Map();
  for (const p of early.values()) p.catch(() => {});
  // Every service at once (the default): one file, rules/all.bin (or all.<lang>.bin), rather than a
  // download per service. If it cannot be read (a folder from before it existed), the packs are
  // loaded one by one instead.
  const all = services === 'all' && !ownRules
    ? readRulesFile(`all${packLang ? `.${packLang}` : ''}.bin`, 'the rules').catch(() => null)
    : null;
  let rulesText = null;
  if (ownRules) {
    if (typeof options.rules === 'string') {
      rulesText = wellFormed(options.rules);
    } else if (options.rules instanceof Uint8Array || options.rules instanceof ArrayBuffer) {
      // Bytes as fetched (response.arrayBuffer()): the core checks that they are UTF-8.
      rulesText = options.rules instanceof ArrayBuffer ? new Uint8Array(options.rules) : options.rules;
    } else if (typeof options.rules === 'object') {
      try {
        rulesText = JSON.stringify(options.rules);
      } catch (e) {
        throw new EligibilityError({ errors: [{ path: '', code: 'invalid_rules', message: `the rules cannot be written as JSON: ${e.message}` }] });
      }
    } else {
      throw new EligibilityError({ errors: [{ path: '', code: 'invalid_rules', message: 'rules must be an object or JSON text' }] });
    }
  }
  // A mission's service document is validated inside the built-in index, as JSON: the module
  // holds the index compiled, which serves the built-in rules only.
  const index = rulesText === null ? null : readRulesFile('index.json', 'the built-in rules index');
  index?.catch(() => {});
  const module = await loadModule();
  // Empty or not, given rules are judged by the core, exactly as the CLI's validate-rules would.
  let created;
  if (rulesText === null) {
    created = answer(module, module.createDefaultEngine());
  } else {
    const base = await index;
    const rules = typeof rulesText === 'string' ? utf8in.encode(rulesText) : rulesText;
    const both = new Uint8Array(base.length + rules.length);
    both.set(base);
    both.set(rules, base.length);
    const { at } = intoModule(module, both);
    created = answer(module, module.createEngineAt(at, base.length, rules.length));
  }
  if (created.status !== 'ok') throw new EligibilityError(created);
  const engine = new Engine(module, created.engine, created.rules_version, lang, asOf, early);
  const wanted = services === 'all' ? engine.services().map((s) => s.id) : services;
  try {
    const allPacks = await all;
    if (allPacks) addPack(module, created.engine, allPacks);
    await Promise.all(wanted.map((id) => engine.loadService(id, { languages })));  // none left to load after all.bin
  } catch (err) {
    engine.release();  // the caller never sees this engine: free its rules inside the module
    throw err;
  }
  return engine;
}
