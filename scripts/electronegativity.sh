#!/usr/bin/env bash
# Electronegativity on the Electron main-process and preload SOURCE
# (electron/main.ts, electron/preload.ts, electron/print.ts, electron/security/).
# Fails when a finding above LOW is not explained in docs/electronegativity.md
# ("Explained findings" table: check id and file), or when the scan could not run.
# Runs offline: the one check that downloads Electron's release list
# (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left out, the Electron version is
# given with -e, and every attempt to open a network connection is refused in
# the process (the tool's request for updated translations among them).
#
# Usage: scripts/electronegativity.sh [report.csv]   (default artifacts/electronegativity.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-artifacts/electronegativity.csv}"
explained="docs/electronegativity.md"

for required in electron/main.ts electron/preload.ts electron/security; do
  [ -e "$required" ] || { echo "electronegativity: $required is missing, nothing meaningful to scan" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/electron/security" "$(dirname "$report")"
cp electron/main.ts electron/preload.ts "$work/src/electron/"
[ -f electron/print.ts ] && cp electron/print.ts "$work/src/electron/"
cp -R electron/security/. "$work/src/electron/security/"

# Electronegativity parses TypeScript with @typescript-eslint/typescript-estree, which npm
# hoists next to the project's TypeScript 7 (no JS compiler API). Point its `typescript`
# at the 4.x copy Electronegativity ships with.
cat > "$work/typescript-for-electronegativity.cjs" <<'JS'
const Module = require('node:module');
const path = require('node:path');
const own = path.resolve('node_modules/@doyensec/electronegativity/node_modules/typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? own : request, ...rest);
};
// Offline: no connection leaves this process. Electronegativity asks for updated translations
// at every start (and, unless excluded, for Electron's release list); both are refused here at
// once, and the tool carries on with its bundled texts.
for (const name of ['node:net', 'node:tls']) {
  const mod = require(name);
  const refuse = () => {
    throw new Error(`electronegativity tried to open a network connection (${name}); the scan runs offline`);
  };
  mod.connect = refuse;
  mod.createConnection = refuse;
}
JS

electron_version="$(node -p "require('./package.json').devDependencies.electron")"
rm -f "$report"
node -r "$work/typescript-for-electronegativity.cjs" node_modules/@doyensec/electronegativity/dist/index.js \
  -i "$work/src" -o "$report" -r -e "$electron_version" -v false -x AvailableSecurityFixesGlobalCheck
[ -s "$report" ] || { echo "electronegativity: no report written" >&2; exit 1; }

node - "$report" "$explained" <<'JS'
const fs = require('node:fs');
const [reportPath, explainedPath] = process.argv.slice(2);
const splitCsv = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"').trim()).slice(0, -1);
const [header, ...rows] = fs.readFileSync(reportPath, 'utf8').split('\n').filter((l) => l.trim());
const cols = splitCsv(header).map((h) => h.toLowerCase());
const at = (row, name) => row[cols.indexOf(name)] ?? '';
const findings = rows.map(splitCsv).map((r) => ({
  check: at(r, 'issue'),
  severity: at(r, 'severity').toUpperCase(),
  file: at(r, 'filename').replace(/^\.?\/?/, ''),
  location: at(r, 'location'),
}));
// "| CHECK_ID | file | why |" rows of the Explained findings table.
const explained = new Set(
  fs.readFileSync(explainedPath, 'utf8').split('\n')
    .map((l) => /^\|\s*`?([A-Z_]+)`?\s*\|\s*`?([^|`]+?)`?\s*\|/.exec(l))
    .filter(Boolean)
    .map((m) => `${m[1]} ${m[2].trim()}`),
);
const aboveLow = findings.filter((f) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(f.severity));
const open = aboveLow.filter((f) => !explained.has(`${f.check} ${f.file}`));
console.log(`electronegativity: ${findings.length} findings, ${aboveLow.length} above LOW, ${aboveLow.length - open.length} explained in ${explainedPath}`);
for (const f of open) console.log(`  NOT EXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location}`);
process.exit(open.length > 0 ? 1 : 0);
JS
