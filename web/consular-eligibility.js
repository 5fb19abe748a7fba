// <consular-eligibility>: the widget a mission embeds with one tag.
//
//   <script type="module" src="/consular-eligibility/consular-eligibility.js"></script>
//   <consular-eligibility service="visa" lang="az"></consular-eligibility>
//
// Attributes (all optional, all live):
//   service    a service id: skip the picker and start that service's interview
//   lang       en, az or ru; default the page's <html lang> when it is one of those, else en
//   rules-src  address of a mission's own rules file; if it cannot be loaded or does not validate,
//              the embedded rules are used and a polite notice says so
//   as-of      YYYY-MM-DD the rules are evaluated at; default the browser's local date
// Event: `decision` (bubbles, composed), detail = the decision object, each time the interview
// reaches a decided outcome.
//
// The engine decides everything: which question comes next is the first of engine.questions();
// what is required, waived, certain or due comes from engine.evaluate(). This element keeps the
// answers, replays them to find where the applicant is, and presents. Nothing leaves the browser;
// nothing is stored.

import { h, replaceChildren } from './dom.js';
import { LANGS, LANG_NAMES, t, has, isLoaded, loadLanguage } from './i18n.js';
import { renderQuestion } from './render-question.js';
import { renderOutcome } from './render-outcome.js';
import { renderAnswers } from './render-answers.js';
import { ISO_DATE } from './format.js';

// Start fetching the engine's module, and the WebAssembly it loads, while the element gets ready;
// a failure is reported when the element awaits it.
const enginePromise = import('./engine.mjs');
enginePromise.then((api) => api.preload()).catch(() => {});

const STYLESHEET = new URL('./consular-eligibility.css', import.meta.url).href;
const PICKER = '#picker';
const OUTCOME = '#outcome';
let instances = 0;

function primaryLanguage(tag) {
  const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(primary) ? primary : null;
}

class ConsularEligibility extends HTMLElement {
  static get observedAttributes() {
    return ['service', 'lang', 'rules-src', 'as-of'];
  }

  #uid = `ce${++instances}`;
  #els = null;
  #engine = null;
  #engineState = 'idle'; // idle | loading | ready | failed
  #loadToken = 0;
  #fallbackVersion = null;
  #services = null;
  #namesByCode = null;

  #service = null; // the service being checked
  #packPending = null; // "service/lang" of the rules being downloaded
  #heldDraft = null; // an unfinished answer, kept while a language's texts download
  #packFailed = null; // the service whose rules could not be downloaded
  #answers = new Map(); // fact id -> answer, kept when the flow changes
  #current = null; // a fact id, PICKER, OUTCOME, or null: the first question not yet answered
  #mode = 'forward'; // 'change': Continue returns to the first unanswered question or the outcome
  #error = null; // { fact, key, vars?, other?, draft? }: the error shown on the current question
  #ticks = new Map(); // document checklist, in memory only
  #step = null; // the rendered step: { kind, heading, question? }
  #warned = new Set();

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (!this.#els) this.#build();
    loadLanguage(this.#lang).catch(() => {});  // in parallel with the engine; #render waits for it
    if (this.#engineState === 'idle') this.#loadEngine();
    else this.#render();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#els || oldValue === newValue) return;
    switch (name) {
      case 'lang':
        this.#render({ keepDraft: true });
        break;
      case 'service':
        this.#startService(this.#attributeService());
        this.#render();
        break;
      case 'rules-src':
        this.#loadEngine();
        break;
      case 'as-of':
        this.#error = null;
        this.#render({ keepDraft: true });
        break;
      default:
        break;
    }
  }

  // --- settings ----------------------------------------------------------------------------------

  get #lang() {
    return primaryLanguage(this.getAttribute('lang')) ||
      primaryLanguage(document.documentElement.getAttribute('lang')) || 'en';
  }

  get #asOf() {
    const value = this.getAttribute('as-of');
    if (value === null || value === '') return undefined;
    if (ISO_DATE.test(value)) return value;
    this.#warnOnce(`as-of:${value}`, `consular-eligibility: as-of="${value}" is not a date YYYY-MM-DD; using the browser's local date.`);
    return undefined;
  }

  #callOptions() {
    return { lang: this.#lang, asOf: this.#asOf };
  }

  #profile(facts) {
    return { service: this.#service, facts };
  }

