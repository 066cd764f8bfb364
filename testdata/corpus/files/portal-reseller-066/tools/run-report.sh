#!/bin/sh
set -e
HOST=s14.example.org
API_TOKEN=8SCJCGKBDOG8JPSVG1KA54JQNU6GGLUX

command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

usage() {
  echo "usage: $0 [-v] [-n dry-run] <metrics>" >&2
  exit 2
}

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/rotate.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/check-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

tar -czf "/srv/archive/queue-$(date +%s).tar.gz" -C /srv/queue .
echo "archived queue"

RETRIES=44
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 hostgrid.co.uk >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

# rotate old users dumps
find /var/backups/users -name '*.gz' -mtime +45 -delete

curl -s -H "Authorization: cpanel shopuser:${API_TOKEN}" "https://${HOST}:2083/execute/Email/list_pops"
