#!/usr/bin/env node
// Writes the demo embassy's own rules file, as a mission would make it: the rules bundle that
// `make web` ships as rules.json, with the embassy's version and one notice of its own added to
// the visa service. demo/mission-rules.html loads it through rules-src.
//
//   node demo/make-mission-rules.mjs build/native/rules/default.json build/web/demo-rules/embassy-rules.json

import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: make-mission-rules.mjs <rules bundle> <output file>');
  process.exit(1);
}

const bundle = JSON.parse(await readFile(input, 'utf8'));
bundle.version = `${bundle.version}+embassy-demo`;
const visa = bundle.services.find((s) => s.service === 'visa');
if (!visa) throw new Error(`${input}: no visa service`);
visa.notices = [...(visa.notices || []), {
  id: 'embassy_consular_hours',
  citation: 'Embassy of the Republic of Azerbaijan, consular section (demonstration site): notice to applicants',
  title: {
    en: 'This embassy’s consular section (demonstration)',
    az: 'Bu səfirliyin konsulluq şöbəsi (nümayiş)',
    ru: 'Консульский отдел этого посольства (демонстрация)',
  },
  note: {
    en: 'Visa applications are received Monday to Thursday, 10:00 to 13:00, by appointment only. This notice is part of the demonstration: it shows how an embassy adds its own information to the rules.',
    az: 'Viza müraciətləri bazar ertəsindən cümə axşamına qədər, saat 10:00-dan 13:00-dək, yalnız əvvəlcədən qeydiyyatla qəbul edilir. Bu bildiriş nümayiş məqsədi daşıyır: səfirliyin qaydalara öz məlumatını necə əlavə etdiyini göstərir.',
    ru: 'Заявления на визу принимаются с понедельника по четверг, с 10:00 до 13:00, только по предварительной записи. Это объявление — часть демонстрации: оно показывает, как посольство добавляет в правила свою информацию.',
  },
}];
await mkdir(dirname(output), { recursive: true });
await writeFile(output, `${JSON.stringify(bundle, null, 1)}\n`);
