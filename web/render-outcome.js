// The outcome of a decided interview, as the applicant reads it: a verdict card, the ways to apply
// side by side (each with its fees and total, time limits, where to apply, documents and checks),
// then what holds whichever way, and under every line a "Why?" disclosure with its citation.
//
// Everything shown is taken from the decision as the engine made it: what is required, waived,
// passed or due is never worked out here. Texts from the rules are set as text (dom.js).
// "Confirm with the embassy or consulate" marks every item that carries a `confidence`, every check
// whose result is `unknown` and every fee or total whose amount is not known.

import { h, srOnly } from './dom.js';
import { t, tNodes, has, outputLabel, OUTPUT_KINDS } from './i18n.js';
import { ISO_DATE, formatMoney, formatNumber, timeElement } from './format.js';

// Keys of an item or a verdict that are not outputs (docs/contract.md section 2).
const NOT_OUTPUTS = new Set([
  'id', 'code', 'basis', 'channel', 'channels', 'channel_details', 'citation', 'confidence', 'until',
  'title', 'note', 'amount_minor', 'currency', 'waived', 'waived_amount_minor', 'waiver', 'amount_known',
  'result', 'severity', 'fail_note', 'within_days', 'within_working_days', 'within_hours', 'within_months', 'due',
]);
const WITHIN = ['within_days', 'within_working_days', 'within_hours', 'within_months'];

// A failed check that stops the application (the core's severity), as opposed to a warning.
const isBlocker = (c) => c.result === 'fail' && c.severity === 'blocker';

/**
 * @param {object} decision  a decided decision (status 'decided') with titles in ctx.lang
 * @param {object} ctx       { lang, idBase, serviceTitle, ticks (Map: document key -> boolean) }
 * @returns {{ element: HTMLElement, heading: HTMLElement }}
 */
export function renderOutcome(decision, ctx) {
  const r = new OutcomeRenderer(decision, ctx);
  return r.render();
}

class OutcomeRenderer {
  constructor(decision, ctx) {
    this.d = decision;
    this.lang = ctx.lang;
    this.idBase = ctx.idBase;
    this.serviceTitle = ctx.serviceTitle;
    this.ticks = ctx.ticks || new Map();
    this.counter = 0;
    const details = (decision.verdict && decision.verdict.channel_details) || [];
    this.channels = ((decision.verdict && decision.verdict.channels) || []).map((id) =>
      details.find((c) => c.id === id) || { id });
  }

  id(suffix) {
    this.counter += 1;
    return `${this.idBase}-${suffix}-${this.counter}`;
  }

  t(key, vars) {
    return t(this.lang, key, vars);
  }

  render() {
    const d = this.d;
    const { card, heading } = this.verdictCard();
    const body = [card];
    const channelOf = (item) => item.channel || null;
    const common = (list) => list.filter((item) => !channelOf(item));

    if (this.channels.length > 1) {
      const headingId = this.id('ways');
      body.push(h('section', { class: 'ce-section ce-channels', 'aria-labelledby': headingId },
        h('h3', { id: headingId, class: 'ce-section__title' }, this.t('waysToApply')),
        h('p', { class: 'ce-section__intro ce-no-print' }, this.t('waysIntro')),
        h('div', { class: 'ce-channels__grid' }, this.channels.map((ch) => this.channelColumn(ch)))));
      const commonParts = [
        this.checksSection(common(d.checks), 'h4'),
        this.documentsSection(common(d.documents), 'h4'),
        this.deadlinesSection(common(d.deadlines), 'h4'),
        this.noticesSection(common(d.notices), 'h4', 'notices'),
      ].filter(Boolean);
      if (commonParts.length) {
        const id = this.id('common');
        body.push(h('section', { class: 'ce-section ce-common', 'aria-labelledby': id },
          h('h3', { id, class: 'ce-section__title' }, this.t('commonHeading')), commonParts));
      }
    } else {
      if (this.channels.length === 1) body.push(this.howToApply(this.channels[0]));
      body.push(
        this.feesSection(d.fees, d.totals, 'h3'),
        this.documentsSection(d.documents, 'h3'),
        this.checksSection(d.checks, 'h3'),
        this.deadlinesSection(d.deadlines, 'h3'),
        this.noticesSection(d.notices, 'h3', 'notices'),
      );
    }

    body.push(h('p', { class: 'ce-stamp', part: 'stamp' },
      tNodes(this.lang, 'stamp', { version: d.rules_version, date: timeElement(d.as_of, this.lang) })));
    body.push(h('p', { class: 'ce-disclaimer' }, this.t('disclaimer')));

    const element = h('section', {
      class: 'ce-outcome',
      part: 'outcome',
      'aria-labelledby': heading.id,
      dataset: { verdict: d.verdict ? d.verdict.code : '' },
    }, body);
    return { element, heading };
  }

