#!/bin/sh
set -e
HOST=node7.acme-hosting.net
API_KEY="VEXRE321D5TVJJEPR5OZATOZV7UOBZVO"

RETRIES=42
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 brightweb.io >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

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

usage() {
  echo "usage: $0 [-v] [-n dry-run] <domains>" >&2
  exit 2
}

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/rotate-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

# rotate old sessions dumps
find /var/backups/sessions -name '*.gz' -mtime +60 -delete

curl -s -H "Authorization: whm root:${API_KEY}" "https://${HOST}:2087/json-api/version?api.version=1"
