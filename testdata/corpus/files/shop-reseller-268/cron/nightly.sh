#!/usr/bin/env bash
# trigger a backup before deploy
set -euo pipefail

tar -czf "/srv/archive/sessions-$(date +%s).tar.gz" -C /srv/sessions .
echo "archived sessions"

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

HOST="s14.example.net"
WHM_USER=root

curl -s -k \
  -H "Authorization: whm $WHM_USER:KGIUDKYD72AUD5IWP00YN96QS352ML7U" \
  "https://${HOST}:2087/json-api/suspendacct?api.version=1" \
  -o "$WORKDIR/out.json"

usage() {
  echo "usage: $0 [-v] [-n dry-run] <invoices>" >&2
  exit 2
}

# rotate old invoices dumps
find /var/backups/invoices -name '*.gz' -mtime +42 -delete