  // --- the verdict -------------------------------------------------------------------------------

  verdictCard() {
    const v = this.d.verdict || {};
    const blockers = this.d.checks.filter(isBlocker);
    const headingId = this.id('verdict');
    const heading = h('h2', { id: headingId, class: 'ce-heading ce-verdict__title', tabindex: '-1' }, v.title || v.code);
    const channelTitle = (id) => (this.channels.find((c) => c.id === id) || {}).title;
    const card = h('div', {
      class: ['ce-verdict', `ce-verdict--${String(v.code).replace(/[^a-z0-9_-]/gi, '')}`, blockers.length && 'ce-verdict--blocked'],
      part: 'verdict',
    },
    this.serviceTitle ? h('p', { class: 'ce-eyebrow' }, this.serviceTitle) : null,
    heading,
    v.note ? h('p', { class: 'ce-verdict__note' }, v.note) : null,
    this.outputs(v),
    this.until(v, 'ce-until'),
    this.confidence(v),
    blockers.length ? h('div', { class: 'ce-problem', part: 'problem' },
      h('h3', { class: 'ce-problem__title' }, this.t('problemHeading')),
      h('ul', { class: 'ce-problem__list' }, blockers.map((c) => h('li', null,
        c.channel && channelTitle(c.channel) ? h('span', { class: 'ce-problem__channel' }, `${channelTitle(c.channel)}: `) : null,
        h('strong', null, c.title || c.id),
        c.fail_note ? [' — ', c.fail_note] : null)))) : null,
    this.why(v, v.title));
    return { card, heading };
  }

  howToApply(ch) {
    const id = this.id('how');
    return h('section', { class: 'ce-section ce-how', 'aria-labelledby': id },
      h('h3', { id, class: 'ce-section__title' }, this.t('howToApply')),
      h('div', { class: 'ce-item ce-channel-summary', part: 'channel' },
        h('p', { class: 'ce-item__title' }, ch.title || ch.id),
        ch.note ? h('p', { class: 'ce-item__note' }, ch.note) : null,
        this.until(ch, 'ce-until'),
        this.confidence(ch),
        this.why(ch, ch.title)));
  }

  channelColumn(ch) {
    const d = this.d;
    const mine = (list) => list.filter((item) => item.channel === ch.id);
    const fees = d.fees.filter((f) => !f.channel || f.channel === ch.id);
    const totals = d.totals.filter((x) => x.channel === ch.id);
    const id = this.id('channel');
    return h('article', { class: 'ce-channel', part: 'channel', 'aria-labelledby': id, dataset: { channel: ch.id } },
      h('h4', { id, class: 'ce-channel__title' }, ch.title || ch.id),
      ch.note ? h('p', { class: 'ce-channel__note' }, ch.note) : null,
      this.until(ch, 'ce-until'),
      this.confidence(ch),
      this.why(ch, ch.title),
      this.feesSection(fees, totals, 'h5'),
      this.deadlinesSection(mine(d.deadlines), 'h5'),
      this.noticesSection(mine(d.notices), 'h5', 'channelNotices'),
      this.documentsSection(mine(d.documents), 'h5'),
      this.checksSection(mine(d.checks), 'h5'));
  }

  // --- sections ----------------------------------------------------------------------------------

  section(kind, titleKey, level, content, extraClass) {
    const id = this.id(kind);
    return h('section', { class: ['ce-section', `ce-${kind}`, extraClass], part: kind, 'aria-labelledby': id },
      h(level, { id, class: 'ce-section__title' }, this.t(titleKey)), content);
  }

  feesSection(fees, totals, level) {
    if (!fees.length) return null;
    return this.section('fees', 'fees', level, [
      h('ul', { class: 'ce-list ce-fee-list' }, fees.map((f) => this.fee(f))),
      this.totals(totals),
    ]);
  }

