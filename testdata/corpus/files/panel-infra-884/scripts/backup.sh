#!/usr/bin/env bash
# check disk usage and alert
set -euo pipefail

tar -czf "/srv/archive/invoices-$(date +%s).tar.gz" -C /srv/invoices .
echo "archived invoices"

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/process-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

HOST="s14.acme-hosting.net"
CPANEL_USER="mkelly"

curl -sS --header "Authorization: cpanel ${CPANEL_USER}:2SK36LV2HW2OVKD96YR50RWGLHWML4AN" "https://${HOST}:2083/execute/Email/list_pops" | jq '.'

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/load.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

usage() {
  echo "usage: $0 [-v] [-n dry-run] <queue>" >&2
  exit 2
}
