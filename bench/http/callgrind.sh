#!/usr/bin/env bash
# Instructions per list request, independent of machine load: the release
# `atrium serve` under callgrind on the database `bench/http/run.sh` left behind
# (its organization of 50,000 contacts), N sequential keep-alive
# `GET /api/v1/contacts?limit=50` on a warm session cache, worker off.
#
#   CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_PROFILE_RELEASE_STRIP=false \
#     cargo build --release --workspace --bin atrium      # symbols for the report
#   bench/http/callgrind.sh                                # after bench/http/run.sh
#
# Settings (environment): ATRIUM_BIN, PG_URL, BENCH_DB, PORT, N, OUT (callgrind file),
# DEEP=1 (profile the page 25,000 rows in, with a cursor, as run.sh's list-deep),
# QUERY_CACHE=false (profile the uncached path; a first page is otherwise served from the cache).
set -euo pipefail

BIN=${ATRIUM_BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/atrium-target}/release/atrium}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
BENCH_DB=${BENCH_DB:-atrium_bench_http}
PORT=${PORT:-18081}
N=${N:-100}
OUT=${OUT:-$(mktemp -d)/callgrind.out}
BASE=http://127.0.0.1:$PORT
URL="$BASE/api/v1/contacts?limit=50"

for tool in valgrind callgrind_control callgrind_annotate curl jq; do
  command -v $tool >/dev/null || { echo "callgrind.sh needs $tool" >&2; exit 1; }
done

# Runs in a background subshell: `exec` makes `$!` the server's own pid.
serve() {
  export DATABASE_URL=$PG_URL/$BENCH_DB BIND_ADDR=127.0.0.1:$PORT COOKIE_SECURE=false RUST_LOG=${RUST_LOG:-warn} \
    ATRIUM_SECRET=bench-http-secret-bench-http-secret-0123456789 EMBEDDED_WORKER=false SESSION_CACHE_TTL_SECS=3600
  exec "$@"
}
up() { for _ in $(seq 1 600); do curl -fs "$BASE/health/live" >/dev/null && return; sleep 0.2; done; exit 1; }

# Sign in without valgrind (password hashing under it takes minutes); the session
# is in the database, so the profiled server accepts the token.
serve "$BIN" serve >"$OUT.login.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
up
TOKEN=$(curl -fs -H 'content-type: application/json' \
  -d '{"email":"bench@bench.example","password":"correct horse battery"}' "$BASE/api/v1/auth/login" | jq -r .token)
if [ "${DEEP:-0}" = 1 ]; then
  CURSOR=
  for _ in $(seq 1 125); do
    CURSOR=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/contacts?limit=200${CURSOR:+&cursor=$CURSOR}" | jq -r .next_cursor)
  done
  URL="$URL&cursor=$CURSOR"
fi
kill -TERM "$SERVER"
wait "$SERVER" || true

serve valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT" "$BIN" serve >"$OUT.log" 2>&1 &
SERVER=$!
up
args=()
for _ in $(seq 1 "$N"); do args+=(-o /dev/null "$URL"); done
# Warm-up: the session cache, the pool's connections and their prepared statements.
curl -fs -H "Authorization: Bearer $TOKEN" "${args[@]:0:120}"
callgrind_control -i on "$SERVER" >/dev/null
curl -fs -H "Authorization: Bearer $TOKEN" "${args[@]}"
callgrind_control -i off "$SERVER" >/dev/null
kill -TERM "$SERVER"
wait "$SERVER" || true
trap - EXIT

total=$(callgrind_annotate "$OUT" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "instructions per list request: $((total / N)) ($total over $N requests; $OUT)"
echo "top functions by own cost (callgrind_annotate --inclusive=yes $OUT for the call tree):"
callgrind_annotate "$OUT" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,30p' | cut -c1-160
