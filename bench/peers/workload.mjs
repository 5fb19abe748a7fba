// The shared peer workload: a seeded set of applicant profiles, the one answer shape every engine's
// answer is normalised to, and the check that all engines agree.
//
// The workload (written once per engine, in that engine's own format, in bench/peers/rules/ and
// plain.mjs; modelled on data/services/visa.json, not a statement of law):
// - regime by nationality: visa-free (13 countries 90 days, 6 countries 30 days), e-visa (45
//   countries, the 27 EU members among them), otherwise consular; 78 nationalities in all;
// - when a visa is needed (e-visa or consular): the fee (USD 20 single entry or transit, USD 350
//   multiple; EU nationals EUR 35 instead, waived for the EU facilitation categories and children
//   under 12) and the documents (application form, passport, photos; medical insurance unless
//   the host pays; the invitation and the reason for it unless tourism, transit, private or
//   official; the minor's three documents under 18 when not accompanied).

/** The answer every engine is normalised to. */
// { regime, days?, fees: [{ id, amount_minor, currency, waived }], documents: [ids] }

export const DOCUMENT_ORDER = [
  'application_form', 'passport', 'photos', 'medical_insurance', 'invitation_application',
  'invitation_reason_document', 'minor_birth_certificate', 'parental_permission', 'parents_identity_documents',
];

// Nationalities the profiles draw from, by the group they fall in. The engines hold their own
// copies of these lists (in their own formats); the profiles only need to visit every group.
const GROUPS = {
  visa_free: 'AE AL BY GE KG KZ MA MD RU TJ TR UA UZ BH CN KW OM QA SA'.split(' '),
  evisa: 'AD AR AU BR CA CH CL CO GB IL IN JP KR MX NO NZ SG US'.split(' '),
  eu: 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
  consular: 'AF BD DZ EG ET IQ IR LY NG PK SD SO SY YE'.split(' '),
};
export const NATIONALITIES = Object.values(GROUPS).flat();
const PURPOSES = ['tourism', 'business', 'education', 'official', 'private', 'transit'];
const EU_CATEGORIES = ['close_relative', 'official_delegation', 'student', 'disabled', 'sport', 'culture',
  'humanitarian', 'civil_society', 'pensioner', 'journalist'];

// mulberry32: a small seeded generator, so every run sees the same profiles.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` complete profiles (every fact answered), the same for a given seed. */
export function makeProfiles(count = 1200, seed = 20261121) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const profiles = [];
  for (let i = 0; i < count; i++) {
    const u = r();
    const group = u < 0.3 ? 'visa_free' : u < 0.5 ? 'evisa' : u < 0.75 ? 'eu' : 'consular';
    const minor = r() < 0.25;
    profiles.push({
      nationality: pick(GROUPS[group]),
      purpose: pick(PURPOSES),
      entries: r() < 0.6 ? 'single' : 'multiple',
      age: minor ? Math.floor(r() * 18) : 18 + Math.floor(r() * 73),
      accompanied: r() < 0.5,
      host_covers_medical: r() < 0.3,
      eu_category: r() < 0.6 ? 'none' : pick(EU_CATEGORIES),
    });
  }
  return profiles;
}

/** The canonical form: days only when there is one, fees by id, documents in DOCUMENT_ORDER. */
export function canonical(answer) {
  const out = { regime: answer.regime };
  if (answer.days !== undefined && answer.days !== null) out.days = answer.days;
  out.fees = [...answer.fees]
    .map((f) => ({ id: f.id, amount_minor: f.amount_minor, currency: f.currency, waived: f.waived }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  out.documents = [...answer.documents].sort((a, b) => DOCUMENT_ORDER.indexOf(a) - DOCUMENT_ORDER.indexOf(b));
  return out;
}

/** Some sanity on the reference answers: every regime, fee and document shows up somewhere. */
export function coverage(answers) {
  const seen = new Set();
  for (const a of answers) {
    seen.add(`regime:${a.regime}${a.days ? `:${a.days}` : ''}`);
    for (const f of a.fees) seen.add(`fee:${f.id}:${f.amount_minor}:${f.waived}`);
    for (const d of a.documents) seen.add(`document:${d}`);
  }
  return [...seen].sort();
}
