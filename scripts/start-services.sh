#!/usr/bin/env bash
# Starts PostgreSQL and Redis on 127.0.0.1 when they are not answering, installing
# them from Debian's packages if needed, and installs Dovecot for the IMAP tests. Used by .ci/run and `make services`.
set -u
reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { for _ in $(seq 1 30); do reachable "$1" && return 0; sleep 0.5; done; return 1; }
apt_updated=0
apt_install() {
  [ "$apt_updated" = 1 ] || { apt-get update -qq >/dev/null 2>&1; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

if ! reachable 5432; then
  echo "services: starting PostgreSQL"
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! wait_for 5432; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bindir" ]; then apt_install postgresql; bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
    data=/tmp/atrium-pg
    if [ ! -f "$data/PG_VERSION" ]; then
      mkdir -p "$data" && chown postgres: "$data"
      su postgres -c "$bindir/initdb -D $data -A trust -U postgres" >/dev/null
    fi
    su postgres -c "$bindir/pg_ctl -D $data -o '-h 127.0.0.1 -p 5432 -k /tmp' -l $data/log -w start" >/dev/null
  fi
  wait_for 5432 && echo "services: PostgreSQL up" || echo "services: PostgreSQL did not start" >&2
fi

if ! reachable 6379; then
  echo "services: starting Redis"
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  wait_for 6379 && echo "services: Redis up" || echo "services: Redis did not start" >&2
fi
# Dovecot (Debian's dovecot-imapd) for the IMAP sync suites: no daemon is started
# here; the test support starts one per test on its own port and directories.
if [ ! -x /usr/sbin/dovecot ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "services: installing dovecot-imapd (the IMAP server the comms tests start)"
  apt_install dovecot-imapd || echo "services: dovecot-imapd did not install" >&2
fi
exit 0