  fee(f) {
    let amount;
    if (f.amount_known === false) {
      amount = h('span', { class: 'ce-amount ce-amount--unknown' }, this.t('amountUnknown'));
    } else if (f.waived) {
      amount = h('span', { class: 'ce-amount' },
        Number.isInteger(f.waived_amount_minor) && f.currency
          ? [srOnly(`${this.t('fullAmount')} `), h('s', { class: 'ce-amount__was' }, formatMoney(f.waived_amount_minor, f.currency, this.lang)), ' ']
          : null,
        srOnly(`${this.t('toPay')} `),
        h('strong', null, f.currency ? formatMoney(f.amount_minor, f.currency, this.lang) : this.t('waived')));
    } else {
      amount = h('strong', { class: 'ce-amount' }, formatMoney(f.amount_minor, f.currency, this.lang));
    }
    const w = f.waived ? f.waiver || {} : null;
    return h('li', { class: ['ce-item', 'ce-fee', f.waived && 'ce-fee--waived'], dataset: { id: f.id } },
      h('div', { class: 'ce-item__main' }, h('span', { class: 'ce-item__title' }, f.title || f.id), amount),
      f.note ? h('p', { class: 'ce-item__note' }, f.note) : null,
      w ? h('p', { class: 'ce-waiver' },
        h('span', { class: 'ce-waiver__label' }, `${this.t('waived')}: `), w.title || w.id,
        w.note ? [' ', h('span', { class: 'ce-waiver__note' }, w.note)] : null) : null,
      this.outputs(f),
      this.confirm(f.amount_known === false ? 'amountUnknownConfirm' : f.confidence ? `conf_${f.confidence}` : null),
      w ? this.confidence(w) : null,
      this.why(f, f.title, w));
  }

  totals(totals) {
    if (!totals.length) return null;
    const known = totals.filter((x) => x.amount_known !== false);
    const incomplete = totals.some((x) => x.amount_known === false);
    return h('div', { class: 'ce-total', part: 'total' },
      h('span', { class: 'ce-total__label' }, this.t('total')),
      h('span', { class: 'ce-total__amounts' },
        known.map((x, i) => [i > 0 ? ' + ' : null, h('strong', null, formatMoney(x.amount_minor, x.currency, this.lang))]),
        incomplete ? h('span', { class: 'ce-total__unknown' }, `${known.length ? ' ' : ''}${this.t('totalUnknown')}`) : null),
      incomplete ? this.confirm('amountUnknownConfirm') : null);
  }

  documentsSection(docs, level) {
    if (!docs.length) return null;
    return this.section('documents', 'documents', level, [
      h('p', { class: 'ce-section__intro ce-no-print' }, this.t('documentsHint')),
      h('ul', { class: 'ce-list ce-checklist' }, docs.map((doc) => this.document(doc))),
    ]);
  }

  document(doc) {
    const key = `${doc.channel || ''}/${doc.id}`;
    const id = this.id('doc');
    const box = h('input', {
      id,
      class: 'ce-checkbox__input',
      type: 'checkbox',
      checked: this.ticks.get(key) === true,
      on: { change: (e) => this.ticks.set(key, e.target.checked) },
    });
    return h('li', { class: 'ce-item ce-document', dataset: { id: doc.id } },
      h('div', { class: 'ce-checkbox' }, box, h('label', { class: 'ce-checkbox__label', for: id }, doc.title || doc.id)),
      h('div', { class: 'ce-item__body' },
        doc.note ? h('p', { class: 'ce-item__note' }, doc.note) : null,
        this.outputs(doc),
        this.confidence(doc),
        this.why(doc, doc.title)));
  }

  checksSection(checks, level) {
    if (!checks.length) return null;
    return this.section('checks', 'checks', level,
      h('ul', { class: 'ce-list' }, checks.map((c) => this.check(c))));
  }

  check(c) {
    const icon = { pass: '✓', fail: '✗', unknown: '?' }[c.result] || '?';
    const blocker = isBlocker(c);
    return h('li', { class: ['ce-item', 'ce-check', `ce-check--${c.result}`, blocker && 'ce-check--blocker'], dataset: { id: c.id, result: c.result } },
      h('div', { class: 'ce-item__main' },
        h('span', { class: 'ce-item__title' }, c.title || c.id),
        h('span', { class: 'ce-check__result' },
          h('span', { class: 'ce-check__icon', 'aria-hidden': 'true' }, icon),
          this.t(`check_${c.result}`))),
      c.note ? h('p', { class: 'ce-item__note' }, c.note) : null,
      this.outputs(c),
      c.result === 'fail' ? h('p', { class: 'ce-check__fail' },
        c.severity ? h('strong', null, this.t(`severity_${c.severity}`)) : null,
        c.fail_note ? [' ', c.fail_note] : null) : null,
      this.confirm(c.result === 'unknown' ? 'checkUnknownConfirm' : null),
      this.confidence(c),
      this.why(c, c.title));
  }

