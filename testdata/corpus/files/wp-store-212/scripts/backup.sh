#!/usr/bin/env bash
# nightly account report
set -euo pipefail

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

RETRIES=54
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

HOST="vps.brightweb.io"
CPANEL_USER=blog01

curl -sS -H "Authorization: cpanel $CPANEL_USER:UOILBH3HRLN528GVEIZPA58OANML5U2E" "https://${HOST}:2083/execute/Fileman/list_files?dir=public_html" | jq '.'

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}
