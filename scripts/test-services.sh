#!/usr/bin/env bash
# Says which backing-service suites `make test` will run and which it skips.
# With ATRIUM_REQUIRE_SERVICES=1 (CI) a missing service fails the run instead.
set -u
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
hostport=$(sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#' <<<"$pg_url")
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=5432
reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
missing=0
if reachable "$host" "$port"; then
  echo "make test: PostgreSQL at $host:$port reachable: PostgreSQL suites RUN"
else
  echo "make test: PostgreSQL at $host:$port unreachable: PostgreSQL suites SKIPPED (each prints SKIP)"
  missing=1
fi
redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
rhostport=$(sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#' <<<"$redis_url")
rhost=${rhostport%%:*}; rport=${rhostport##*:}; [ "$rport" = "$rhostport" ] && rport=6379
if reachable "$rhost" "$rport"; then
  echo "make test: Redis at $rhost:$rport reachable: Redis suites RUN"
else
  echo "make test: Redis at $rhost:$rport unreachable: Redis suites SKIPPED (each prints SKIP)"
  missing=1
fi
if command -v redis-server >/dev/null; then
  echo "make test: redis-server installed: the Redis outage suites RUN"
else
  echo "make test: redis-server not installed: the Redis outage suites SKIPPED"
  missing=1
fi
# The S3 test server (s3s-fs checks signatures and presigned expiry); test support
# starts one per test. 0.14.1 is the last release that builds on Rust 1.95.
tools="${ATRIUM_TOOLS_DIR:-$HOME/.cache/atrium-tools}"
if [ ! -x "$tools/bin/s3s-fs" ]; then
  echo "make test: installing s3s-fs 0.14.1 into $tools (once, ~90 s)"
  cargo install s3s-fs@0.14.1 --locked --features binary --root "$tools" >/dev/null 2>&1 || true
fi
if [ -x "$tools/bin/s3s-fs" ]; then
  echo "make test: s3s-fs at $tools/bin/s3s-fs: S3 suites RUN"
else
  echo "make test: s3s-fs not installed: S3 suites SKIPPED (each prints SKIP)"
  missing=1
fi
# pdftotext (Debian's poppler-utils) reads the invoice PDFs back in the revenue tests.
if ! command -v pdftotext >/dev/null && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "make test: installing poppler-utils (pdftotext)"
  apt-get install -y -q poppler-utils >/dev/null 2>&1 || true
fi
if command -v pdftotext >/dev/null; then
  echo "make test: pdftotext installed: invoice PDF text checks RUN"
else
  echo "make test: pdftotext not installed: invoice PDF text checks SKIPPED (apt-get install poppler-utils)"
  missing=1
fi
# Dovecot (Debian's dovecot-imapd): the comms tests start one per test, as a real IMAP server.
if [ ! -x /usr/sbin/dovecot ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "make test: installing dovecot-imapd"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null 2>&1; } || true
fi
if [ -x /usr/sbin/dovecot ]; then
  echo "make test: dovecot installed: IMAP sync suites RUN"
else
  echo "make test: dovecot not installed: IMAP sync suites SKIPPED (apt-get install dovecot-imapd)"
  missing=1
fi
# aiosmtpd (PyPI, pinned): the comms sending tests start one per test as a real SMTP
# server. Installed once into a virtualenv under the tools cache.
smtpd_venv="$tools/aiosmtpd-1.4.6"
if [ ! -x "$smtpd_venv/bin/python" ] || ! "$smtpd_venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  if command -v python3 >/dev/null; then
    echo "make test: installing aiosmtpd 1.4.6 into $smtpd_venv"
    { python3 -m venv "$smtpd_venv" && "$smtpd_venv/bin/pip" install -q aiosmtpd==1.4.6; } >/dev/null 2>&1 || true
  fi
fi
if [ -x "$smtpd_venv/bin/python" ] && "$smtpd_venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  echo "make test: aiosmtpd in $smtpd_venv: SMTP sending suites RUN"
else
  echo "make test: aiosmtpd not installed (needs python3 with venv): SMTP sending suites SKIPPED (each prints SKIP)"
  missing=1
fi
# The OpenID provider (the npm package oidc-provider, pinned in its package-lock.json);
# test support starts one per test under Node. `npm ci` runs again only when the lock changes.
oidc_dir="crates/testkit/oidc"
if command -v node >/dev/null && command -v npm >/dev/null; then
  stamp="$oidc_dir/node_modules/.installed"
  if [ ! -f "$stamp" ] || [ "$oidc_dir/package-lock.json" -nt "$stamp" ]; then
    echo "make test: installing the test OpenID provider (npm ci in $oidc_dir)"
    (cd "$oidc_dir" && npm ci --no-audit --no-fund --prefer-offline >/dev/null 2>&1 && touch node_modules/.installed) || true
  fi
fi
if [ -f "$oidc_dir/node_modules/.installed" ] && command -v node >/dev/null; then
  echo "make test: oidc-provider installed in $oidc_dir: OIDC suites RUN"
else
  echo "make test: node or oidc-provider missing: OIDC suites SKIPPED (each prints SKIP)"
  missing=1
fi
# The client portal's browser tests: Debian's chromium, driven by playwright-core (npm,
# pinned in its package-lock.json; it never downloads a browser of its own).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "make test: installing chromium"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } || true
fi
browser_dir="crates/testkit/browser"
if command -v node >/dev/null && command -v npm >/dev/null; then
  stamp="$browser_dir/node_modules/.installed"
  if [ ! -f "$stamp" ] || [ "$browser_dir/package-lock.json" -nt "$stamp" ]; then
    echo "make test: installing playwright-core (npm ci in $browser_dir)"
    (cd "$browser_dir" && npm ci --no-audit --no-fund --prefer-offline >/dev/null 2>&1 && touch node_modules/.installed) || true
  fi
fi
if [ -x /usr/bin/chromium ] && [ -f "$browser_dir/node_modules/.installed" ]; then
  echo "make test: chromium and playwright-core installed: portal browser suites RUN"
else
  echo "make test: chromium or playwright-core missing: portal browser suites SKIPPED (each prints SKIP)"
  missing=1
fi
if [ "${ATRIUM_REQUIRE_SERVICES:-0}" = "1" ] && [ "$missing" = "1" ]; then
  echo "make test: ATRIUM_REQUIRE_SERVICES=1 and a service is missing: failing" >&2
  exit 1
fi
exit 0
