// Writes the given names and surnames of @faker-js/faker's locales (MIT; see
// router/data/README.md) as router/data/names_{first,last}_faker.txt, and their
// weekday and month names as router/data/calendar_faker.txt.
// Usage: npm pack @faker-js/faker && tar xzf faker-js-faker-*.tgz &&
//        node router/data/faker_names.mjs package/dist/index.js router/data
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [index, out] = process.argv.slice(2);
const F = await import(join(process.cwd(), index));
const version = JSON.parse(readFileSync(join(dirname(index), '..', 'package.json'))).version;
// Latin-script locales, and the scripts whose names the scanner reads (Greek and
// Cyrillic by their capitals, the others after a cue or as a gazetteer pair);
// Han, kana and Hangul names have their own readers (router/pii_cjk.c)
const LOCALES = ['af_ZA', 'az', 'cs_CZ', 'cy', 'da', 'de', 'de_AT', 'de_CH', 'en_AU',
  'en_GH', 'en_HK', 'en_IE', 'en_IN', 'en_NG', 'en_NP', 'en_ZA', 'es', 'es_MX', 'fi', 'fr',
  'fr_BE', 'fr_CH', 'fr_SN', 'hr', 'hu', 'id_ID', 'it', 'ku_kmr_latin', 'lv', 'nb_NO', 'nl',
  'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'ro_MD', 'sk', 'sl_SI', 'sr_RS_latin', 'sv', 'tr',
  'uz_UZ_latin', 'vi', 'yo_NG', 'zu_ZA', 'ar', 'fa', 'he', 'hy', 'ka_GE', 'ne', 'th', 'ur',
  'el', 'mk', 'ru', 'uk', 'ku_ckb'];
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flatMap(flat));
const words = (list) => list.flatMap((v) => v.split(/[\s\u00a0]+/))
  .map((w) => w.replace(/^[.,()]+|[.,()]+$/g, ''))
  .filter((w) => /^[\p{L}\p{M}'’-]+$/u.test(w) &&
    [...w].length >= (/^[\p{Script=Latin}'’-]+$/u.test(w) ? 4 : 2));
// the weekday and month names of every locale (Latin, Greek and Cyrillic words of
// four letters or more, so no abbreviation; Greek and Cyrillic also capitalised, as
// the gazetteer folds only Latin): capitalised words that are no names ("Sábado")
const CALENDAR = Object.keys(F).filter((k) => F[k]?.date?.weekday || F[k]?.date?.month);
const calendar = (list) => list.flatMap((v) => v.split(/[\s\u00a0]+/))
  .map((w) => w.replace(/^[.,()]+|[.,()]+$/g, ''))
  .filter((w) => /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+$/u.test(w) &&
    [...w].length >= 4)
  .flatMap((w) => (/^\p{Script=Latin}/u.test(w) ? [w] : [w, w[0].toUpperCase() + w.slice(1)]));
const LISTS = [
  ['Given names', 'names_first_faker.txt', LOCALES, (loc) => words(flat(F[loc]?.person?.first_name))],
  ['Surnames', 'names_last_faker.txt', LOCALES, (loc) => words(flat(F[loc]?.person?.last_name))],
  ['Weekday and month names', 'calendar_faker.txt', CALENDAR,
    (loc) => calendar([...flat(F[loc]?.date?.weekday), ...flat(F[loc]?.date?.month)])],
];
for (const [what, file, locales, get] of LISTS) {
  const seen = new Set();
  for (const loc of locales) for (const w of get(loc)) seen.add(w);
  const head = `# ${what} of the locales ${locales.join(' ')} of\n` +
    `# @faker-js/faker ${version} (npm), written by router/data/faker_names.mjs.\n` +
    readFileSync(join(dirname(index), '..', 'LICENSE'), 'utf8').split('\n===')[0]
      .trim().split('\n').map((l) => ('# ' + l).trimEnd()).join('\n') + '\n';
  writeFileSync(join(out, file), head + [...seen].sort().join('\n') + '\n');
}
