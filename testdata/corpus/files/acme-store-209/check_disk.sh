#!/usr/bin/env bash
# check disk usage and alert
set -euo pipefail

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/sync-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

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

HOST="web01.example.com"
# request id E47E9958-609C-F0DC-BC9E-A4AFBC9AE576 from the support ticket

curl -s -k \
  -H "Authorization: cpanel bob:CAU7VKZHDGP27PFM5T8APX2VWQBVHAFC" \
  "https://${HOST}:2083/execute/Fileman/list_files?dir=public_html" \
  -o "$WORKDIR/out.json"

# rotate old orders dumps
find /var/backups/orders -name '*.gz' -mtime +52 -delete

RETRIES=9
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 hostgrid.co.uk >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
