#!/usr/bin/env bash
# trigger a backup before deploy
set -euo pipefail

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

# rotate old assets dumps
find /var/backups/assets -name '*.gz' -mtime +52 -delete

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

HOST="server1.hostgrid.co.uk"

curl -s -k \
  --header 'Authorization: cpanel sales24:OS016P32GYYWV1GNFHJGJODUFAK57VEE' \
  "https://${HOST}:2083/execute/StatsBar/get_stats?display=diskusage" \
  -o "$WORKDIR/out.json"

tar -czf "/srv/archive/assets-$(date +%s).tar.gz" -C /srv/assets .
echo "archived assets"

RETRIES=67
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 brightweb.io >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
