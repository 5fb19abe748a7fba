#!/usr/bin/env node
// Scales the built rules bundle up "in countries and records", to show how the cost of a decision
// grows with the size of the tables (bench/README.md).
//
//   node bench/scale_rules.mjs FACTOR IN OUT
//   node bench/scale_rules.mjs 10 build/native/rules/default.json build/bench/rules-x10.json
//
// What it does to the bundle:
// - countries: the table gets all 676 two-letter codes AA..ZZ. Real countries keep their entries
//   (names, EU membership); the other codes get synthetic names. Codes are two capital letters,
//   so "countries" cannot grow beyond 676: the 100x bundle has 676 countries, not 100 times 249.
// - the visa service: its lists, its agreements (the verdict records with code visa_free), its
//   fees, waivers and documents are each copied FACTOR-1 times with new ids (suffix _sK). Copy K
//   is a shadow of the originals for another group of countries: its lists hold other codes
//   (spread over the 676), each nationality test in a copied agreement names the copy's codes,
//   and every copied fee, waiver and document applies only to nationals of the copy's countries.
//   References inside a copy (a waiver's fees, a document's `payable`) point to the same copy.
// - Codes named by the benchmark profiles (bench/profiles.json) and AZ are never put in a copy,
//   so every profile gets the same decision at every scale (bench/native checks it), and the
//   difference in time is the cost of the larger tables alone.
// Every other service is left as it is. The result must validate (`eligibility validate-rules`).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Country codes the benchmark profiles use (kept out of every copy). */
function profileCountries() {
  const profiles = JSON.parse(readFileSync(`${HERE}/profiles.json`, 'utf8'));
  const codes = new Set(['AZ']);
  for (const p of profiles) {
    for (const v of Object.values(p.profile.facts ?? {})) {
      if (typeof v === 'string' && /^[A-Z]{2}$/.test(v)) codes.add(v);
    }
  }
  return codes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALL_CODES = [...ALPHABET].flatMap((a) => [...ALPHABET].map((b) => a + b));

function countryTable(countries) {
  const real = new Map(countries.countries.map((c) => [c.code, c]));
  return {
    ...countries,
    countries: ALL_CODES.map((code) => real.get(code) ?? {
      code,
      name: { en: `Synthetic country ${code}`, az: `Sintetik ölkə ${code}`, ru: `Условная страна ${code}` },
      eu: false,
    }),
  };
}

const clone = (x) => JSON.parse(JSON.stringify(x));
const isNationality = (e) => e && typeof e === 'object' && !Array.isArray(e) && e.fact === 'nationality';

export function scaleBundle(bundle, factor, keepOut = profileCountries()) {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a whole number >= 1, not ${factor}`);
  const out = clone(bundle);
  out.version = factor === 1 ? bundle.version : `${bundle.version}+x${factor}`;
  out.countries = countryTable(bundle.countries);
  const visa = out.services.find((s) => s.service === 'visa');
  if (!visa) throw new Error('the bundle has no visa service');

  const pool = ALL_CODES.filter((c) => !keepOut.has(c));
  let cursor = 0;
  // The next n codes of the pool, round robin: copies cover the whole code space evenly.
  const take = (n) => {
    const got = new Set();
    while (got.size < Math.min(n, pool.length)) {
      got.add(pool[cursor % pool.length]);
      cursor += 7;  // coprime with the pool's size in practice: spreads neighbours apart
      if (cursor % pool.length === 0) cursor += 1;
    }
    return [...got].sort();
  };

  const lists = visa.lists ?? [];
  const agreements = visa.verdicts.filter((v) => v.code === 'visa_free' && v.when !== undefined);
  const firstNotAgreement = visa.verdicts.findIndex((v) => !(v.code === 'visa_free' && v.when !== undefined));
  const fees = visa.fees ?? [];
  const waivers = visa.waivers ?? [];
  const documents = visa.documents ?? [];
  const feeIds = new Set(fees.map((f) => f.id));
  const countryLists = lists.filter((l) => (l.type ?? 'country') === 'country');
  const groupList = countryLists.reduce((a, b) => (b.values.length > a.values.length ? b : a), countryLists[0]);

  const newLists = [];
  const newVerdicts = [];
  const newFees = [];
  const newWaivers = [];
  const newDocuments = [];
  for (let k = 1; k < factor; k++) {
    const sfx = (id) => `${id}_s${k}`;
    const listIds = new Map();
    for (const l of lists) {
      const copy = clone(l);
      copy.id = sfx(l.id);
      if ((l.type ?? 'country') === 'country') copy.values = take(l.values.length);
      listIds.set(l.id, copy.id);
      newLists.push(copy);
    }
    // A copied agreement: the same record for other countries.
    const renameNationality = (node) => {
      if (Array.isArray(node)) return node.map(renameNationality);
      if (node === null || typeof node !== 'object') return node;
      for (const op of ['eq', 'ne']) {
        if (Array.isArray(node[op]) && node[op].some(isNationality)) {
          return { [op]: node[op].map((e) => (typeof e === 'string' && /^[A-Z]{2}$/.test(e) ? take(1)[0] : e)) };
        }
      }
      if (Array.isArray(node.in) && isNationality(node.in[0])) {
        const set = node.in[1];
        if (set && set.list && listIds.has(set.list)) return { in: [node.in[0], { list: listIds.get(set.list) }] };
        if (Array.isArray(set)) return { in: [node.in[0], take(set.length)] };
        return node;  // country_group stays
      }
      return Object.fromEntries(Object.entries(node).map(([key, v]) => [key, renameNationality(v)]));
    };
    for (const v of agreements) {
      const copy = clone(v);
      copy.id = sfx(v.id);
      copy.when = renameNationality(copy.when);
      newVerdicts.push(copy);
    }
    // Fees, waivers and documents of the copy apply to the copy's group of countries only.
    const guard = (when) => {
      const inGroup = { in: [{ fact: 'nationality' }, { list: listIds.get(groupList.id) }] };
      return when === undefined || when === true ? inGroup : { all: [inGroup, when] };
    };
    const renameFees = (node) => {
      if (Array.isArray(node)) return node.map(renameFees);
      if (node === null || typeof node !== 'object') return node;
      if (Array.isArray(node.payable)) return { payable: node.payable.map((f) => (feeIds.has(f) ? sfx(f) : f)) };
      return Object.fromEntries(Object.entries(node).map(([key, v]) => [key, renameFees(v)]));
    };
    for (const f of fees) {
      const copy = clone(f);
      copy.id = sfx(f.id);
      copy.when = guard(copy.when);
      newFees.push(copy);
    }
    for (const w of waivers) {
      const copy = clone(w);
      copy.id = sfx(w.id);
      copy.fees = w.fees.map(sfx);
      copy.when = guard(copy.when);
      newWaivers.push(copy);
    }
    for (const d of documents) {
      const copy = clone(d);
      copy.id = sfx(d.id);
      copy.when = guard(renameFees(copy.when));
      newDocuments.push(copy);
    }
  }
  visa.lists = [...lists, ...newLists];
  visa.verdicts = [
    ...visa.verdicts.slice(0, firstNotAgreement),
    ...newVerdicts,
    ...visa.verdicts.slice(firstNotAgreement),
  ];
  visa.fees = [...fees, ...newFees];
  visa.waivers = [...waivers, ...newWaivers];
  visa.documents = [...documents, ...newDocuments];
  return {
    bundle: out,
    counts: {
      countries: out.countries.countries.length,
      lists: visa.lists.length,
      agreements: agreements.length + newVerdicts.length,
      verdicts: visa.verdicts.length,
      fees: visa.fees.length,
      waivers: visa.waivers.length,
      documents: visa.documents.length,
    },
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [factorText, input, output] = process.argv.slice(2);
  if (!factorText || !input || !output) {
    console.error('usage: node bench/scale_rules.mjs FACTOR IN.json OUT.json');
    process.exit(1);
  }
  const { bundle, counts } = scaleBundle(JSON.parse(readFileSync(input, 'utf8')), Number(factorText));
  mkdirSync(dirname(output), { recursive: true });
  const text = JSON.stringify(bundle);
  writeFileSync(output, text);
  console.log(JSON.stringify({ output, bytes: Buffer.byteLength(text), ...counts }));
}
