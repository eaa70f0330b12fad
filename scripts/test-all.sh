#!/usr/bin/env bash
# `npm test`: set up everything a fresh machine needs, then run every test suite.
# Fresh machine = Debian 12, root, Node 20 + npm 11, PostgreSQL 15 installed but stopped,
# no Chromium, no node_modules. Fails fast; a summary (per-step times, per-suite counts and a
# closing `tests: N passed, M failed` line) is printed at the end in every case.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

REPORTS=.tmp/reports
T0=$SECONDS
STEP=""
STEP_T0=$SECONDS
DONE=()

end_step() {
  if [ -n "$STEP" ]; then
    DONE+=("$(printf '%-26s %5ss  ok' "$STEP" $((SECONDS - STEP_T0)))")
    echo "---- $STEP: ok in $((SECONDS - STEP_T0))s"
    STEP=""
  fi
}
step() {
  end_step
  STEP=$1
  STEP_T0=$SECONDS
  printf '\n==== [%s] %s ====\n' "$(date +%H:%M:%S)" "$STEP"
}
finish() {
  local rc=$?
  set +e
  [ "$rc" -eq 0 ] && end_step
  printf '\n==== summary ====\n'
  local l
  for l in "${DONE[@]}"; do echo "  $l"; done
  if [ "$rc" -ne 0 ]; then
    printf '  %-26s %5ss  FAILED (exit %s)\n' "${STEP:-?}" $((SECONDS - STEP_T0)) "$rc"
  fi
  echo "  total: $((SECONDS - T0))s"
  node scripts/test-summary.mjs "$REPORTS"
  exit "$rc"
}
trap finish EXIT

retry() { # retry N CMD...: transient network errors (apt mirrors)
  local n=$1 i
  shift
  for ((i = 1; i <= n; i++)); do
    "$@" && return 0
    [ "$i" -lt "$n" ] && { echo "retrying in 5 s: $*" >&2; sleep 5; }
  done
  return 1
}

rm -rf "$REPORTS"
mkdir -p "$REPORTS"

step "npm ci"
# better-sqlite3 compiles from source here (~60 s)
npm ci --no-audit --no-fund --loglevel=error

step "chromium"
if [ -x /usr/bin/chromium ]; then
  echo "present"
else
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p .tmp
  # apt's chatter goes to a log, shown only if it fails
  retry 3 apt-get update -qq
  retry 3 apt-get install -y -qq -o Dpkg::Use-Pty=0 chromium >.tmp/apt-chromium.log 2>&1 \
    || { cat .tmp/apt-chromium.log; false; }
fi
if [ -x /usr/lib/chromium/chromium ]; then /usr/lib/chromium/chromium --version; else chromium --version; fi

step "postgresql"
# shellcheck source=scripts/pg-test-db.sh
. scripts/pg-test-db.sh
PG_TEST_URL=$TEST_DATABASE_URL
# only the PostgreSQL API run below gets it: the SQLite run and the e2e server must not
unset TEST_DATABASE_URL

step "lint (eslint + typecheck)"
npm run lint

step "build"
npm run build

VITEST=(npx vitest run --reporter=default --reporter=json)

step "vitest: unit + web"
"${VITEST[@]}" --project unit --project web --outputFile="$REPORTS/unit-web.json"

step "vitest: api on SQLite"
env -u TEST_DATABASE_URL -u DB_DIALECT "${VITEST[@]}" --project api --outputFile="$REPORTS/api-sqlite.json"

step "vitest: api on PostgreSQL"
TEST_DATABASE_URL=$PG_TEST_URL DB_DIALECT=postgres "${VITEST[@]}" --project api --outputFile="$REPORTS/api-postgres.json"

step "playwright: e2e"
# e2e/playwright.config.ts writes .tmp/reports/e2e.json
npm run test:e2e
