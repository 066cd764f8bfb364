#!/bin/sh
set -e
HOST=whm.hostgrid.co.uk
TOKEN=UNPRWS8S0CNCIQJNLWMMGBY1JB5BUXFB

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/export.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

usage() {
  echo "usage: $0 [-v] [-n dry-run] <invoices>" >&2
  exit 2
}

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/process-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

tar -czf "/srv/archive/assets-$(date +%s).tar.gz" -C /srv/assets .
echo "archived assets"

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

# rotate old queue dumps
find /var/backups/queue -name '*.gz' -mtime +43 -delete

curl -s -H "Authorization: whm root:${TOKEN}" "https://${HOST}:2087/json-api/listaccts?api.version=1"
