// "Your answers": the questions the current flow asked, in order, each with the answer given and a
// Change button that goes straight back to that question (its answer pre-filled).

import { h } from './dom.js';
import { t } from './i18n.js';
import { describeAnswer } from './render-question.js';

/**
 * @param {object} o
 * @param {string} o.lang
 * @param {{ id: string, question: object }[]} o.steps   the flow's answered questions, in order
 * @param {Map<string, unknown>} o.answers
 * @param {{ title: string, onChange: () => void } | null} o.service  the service row, when the
 *        applicant chose the service in the widget (it can then be changed too)
 * @param {(factId: string) => void} o.onChange
 * @param {'h2'|'h3'} o.level
 * @param {boolean} [o.collapsible]  inside a <details> ("Your answers so far", during the interview)
 */
export function renderAnswers(o) {
  const { lang } = o;
  const rows = [];
  const row = (key, label, value, onChange) => h('div', { class: 'ce-answers__row', dataset: { fact: key } },
    h('dt', { class: 'ce-answers__question' }, label),
    h('dd', { class: 'ce-answers__answer' }, value),
    h('dd', { class: 'ce-answers__action' }, h('button', {
      type: 'button',
      class: 'ce-link-button',
      part: 'link',
      'aria-label': t(lang, 'changeLabel', { question: label }),
      on: { click: onChange },
    }, t(lang, 'change'))));
  if (o.service) rows.push(row('#service', t(lang, 'service'), o.service.title, o.service.onChange));
  for (const step of o.steps) {
    rows.push(row(step.id, step.question.label, describeAnswer(step.question, o.answers.get(step.id), lang),
      () => o.onChange(step.id)));
  }
  if (!rows.length) return null;
  const list = h('dl', { class: 'ce-answers__list' }, rows);
  if (o.collapsible) {
    return h('details', { class: 'ce-answers ce-answers--so-far', part: 'answers' },
      h('summary', { class: 'ce-answers__summary' }, t(lang, 'answersSoFar')), list);
  }
  return h('section', { class: 'ce-answers', part: 'answers', 'aria-label': t(lang, 'answersHeading') },
    h(o.level || 'h3', { class: 'ce-section__title' }, t(lang, 'answersHeading')), list);
}
