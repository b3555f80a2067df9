#!/usr/bin/env bash
# Adds one migration with the same name to both provider sets (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh NAME            add a migration to both sets
#        scripts/add-migration.sh --reset Initial  drop both sets and start over (only before a release)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--reset" ]; then
  shift
  rm -rf src/Keel.Migrations.Sqlite/Migrations src/Keel.Migrations.Postgres/Migrations
fi
name=${1:?usage: scripts/add-migration.sh [--reset] NAME}
dotnet tool restore >/dev/null
dotnet build src/Keel.Application -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  project=src/Keel.Migrations.$provider
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
