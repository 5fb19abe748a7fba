// The floor: the workload as a hand-written JavaScript function, the way a developer would write
// it with no engine at all. Lists are Sets and Maps; the answer is built directly in the shared
// shape { regime, days?, fees, documents }.

const VISA_FREE_DAYS = new Map([
  ...'AE AL BY GE KG KZ MA MD RU TJ TR UA UZ'.split(' ').map((c) => [c, 90]),
  ...'BH CN KW OM QA SA'.split(' ').map((c) => [c, 30]),
]);
const EU = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '));
const EVISA = new Set([...'AD AR AU BR CA CH CL CO GB IL IN JP KR MX NO NZ SG US'.split(' '), ...EU]);
const NO_INVITATION = new Set(['tourism', 'transit', 'private', 'official']);

export function decide(f) {
  const days = VISA_FREE_DAYS.get(f.nationality);
  if (days !== undefined) return { regime: 'visa_free', days, fees: [], documents: [] };
  const regime = EVISA.has(f.nationality) ? 'evisa' : 'consular';

  let fee;
  if (EU.has(f.nationality)) {
    const waived = f.age < 12 || f.eu_category !== 'none';
    fee = { id: 'eu_visa_processing_fee', amount_minor: waived ? 0 : 3500, currency: 'EUR', waived };
  } else {
    const amount = f.purpose !== 'transit' && f.entries === 'multiple' ? 35000 : 2000;
    fee = { id: 'visa_state_fee', amount_minor: amount, currency: 'USD', waived: false };
  }

  const documents = ['application_form', 'passport', 'photos'];
  if (!f.host_covers_medical) documents.push('medical_insurance');
  if (!NO_INVITATION.has(f.purpose)) documents.push('invitation_application', 'invitation_reason_document');
  if (f.age < 18 && !f.accompanied) documents.push('minor_birth_certificate', 'parental_permission', 'parents_identity_documents');
  return { regime, fees: [fee], documents };
}

// --- the benchmark's adapter (bench/peers/bench_peers.mjs): not part of the function above.
export async function setup({ root }) {
  return {
    name: 'plain JS',
    prepare: (facts) => facts,
    evaluate: decide,
    normalise: (answer) => answer,
    rulesText: null,  // the rules are the code
    files: [{ path: new URL(import.meta.url).pathname, role: 'code' }],
  };
}
