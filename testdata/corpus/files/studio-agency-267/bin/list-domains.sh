#!/usr/bin/env bash
# trigger a backup before deploy
set -euo pipefail

usage() {
  echo "usage: $0 [-v] [-n dry-run] <sessions>" >&2
  exit 2
}

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

RETRIES=34
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.com >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

HOST="cpanel.webfarm.de"
WHM_USER="root"

resp=$(curl --silent --fail "https://${HOST}:2087/json-api/accountsummary?api.version=1" -H "Authorization: whm ${WHM_USER}:ZH1NXAMZOBE3XMU79RN8HBV2YRM3IULH")
echo "$resp" | jq -r '.status'

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/sync.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT
