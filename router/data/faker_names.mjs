// Writes the given names and surnames of @faker-js/faker's locales (MIT; see
// router/data/README.md) as router/data/names_{first,last}_faker.txt.
// Usage: npm pack @faker-js/faker && tar xzf faker-js-faker-*.tgz &&
//        node router/data/faker_names.mjs package/dist/index.js router/data
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [index, out] = process.argv.slice(2);
const F = await import(join(process.cwd(), index));
const version = JSON.parse(readFileSync(join(dirname(index), '..', 'package.json'))).version;
// Latin-script locales, and the scripts whose names the scanner reads after a cue
const LOCALES = ['af_ZA', 'az', 'cs_CZ', 'cy', 'da', 'de', 'en_GH', 'en_IE', 'en_IN', 'en_NG',
  'en_NP', 'en_ZA', 'es', 'es_MX', 'fi', 'fr', 'hr', 'hu', 'id_ID', 'it', 'ku_kmr_latin', 'lv',
  'nb_NO', 'nl', 'pl', 'pt_BR', 'pt_PT', 'ro', 'sk', 'sl_SI', 'sr_RS_latin', 'sv', 'tr',
  'uz_UZ_latin', 'vi', 'yo_NG', 'zu_ZA', 'ar', 'fa', 'he', 'hy', 'ka_GE', 'ne', 'th', 'ur'];
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flatMap(flat));
const words = (list) => list.flatMap((v) => v.split(/[\s\u00a0]+/))
  .map((w) => w.replace(/^[.,()]+|[.,()]+$/g, ''))
  .filter((w) => /^[\p{L}\p{M}'’-]+$/u.test(w) &&
    [...w].length >= (/^[\p{Script=Latin}'’-]+$/u.test(w) ? 4 : 2));
for (const [key, file] of [['first_name', 'names_first_faker.txt'], ['last_name', 'names_last_faker.txt']]) {
  const seen = new Set();
  for (const loc of LOCALES) for (const w of words(flat(F[loc]?.person?.[key]))) seen.add(w);
  const head = `# ${key === 'first_name' ? 'Given names' : 'Surnames'} of the locales ${LOCALES.join(' ')} of\n` +
    `# @faker-js/faker ${version} (npm), written by router/data/faker_names.mjs.\n` +
    readFileSync(join(dirname(index), '..', 'LICENSE'), 'utf8').split('\n===')[0]
      .trim().split('\n').map((l) => ('# ' + l).trimEnd()).join('\n') + '\n';
  writeFileSync(join(out, file), head + [...seen].sort().join('\n') + '\n');
}
