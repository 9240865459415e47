#!/usr/bin/env bash
# Generates the next migration from db/schema. Several people may work on the
# schema at once, so generation is serialised with a lock.
#
# Before the first release there is one migration, 0000_init, regenerated from
# the schema (`--reset`): no database outside development exists yet. After a
# release, never use --reset: add migrations, and test the upgrade from every
# shipped version (test/integration/db/migrations.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/kinderdesk-db-generate.lock
flock 9
if [ "${1:-}" = "--reset" ]; then
  rm -rf db/migrations
  npx drizzle-kit generate --name init
else
  npx drizzle-kit generate "$@"
fi
