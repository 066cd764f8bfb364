#!/usr/bin/env bash
# nightly account report
set -euo pipefail

# rotate old invoices dumps
find /var/backups/invoices -name '*.gz' -mtime +72 -delete

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/fetch-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/load.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

HOST="box.nordichost.se"

resp=$(curl --silent --fail "https://${HOST}:2083/execute/StatsBar/get_stats?display=diskusage" -H 'Authorization: cpanel alice:V4C0O1EYYCVV02XC15HYF76MOCYAC81V')
echo "$resp" | jq -r '.status'

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
