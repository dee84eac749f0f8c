#!/usr/bin/env node
// Copies the workbench's browser libraries from the registry packages pinned in package-lock.json into the
// app's resources, so Khaldun serves them itself and the UI works without a network.
// Run by Maven (app/pom.xml, generate-resources) as: node build.mjs OUT_DIR WORK_DIR
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, work] = process.argv.slice(2);
if (!out || !work) {
  console.error('usage: node build.mjs OUT_DIR WORK_DIR');
  process.exit(2);
}
// file in the package -> name served under /vendor/
const FILES = [
  ['d3', 'dist/d3.min.js', 'd3.min.js'],
  ['d3', 'LICENSE', 'd3.LICENSE.txt'],
  ['topojson-client', 'dist/topojson-client.min.js', 'topojson-client.min.js'],
  ['topojson-client', 'LICENSE', 'topojson-client.LICENSE.txt'],
  ['world-atlas', 'countries-110m.json', 'countries-110m.json'],
  ['world-atlas', 'LICENSE', 'world-atlas.LICENSE.txt'],
];
const inputs = ['build.mjs', 'package.json', 'package-lock.json'].map(f => path.join(here, f));
const stamp = path.join(out, 'VERSIONS.txt');

// Up to date: nothing to do, and no network either.
if (fs.existsSync(stamp)) {
  const built = fs.statSync(stamp).mtimeMs;
  if (inputs.every(f => fs.statSync(f).mtimeMs <= built) && FILES.every(([, , to]) => fs.existsSync(path.join(out, to)))) {
    console.log(`workbench libraries up to date: ${out}`);
    process.exit(0);
  }
}

fs.mkdirSync(work, { recursive: true });
for (const f of ['package.json', 'package-lock.json']) {
  fs.copyFileSync(path.join(here, f), path.join(work, f));
}
const installed = path.join(work, 'node_modules', '.package-lock.json');
const lock = JSON.parse(fs.readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
const version = name => lock.packages['node_modules/' + name].version;
const current = () => fs.existsSync(installed) && ['d3', 'topojson-client', 'world-atlas'].every(n => {
  const p = path.join(work, 'node_modules', n, 'package.json');
  return fs.existsSync(p) && JSON.parse(fs.readFileSync(p, 'utf8')).version === version(n);
});
if (!current()) {
  execSync('npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error', { cwd: work, stdio: 'inherit', shell: true });
}
fs.mkdirSync(out, { recursive: true });
for (const [pkg, from, to] of FILES) {
  fs.copyFileSync(path.join(work, 'node_modules', pkg, from), path.join(out, to));
}
fs.writeFileSync(stamp, ['# registry packages shipped with the workbench UI (app/src/build/web)',
  ...['d3', 'topojson-client', 'world-atlas'].map(n => `${n} ${version(n)}`)].join('\n') + '\n');
console.log(`workbench libraries copied to ${out}`);
