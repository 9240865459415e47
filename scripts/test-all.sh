#!/usr/bin/env bash
# All tests, as CI runs them: type check, lint, the Electron security scan, the
# UI build, then every Vitest project (unit, integration on real SQLite files,
# end-to-end in Chromium).
# The JSON report (artifacts/vitest-report.json) holds the counts.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
status=0

step() { printf '\n== %s\n' "$1"; }

step "type check"
npx tsc --noEmit -p tsconfig.json || status=1

step "lint"
npx biome lint . || status=1

step "Electron security scan (electronegativity)"
bash scripts/electronegativity.sh artifacts/electronegativity.csv || status=1

step "build the UI"
npx vite build --logLevel warn || { echo "UI build failed: end-to-end tests cannot run"; status=1; }

step "tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest-report.json "$@" || status=1

exit $status