  #warnOnce(key, ...message) {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(...message);
  }

  // The service attribute, if it names a service of the loaded rules.
  #attributeService() {
    const value = this.getAttribute('service');
    if (!value) return null;
    if (this.#services && !this.#services.some((s) => s.id === value)) {
      this.#warnOnce(`service:${value}`, `consular-eligibility: service="${value}" is not a service of these rules; showing the list of services.`);
      return null;
    }
    return value;
  }

  #startService(service) {
    if (service !== this.#service) {
      this.#answers.clear();
      this.#ticks.clear();
    }
    this.#service = service;
    this.#current = service ? null : PICKER;
    this.#mode = 'forward';
    this.#error = null;
  }

  // --- the engine --------------------------------------------------------------------------------

  async #loadEngine() {
    const token = ++this.#loadToken;
    this.#engineState = 'loading';
    this.#render();
    const src = this.getAttribute('rules-src');
    let engine = null;
    let fellBack = false;
    try {
      const { createEngine } = await enginePromise;
      // Only the service named by the attribute is downloaded with the engine, others when chosen,
      // and each in the applicant's language only (another is downloaded if they switch).
      const named = this.getAttribute('service');
      const services = named && /^[a-z][a-z0-9_]*$/.test(named) ? [named] : [];
      const languages = [this.#lang];
      if (src) {
        try {
          engine = await this.#engineFromSource(createEngine, src, services, languages);
        } catch (err) {
          fellBack = true;
          console.warn(`consular-eligibility: the rules at "${src}" could not be used; the embedded rules are used instead.`,
            err && err.errors ? err.errors.slice(0, 5) : err);
        }
      }
      if (!engine) engine = await createEngine({ services, languages }).catch(() => createEngine({ services: [] }));
    } catch (err) {
      if (token !== this.#loadToken) return;
      console.error('consular-eligibility: the engine could not be loaded.', err);
      this.#engineState = 'failed';
      this.#render();
      return;
    }
    if (token !== this.#loadToken) {
      engine.release();
      return;
    }
    if (this.#engine) this.#engine.release();
    this.#engine = engine;
    this.#engineState = 'ready';
    this.#packPending = null;
    this.#packFailed = null;
    this.#fallbackVersion = fellBack ? engine.rulesVersion : null;
    this.#namesByCode = null;
    this.#services = engine.services({ lang: 'en' });
    const service = this.#attributeService();
    if (this.#service === null || (service !== null && service !== this.#service) ||
        !this.#services.some((s) => s.id === this.#service)) {
      this.#startService(service);
    }
    this.#render();
  }

  // A mission's rules, as bytes: the engine, not the browser, judges whether they are UTF-8. The
  // named service is loaded only if these rules have it: a service attribute they do not know is
  // reported by #attributeService, and must not make the mission's rules look broken.
  async #engineFromSource(createEngine, src, services, languages) {
    const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    const engine = await createEngine({ rules: new Uint8Array(await response.arrayBuffer()), services: [] });
    const known = new Set(engine.services({ lang: 'en' }).map((s) => s.id));
    try {
      await Promise.all(services.filter((id) => known.has(id)).map((id) => engine.loadService(id, { languages })));
    } catch (err) {
      engine.release();
      throw err;
    }
    return engine;
  }

  // Replays the answers from the first question: the flow is the questions the engine asks, in
  // order, while each has an answer. Answers to questions the flow no longer reaches are kept but
  // not sent. Returns { steps: [{ id, question }], next: the first unanswered question or null,
  // error: the engine's error object if the last answer replayed was rejected (next is then that
  // answer's question) }.
  #replay() {
    const steps = [];
    const facts = {};
    for (let guard = 0; guard < 256; guard++) {
      const res = this.#engine.questions(this.#profile(facts), this.#callOptions());
      if (res.status === 'error') {
        const refused = { ...facts };  // the answers the engine refused, for its messages
        const last = steps.pop();
        if (last) delete facts[last.id];
        return { steps, facts, next: last ? last.question : null, error: res, refused };
      }
      const q = res.questions[0];
      if (!q || !this.#answers.has(q.id)) return { steps, facts, next: q || null, error: null };
      steps.push({ id: q.id, question: q });
      facts[q.id] = this.#answers.get(q.id);
    }
    throw new Error('consular-eligibility: the interview does not end');
  }

  // Every country's name in every language, for the searchable lists: from the engine's own
  // country table (the same for every service and question), whichever language the rules were
  // downloaded in. Read on first use, again only with another engine.
  #countryNames() {
    if (!this.#namesByCode) {
      const names = new Map();
      for (const lang of LANGS) {
        for (const c of this.#engine.countries({ lang })) {
          if (!names.has(c.code)) names.set(c.code, {});
          names.get(c.code)[lang] = c.name;
        }
      }
      this.#namesByCode = names;
    }
    return this.#namesByCode;
  }

  #serviceTitle(lang) {
    const s = this.#engine.services({ lang }).find((x) => x.id === this.#service);
    return s ? s.title : this.#service;
  }

  // --- the shell ---------------------------------------------------------------------------------

  #build() {
    const root = this.shadowRoot;
    const langButtons = LANGS.map((code) => h('button', {
      type: 'button',
      class: 'ce-lang',
      part: 'language-button',
      lang: code,
      dataset: { lang: code },
      on: { click: () => this.#switchLanguage(code) },
    }, code.toUpperCase(), h('span', { class: 'ce-visually-hidden' }, ` ${LANG_NAMES[code]}`)));
    const container = h('div', { class: 'ce', part: 'container', role: 'region', hidden: true });
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET });
    // Shown once styled (or if the stylesheet fails, unstyled rather than never).
    const show = () => { container.hidden = false; };
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    const brand = h('p', { class: 'ce-brand' });
    const langGroup = h('div', { class: 'ce-langs', role: 'group', part: 'language-switch' }, langButtons);
    const notice = h('div', { class: 'ce-notice', part: 'notice', role: 'status' });
    const body = h('div', { class: 'ce-body' });
    container.append(h('div', { class: 'ce-header', part: 'header' }, brand, langGroup), notice, body);
    root.append(link, container);
    this.#els = { container, brand, langGroup, langButtons, notice, body };
  }

  #switchLanguage(code) {
    // The attribute is the single source of truth: a host page sees (and can set) it.
    this.setAttribute('lang', code);
  }

  #renderChrome() {
    const lang = this.#lang;
    const { container, brand, langGroup, langButtons, notice } = this.#els;
    container.setAttribute('lang', lang);
    container.setAttribute('aria-label', t(lang, 'widgetLabel'));
    brand.textContent = this.#engineState === 'ready' && this.#service && this.#current !== PICKER
      ? this.#serviceTitle(lang) : t(lang, 'brand');
    langGroup.setAttribute('aria-label', t(lang, 'language'));
    for (const button of langButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    const fallback = this.#engineState === 'ready' && this.#fallbackVersion !== null;
    notice.textContent = fallback && isLoaded(lang) ? t(lang, 'rulesFallback', { version: this.#fallbackVersion }) : '';
    notice.hidden = !fallback;
  }

  // --- rendering ---------------------------------------------------------------------------------

  // `flow`: the replay of the current answers, when the caller has just made it (Continue, Back),
  // so that it is not made twice.
  #render({ focus = false, keepDraft = false, flow = null } = {}) {
    if (!this.#els) return;
    let draft = keepDraft && this.#step && this.#step.question ? this.#step.question.draft() : undefined;
    let draftFor = keepDraft && this.#step ? this.#step.factId : undefined;
    if (this.#heldDraft && isLoaded(this.#lang)) {
      ({ draft, draftFor } = this.#heldDraft);
      this.#heldDraft = null;
    }
    let step;
    if (!isLoaded(this.#lang)) {
      // The language's texts arrive as their own module (a first visit downloads one language);
      // an unfinished answer is held until they do.
      if (draftFor !== undefined) this.#heldDraft = { draft, draftFor };
      this.#ensureLanguage(this.#lang);
      step = this.#loadingView();
    } else if (this.#engineState === 'loading' || this.#engineState === 'idle') {
      step = this.#loadingView();
    } else if (this.#engineState === 'failed') {
      step = this.#failedView();
    } else if (!this.#service || this.#current === PICKER) {
      step = this.#pickerView(draftFor === PICKER ? draft : undefined);
    } else if (this.#packFailed === this.#service) {
      step = this.#failedView();
    } else if (!this.#ensurePack()) {
      // The service's rules in this language are downloading (a language switch): an unfinished
      // answer is held until they arrive.
      if (draftFor !== undefined) this.#heldDraft = { draft, draftFor };
      step = this.#loadingView();
    } else {
      step = this.#interviewStep(draftFor, draft, flow);
    }
    this.#renderChrome();
    replaceChildren(this.#els.body, step.element);
    this.#step = step;
    if (step.after) step.after();
    // Focus follows the applicant's own actions (Continue, Back, Change, …) to the new step's
    // heading, or to the field in error; never on load or on a change the page makes.
    if (focus) {
      if (this.#error && step.question) step.question.focusField();
      else if (step.heading) step.heading.focus();
    }
  }

  // Rule packs: a service's rules are downloaded the first time it is chosen (the one named by the
  // service attribute starts downloading with the engine itself), in the applicant's language, and
  // again in another when they switch. True once they are loaded.
  #ensurePack() {
    const id = this.#service;
    const lang = this.#lang;
    const engine = this.#engine;
    if (engine.loadedLanguages(id).includes(lang)) return true;
    const key = `${id}/${lang}`;
    if (this.#packPending !== key) {
      this.#packPending = key;
      // Focus goes to the first question when the applicant has just chosen the service, not
      // when the rules arrive in the language they switched to (focus stays on the switch).
      const chosen = engine.loadedLanguages(id).length === 0;
      engine.loadService(id, { languages: [lang] }).then(
        () => {
          if (this.#engine !== engine) return;
          if (this.#packPending === key) this.#packPending = null;
          this.#render({ focus: chosen });
        },
        (err) => {
          if (this.#engine !== engine) return;
          console.error(`consular-eligibility: the rules of ${id} could not be loaded.`, err && err.errors ? err.errors.slice(0, 5) : err);
          if (this.#packPending === key) this.#packPending = null;
          this.#packFailed = id;
          this.#render();
        });
    }
    return false;
  }

  #ensureLanguage(lang) {
    loadLanguage(lang).then(
      () => { if (this.#lang === lang) this.#render(); },
      (err) => this.#warnOnce(`lang:${lang}`, `consular-eligibility: the ${lang} texts could not be loaded.`, err));
  }

  #loadingView() {
    return { kind: 'loading', element: h('p', { class: 'ce-loading', role: 'status' }, t(this.#lang, 'loading')) };
  }

  #failedView() {
    const lang = this.#lang;
    const heading = h('h2', { class: 'ce-heading', tabindex: '-1' }, t(lang, 'engineFailedTitle'));
    return {
      kind: 'failed',
      heading,
      element: h('div', { class: 'ce-failure', part: 'error', role: 'alert' }, heading, h('p', null, t(lang, 'engineFailedText'))),
    };
  }

  #errorView(errorObject) {
    const lang = this.#lang;
    const code = errorObject.errors && errorObject.errors[0] ? errorObject.errors[0].code : 'invalid_json';
    console.warn('consular-eligibility: the engine reported', errorObject.errors);
    const heading = h('h2', { class: 'ce-heading', tabindex: '-1' }, t(lang, 'engineFailedTitle'));
    return {
      kind: 'error',
      heading,
      element: h('div', { class: 'ce-failure', part: 'error', role: 'alert' },
        heading,
        h('p', null, has(lang, `errors.${code}`) ? t(lang, `errors.${code}`) : t(lang, 'engineFailedText')),
        h('div', { class: 'ce-actions' }, this.#startAgainButton())),
    };
  }

  #pickerView(draft) {
    const lang = this.#lang;
    const services = this.#engine.services({ lang });
    const question = renderQuestion({
      id: 'service',
      type: 'enum',
      label: t(lang, 'pickerHeading'),
      help: t(lang, 'pickerHint'),
      options: services.map((s) => ({ value: s.id, label: s.title })),
    }, {
      lang,
      idBase: `${this.#uid}-service`,
      number: null,
      value: this.#service,
      draft,
      error: this.#error && this.#error.fact === PICKER ? { text: t(lang, this.#error.key) } : null,
    });
    const form = h('form', {
      class: 'ce-form',
      novalidate: true,
      on: {
        submit: (e) => {
          e.preventDefault();
          const r = question.read();
          if (!r.ok) {
            this.#error = { fact: PICKER, key: 'select_service' };
            this.#render({ focus: true });
            return;
          }
          this.#startService(r.value);
          this.#render({ focus: true });
        },
      },
    }, question.element,
    h('p', { class: 'ce-privacy' }, t(lang, 'privacy')),
    h('div', { class: 'ce-actions' }, h('button', { type: 'submit', class: 'ce-button', part: 'button' }, t(lang, 'continue'))));
    return { kind: 'picker', factId: PICKER, heading: question.heading, question, element: form };
  }

  #interviewStep(draftFor, draft, replayed) {
    const flow = replayed ?? this.#replay();
    if (flow.error && !flow.next) return this.#errorView(flow.error);
    if (flow.error) {
      // A kept answer is no longer accepted (the date of the check or the rules changed): ask again.
      this.#current = flow.next.id;
      if (!this.#error || this.#error.fact !== flow.next.id) this.#error = this.#engineError(flow, flow.next);
    }
    // The step asked for, if the flow still reaches it; else the first unanswered question; else
    // the outcome.
    let index = flow.steps.findIndex((s) => s.id === this.#current);
    let question = index >= 0 ? flow.steps[index].question : null;
    if (!question && flow.next) {
      question = flow.next;
      index = flow.steps.length;
    }
    if (!question) {
      this.#current = OUTCOME;
      return this.#outcomeView(flow);
    }
    this.#current = question.id;
    return this.#questionView(question, index, flow, draftFor === question.id ? draft : undefined);
  }

  #questionView(q, index, flow, draft) {
    const lang = this.#lang;
    const error = this.#error && this.#error.fact === q.id ? this.#error : null;
    const shown = error ? this.#errorForDisplay(error, q, flow.steps) : null;
    const handle = renderQuestion(q, {
      lang,
      idBase: `${this.#uid}-q-${q.id}`,
      number: index + 1,
      value: this.#answers.get(q.id),
      draft: draft !== undefined ? draft : error ? error.draft : undefined,
      error: shown,
      countryNames: q.type === 'country' ? () => this.#countryNames() : null,
    });
    const canGoBack = index > 0 || !this.#attributeService();
    const form = h('form', {
      class: 'ce-form',
      novalidate: true,
      on: { submit: (e) => { e.preventDefault(); this.#continue(q, handle); } },
    },
    handle.element,
    h('div', { class: 'ce-actions' },
      h('button', { type: 'submit', class: 'ce-button', part: 'button' }, t(lang, 'continue')),
      canGoBack ? h('button', {
        type: 'button',
        class: 'ce-button ce-button--secondary',
        part: 'button button-secondary',
        on: { click: () => this.#back(q.id) },
      }, t(lang, 'back')) : null),
    renderAnswers({
      lang,
      steps: flow.steps.slice(0, index),
      answers: this.#answers,
      service: null,
      onChange: (id) => this.#change(id),
      collapsible: true,
    }));
    return { kind: 'question', factId: q.id, heading: handle.heading, question: handle, element: form };
  }

  #outcomeView(flow) {
    const lang = this.#lang;
    const decision = this.#engine.evaluate(this.#profile(flow.facts), this.#callOptions());
    if (decision.status === 'error') return this.#errorView(decision);
    const { element, heading } = renderOutcome(decision, {
      lang,
      idBase: `${this.#uid}-out`,
      serviceTitle: this.#serviceTitle(lang),
      ticks: this.#ticks,
    });
    const pickerAllowed = !this.#attributeService();
    const wrapper = h('div', { class: 'ce-result' },
      element,
      renderAnswers({
        lang,
        steps: flow.steps,
        answers: this.#answers,
        service: pickerAllowed ? { title: this.#serviceTitle(lang), onChange: () => this.#toPicker() } : null,
        onChange: (id) => this.#change(id),
        level: 'h3',
      }),
      h('div', { class: 'ce-actions ce-no-print' },
        h('button', { type: 'button', class: 'ce-button', part: 'button', on: { click: () => window.print() } }, t(lang, 'print')),
        h('button', {
          type: 'button',
          class: 'ce-button ce-button--secondary',
          part: 'button button-secondary',
          on: { click: () => this.#back(OUTCOME) },
        }, t(lang, 'back')),
        this.#startAgainButton()));
    return {
      kind: 'outcome',
      factId: OUTCOME,
      heading,
      element: wrapper,
      after: () => this.dispatchEvent(new CustomEvent('decision', { detail: decision, bubbles: true, composed: true })),
    };
  }

  #startAgainButton() {
    return h('button', {
      type: 'button',
      class: 'ce-button ce-button--secondary',
      part: 'button button-secondary',
      on: { click: () => this.#startAgain() },
    }, t(this.#lang, 'startAgain'));
  }

  // --- navigation --------------------------------------------------------------------------------

  #continue(q, handle) {
    const read = handle.read();
    if (!read.ok) {
      this.#error = { fact: q.id, key: read.code, draft: handle.draft() };
      this.#render({ focus: true });
      return;
    }
    const had = this.#answers.has(q.id);
    const previous = this.#answers.get(q.id);
    this.#answers.set(q.id, read.value);
    const flow = this.#replay();
    if (flow.error) {
      if (!flow.next || flow.next.id === q.id) {
        // Rejected: keep the earlier answer (if any), show the error on this question.
        if (had) this.#answers.set(q.id, previous);
        else this.#answers.delete(q.id);
        this.#error = { ...this.#engineError(flow, q), draft: handle.draft() };
        this.#current = q.id;
      } else {
        // Accepted, but a later answer no longer fits: go to it.
        this.#error = this.#engineError(flow, flow.next);
        this.#current = flow.next.id;
        this.#render({ focus: true, flow });
        return;
      }
      this.#render({ focus: true });
      return;
    }
    this.#error = null;
    const index = flow.steps.findIndex((s) => s.id === q.id);
    if (this.#mode === 'forward' && index >= 0 && index + 1 < flow.steps.length) {
      this.#current = flow.steps[index + 1].id;
    } else {
      this.#current = null;
      this.#mode = 'forward';
    }
    this.#render({ focus: true, flow });
  }

  #back(from) {
    const flow = this.#replay();
    const index = flow.steps.findIndex((s) => s.id === from);
    const previous = index >= 0 ? index - 1 : flow.steps.length - 1;
    this.#error = null;
    this.#mode = 'forward';
    if (previous >= 0) this.#current = flow.steps[previous].id;
    else if (!this.#attributeService()) this.#current = PICKER;
    this.#render({ focus: true, flow });
  }

  #change(factId) {
    this.#current = factId;
    this.#mode = 'change';
    this.#error = null;
    this.#render({ focus: true });
  }

  #toPicker() {
    this.#current = PICKER;
    this.#error = null;
    this.#render({ focus: true });
  }

  #startAgain() {
    this.#answers.clear();
    this.#ticks.clear();
    this.#error = null;
    this.#mode = 'forward';
    const service = this.#attributeService();
    if (!service) this.#service = null;
    this.#current = service ? null : PICKER;
    this.#render({ focus: true });
  }

  // An engine error, kept as what to say rather than as words, so that it follows a language switch.
  // The applicant is told by error code, never with the engine's English developer message, except
  // for answers that cannot both hold: those carry the rules' own words, asked for here in every
  // language. An error that names another answer offers to change that one.
  #engineError(flow, question) {
    const errorObject = flow.error;
    const first = (errorObject.errors && errorObject.errors[0]) || { code: 'invalid_json', path: '' };
    const m = /^\/facts\/([^/]+)$/.exec(first.path || '');
    const factId = m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
    // The rules' own words are asked for when shown, in the language then chosen (the rules may
    // be loaded in one language at a time).
    const rulesQuery = first.code === 'inconsistent' && first.constraint && flow.refused
      ? { facts: flow.refused, constraint: first.constraint } : null;
    return {
      fact: question.id,
      // Every language has the same keys (tests/web/i18n.test.mjs), so the current one can answer.
      key: has(this.#lang, `errors.${first.code}`) ? `errors.${first.code}` : 'errors.wrong_type',
      vars: { min: question.min, max: question.max },
      other: factId && factId !== question.id ? factId : null,
      rulesQuery,
    };
  }

  // The message of the rules' constraint that the refused answers break, in `lang`, or null.
  #rulesMessage({ facts, constraint }, lang) {
    const again = this.#engine.questions(this.#profile(facts), { ...this.#callOptions(), lang });
    const same = again.errors && again.errors.find((e) => e.constraint === constraint);
    return same ? same.message : null;
  }

  #errorForDisplay(error, question, steps) {
    const lang = this.#lang;
    let text = (error.rulesQuery && this.#rulesMessage(error.rulesQuery, lang)) || t(lang, error.key, error.vars || {});
    let action = null;
    const other = error.other && steps.find((s) => s.id === error.other);
    if (other) {
      text = `${text} ${t(lang, 'errorOtherAnswer', { question: other.question.label })}`;
      action = { label: t(lang, 'changeThatAnswer'), onClick: () => this.#change(other.id) };
    }
    return { text, action };
  }
}

if (!customElements.get('consular-eligibility')) {
  customElements.define('consular-eligibility', ConsularEligibility);
}

export { ConsularEligibility };