  deadlinesSection(deadlines, level) {
    if (!deadlines.length) return null;
    return this.section('deadlines', 'deadlines', level,
      h('ul', { class: 'ce-list' }, deadlines.map((dl) => this.deadline(dl))));
  }

  deadline(dl) {
    const within = WITHIN.find((k) => Number.isInteger(dl[k]));
    // With a computed date, the date says it all (and an "apply by" date counts backwards, which
    // "within" would misstate); without one, the period.
    const when = dl.due
      ? h('strong', { class: 'ce-due' }, tNodes(this.lang, 'dueBy', { date: timeElement(dl.due, this.lang) }))
      : within ? h('strong', { class: 'ce-due' }, this.t(within, { n: dl[within] })) : null;
    return h('li', { class: 'ce-item ce-deadline', dataset: { id: dl.id } },
      h('div', { class: 'ce-item__main' }, h('span', { class: 'ce-item__title' }, dl.title || dl.id), when),
      dl.note ? h('p', { class: 'ce-item__note' }, dl.note) : null,
      this.outputs(dl),
      this.confidence(dl),
      this.why(dl, dl.title));
  }

  noticesSection(notices, level, titleKey) {
    if (!notices.length) return null;
    return this.section('notices', titleKey, level,
      h('ul', { class: 'ce-list' }, notices.map((n) => h('li', { class: 'ce-item ce-notice-item', dataset: { id: n.id } },
        h('p', { class: 'ce-item__title' }, n.title || n.id),
        n.note ? h('p', { class: 'ce-item__note' }, n.note) : null,
        this.outputs(n),
        this.confidence(n),
        this.why(n, n.title)))));
  }

  // --- pieces ------------------------------------------------------------------------------------

  /** Computed values (max_stay_days, required_until, copies, …) as a description list. */
  outputs(item) {
    const names = Object.keys(item).filter((k) => !NOT_OUTPUTS.has(k));
    if (!names.length) return null;
    return h('dl', { class: 'ce-outputs' }, names.map((name) => h('div', { class: 'ce-outputs__row', dataset: { output: name } },
      h('dt', null, outputLabel(this.lang, name)),
      h('dd', null, this.outputValue(name, item[name])))));
  }

  outputValue(name, value) {
    const kind = OUTPUT_KINDS[name];
    if (typeof value === 'boolean') return this.t(value ? 'yes' : 'no');
    if (Number.isInteger(value)) {
      if (kind === 'days' || kind === 'years') return this.t(kind, { n: value }).replace(String(value), formatNumber(value, this.lang));
      return formatNumber(value, this.lang);
    }
    if (typeof value === 'string' && ISO_DATE.test(value)) return timeElement(value, this.lang);
    return String(value);
  }

  /** "Confirm with …" for an item whose facts are marked (a `confidence`: secondary, unknown …). */
  confidence(item) {
    return this.confirm(item.confidence ? `conf_${item.confidence}` : null);
  }

  /** "Until <date>": the end of the rule's effective window, when it has one. */
  until(item, cls) {
    return item.until ? h('p', { class: cls }, tNodes(this.lang, 'until', { date: timeElement(item.until, this.lang) })) : null;
  }

  /** "Confirm with the embassy or consulate", and why (when the reason has words: a confidence a
   * mission's rules invent is still flagged, without a reason). */
  confirm(reasonKey) {
    if (!reasonKey) return null;
    return h('p', { class: 'ce-confirm', part: 'confirm' },
      h('span', { class: 'ce-confirm__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', null, `${this.t('confirm')}.`),
      has(this.lang, reasonKey) ? [' ', this.t(reasonKey)] : null);
  }

  /** The "Why?" disclosure: the citation, the end of the rule's window, the waiver's citation. */
  why(item, title, waiver) {
    if (!item || !item.citation) return null;
    return h('details', { class: 'ce-why', part: 'why' },
      h('summary', { class: 'ce-why__summary' }, this.t('why'), title ? srOnly(` ${title}`) : null),
      h('div', { class: 'ce-why__body' },
        h('p', null, h('span', { class: 'ce-why__label' }, `${this.t('source')} `), item.citation),
        this.until(item, null),
        item.confidence && has(this.lang, `conf_${item.confidence}`) ? h('p', null, this.t(`conf_${item.confidence}`)) : null,
        waiver && waiver.citation ? h('p', null, h('span', { class: 'ce-why__label' }, `${this.t('waiverSource')} `), waiver.citation) : null));
  }
}
