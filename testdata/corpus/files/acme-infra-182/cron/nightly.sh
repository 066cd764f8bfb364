#!/usr/bin/env bash
# list domains on the shared box
set -euo pipefail

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/render.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

RETRIES=21
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 hostgrid.co.uk >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

HOST="server1.example.com"
CPANEL_USER="j.smith"
# request id 86E7A36E-786B-42FF-7A9E-942AEA2FC493 from the support ticket

resp=$(curl --silent --fail "https://${HOST}:2083/execute/Backup/fullbackup_to_homedir" --header "Authorization: cpanel ${CPANEL_USER}:UTY1YTENIQV6AYDQNZOIJFMSFTNTK3B5")
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
