// json-logic-js: one JsonLogic rule per output (rules/json-logic.json), each applied to the
// applicant's facts with jsonLogic.apply(), as its users apply rules. JsonLogic cannot build
// objects (an object is an operation), so the fee comes back as [id, amount_minor, currency,
// waived] tuples and the documents as a list of ids, assembled with `if` and `merge`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import jsonLogic from 'json-logic-js';

export async function setup({ root }) {
  const rulesText = readFileSync(join(root, 'bench/peers/rules/json-logic.json'), 'utf8');
  const rules = JSON.parse(rulesText);
  const require = createRequire(import.meta.url);
  return {
    name: 'json-logic-js',
    version: require('json-logic-js/package.json').version,
    prepare: (facts) => facts,
    evaluate: (facts) => ({
      regime: jsonLogic.apply(rules.regime, facts),
      days: jsonLogic.apply(rules.days, facts),
      fees: jsonLogic.apply(rules.fees, facts),
      documents: jsonLogic.apply(rules.documents, facts),
    }),
    normalise: (a) => ({
      regime: a.regime,
      days: a.days,
      fees: a.fees.map(([id, amount_minor, currency, waived]) => ({ id, amount_minor, currency, waived })),
      documents: a.documents,
    }),
    rulesText: JSON.stringify(rules),
    files: [{ path: require.resolve('json-logic-js'), role: 'code' }],
  };
}
