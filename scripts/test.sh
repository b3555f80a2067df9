#!/usr/bin/env bash
# Keel's one test command.
#
#   scripts/test.sh            everything: SQLite and PostgreSQL, web, end-to-end in Chromium
#   scripts/test.sh --fast     SQLite only, no end-to-end tests, no PostgreSQL (for iterating)
#   scripts/test.sh --filter EXPR   passes a `dotnet test --filter` expression to every project
#
# Run as root, it installs the Debian packages the tests need when they are missing; otherwise it says what
# to install. It starts a private PostgreSQL cluster on a free loopback port (removed on exit) unless
# KEEL_TEST_POSTGRES already names a server. Its last line is "N passed, N failed, N skipped"; it exits
# non-zero when the build failed, a project failed to run, a test failed, or no test ran at all.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages the tests need. Add new ones here; ":full" ones are not needed by --fast.
SYSTEM_PACKAGES=(
  fonts-liberation   # fonts for PDF reports (PdfSharp font resolver) and browser screenshots
  poppler-utils      # pdftotext / pdftoppm to check generated PDFs
  postgresql:full    # the PostgreSQL half of every data-access test
  chromium:full      # end-to-end tests: Playwright drives /usr/bin/chromium
)
# Test projects, in the order they run; "E2E" ones are not run by --fast.
TEST_PROJECTS=(
  tests/Keel.Domain.Tests
  tests/Keel.Application.Tests
  tests/Keel.Web.Tests
  tests/Keel.E2E
)
CONFIGURATION=Debug
HANG_TIMEOUT=${KEEL_TEST_HANG_TIMEOUT:-5m}

fast=0
filter=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --filter) filter=(--filter "${2:?--filter needs an expression}"); shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/test.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export KEEL_CHROMIUM=/usr/bin/chromium
if [ "$fast" = 1 ]; then
  export KEEL_TEST_FAST=1
  unset KEEL_TEST_REQUIRE_POSTGRES
else
  export KEEL_TEST_REQUIRE_POSTGRES=1
  unset KEEL_TEST_FAST
fi

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
phase() { printf '\n== %s\n' "$*"; }
script_start=$(now)
timings=()

# Everything this run writes outside the repository lives here and is removed on exit.
tmp_root=$(mktemp -d "${TMPDIR:-/tmp}/keel-test.XXXXXX") || exit 1
chmod 711 "$tmp_root"
export KEEL_TEST_TMP=$tmp_root/files # test databases and other files of the tests
pg_data=""
pg_run_as=()
cleanup() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    "${pg_run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$tmp_root"
  # CI's machine must not keep the compiler and MSBuild servers of this run alive (developers' machines do).
  if [ -n "${CI:-}" ]; then
    dotnet build-server shutdown >/dev/null 2>&1
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- system packages
phase "system packages"
t=$(now)
needed=()
for entry in "${SYSTEM_PACKAGES[@]}"; do
  name=${entry%%:*}
  if [ "$fast" = 1 ] && [ "$entry" != "$name" ]; then
    continue
  fi
  if [ "$name" = postgresql ] && [ -n "${KEEL_TEST_POSTGRES:-}" ]; then
    continue # a server was named; no local one needed
  fi
  needed+=("$name")
done
missing=()
if command -v dpkg-query >/dev/null; then
  for name in "${needed[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$name")
    fi
  done
else
  echo "dpkg-query not found: cannot check ${needed[*]}; assuming they are installed."
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
      echo "scripts/test.sh: could not install ${missing[*]} with apt-get." >&2
      exit 1
    fi
  else
    echo "scripts/test.sh: missing Debian packages: ${missing[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
else
  echo "all present: ${needed[*]:-none needed}"
fi
timings+=("system packages $(since "$t")")

# ---------------------------------------------------------------- PostgreSQL
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "scripts/test.sh: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (package postgresql)." >&2
    return 1
  fi
  local pg_home=$tmp_root/pg password
  local socket_dir=$pg_home/socket
  pg_data=$pg_home/data
  mkdir -p "$pg_data" "$socket_dir"
  chmod 700 "$pg_data"
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres account.
    chown -R postgres:postgres "$pg_home"
    pg_run_as=(runuser -u postgres --)
  fi
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$tmp_root/pwfile"
  chmod 644 "$tmp_root/pwfile"
  if ! "${pg_run_as[@]}" "$pg_bin/initdb" -D "$pg_data" -U keel --pwfile="$tmp_root/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$tmp_root/initdb.log" 2>&1; then
    cat "$tmp_root/initdb.log" >&2
    return 1
  fi
  rm -f "$tmp_root/pwfile"
  # Throw-away data: durability off for speed.
  cat >>"$pg_data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
