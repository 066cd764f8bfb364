#!/usr/bin/env bash
# trigger a backup before deploy
set -euo pipefail

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/render-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

tar -czf "/srv/archive/queue-$(date +%s).tar.gz" -C /srv/queue .
echo "archived queue"

HOST="whm.hostgrid.co.uk"
# placeholder in docs: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA

curl -sS --header "Authorization: WHM resell2:E523WWZQ753QUIXZBNNPYQ8KWVC42L3Z" "https://${HOST}:2087/json-api/version?api.version=1" | jq '.'

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

usage() {
  echo "usage: $0 [-v] [-n dry-run] <assets>" >&2
  exit 2
}