EOF
  local port
  for _ in 1 2 3 4 5; do
    port=$(free_port) || break
    if "${pg_run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_home/postgres.log" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
      export KEEL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=keel;Password=$password;Database=postgres"
      echo "private cluster on 127.0.0.1:$port ($("$pg_bin/postgres" --version))"
      return 0
    fi
  done
  echo "scripts/test.sh: PostgreSQL did not start:" >&2
  cat "$pg_home/postgres.log" >&2 2>/dev/null
  return 1
}

if [ "$fast" = 0 ]; then
  phase "PostgreSQL"
  t=$(now)
  if [ -n "${KEEL_TEST_POSTGRES:-}" ]; then
    echo "using the server of KEEL_TEST_POSTGRES"
  elif ! start_postgres; then
    echo
    echo "PostgreSQL could not be started"
    echo "0 passed, 1 failed"
    exit 1
  fi
  timings+=("PostgreSQL $(since "$t")")
fi

# ---------------------------------------------------------------- build
phase "build ($CONFIGURATION)"
t=$(now)
if ! dotnet build Keel.slnx -c "$CONFIGURATION" -nologo -v q; then
  echo
  echo "build failed: no test was run"
  echo "0 passed, 1 failed"
  exit 1
fi
timings+=("build $(since "$t")")

# ---------------------------------------------------------------- tests
total_passed=0
total_failed=0
total_skipped=0
lines=()
log_dir=$tmp_root/logs
mkdir -p "$log_dir"
for project in "${TEST_PROJECTS[@]}"; do
  name=$(basename "$project")
  if [ "$fast" = 1 ] && [[ "$name" == *E2E* ]]; then
    lines+=("$(printf '%-24s skipped (--fast)' "$name")")
    continue
  fi
  phase "$name"
  t=$(now)
  log=$log_dir/$name.log
  # A test that runs longer than HANG_TIMEOUT aborts its project (counted as a failure) instead of stalling CI.
  dotnet test "$project" --no-build -c "$CONFIGURATION" "${filter[@]}" --results-directory "$log_dir/$name" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none 2>&1 | tee "$log" |
    grep --line-buffered -v -E '\[SKIP\]$|^  Skipped ' # skips are counted below, not listed
  code=${PIPESTATUS[0]}
  # Summary lines: "Passed!  - Failed:     0, Passed:    17, Skipped:     0, Total:    17, Duration: ..."
  read -r passed failed skipped summaries < <(
    sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
      /(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
        for (i = 1; i <= NF; i++) {
          v = $(i + 1); gsub(/,/, "", v)
          if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
        }
        n++
      }
      END { printf "%d %d %d %d\n", p, f, s, n }')
  note=""
  if [ "$code" != 0 ] && [ "$failed" = 0 ]; then
    note=" (dotnet test exited with $code: aborted, crashed or hung; see its output above)"
    failed=$((failed + 1))
  elif [ "$summaries" = 0 ] && grep -q -E "No test is available in|No test matches the given testcase filter" "$log"; then
    note=" (no tests)"
  elif [ "$summaries" = 0 ]; then
    note=" (dotnet test printed no summary: killed or cut short?)"
    failed=$((failed + 1))
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
  lines+=("$(printf '%-24s %4d passed, %d failed, %d skipped in %s%s' "$name" "$passed" "$failed" "$skipped" "$(since "$t")" "$note")")
  timings+=("$name $(since "$t")")
done

phase "summary"
printf '%s\n' "${lines[@]}"
timings+=("total $(since "$script_start")")
echo "timings: $(IFS=,; echo "${timings[*]}" | sed 's/,/, /g')"
status=0
if [ "$total_failed" -gt 0 ]; then
  status=1
elif [ "$total_passed" = 0 ]; then
  echo "no test passed: nothing was verified"
  status=1
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit $status
