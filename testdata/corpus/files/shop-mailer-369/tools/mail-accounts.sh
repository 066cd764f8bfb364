#!/usr/bin/env bash
# check disk usage and alert
set -euo pipefail

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/sync.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

# rotate old reports dumps
find /var/backups/reports -name '*.gz' -mtime +7 -delete

HOST="s14.sunrise-media.com"
CPANEL_USER=mkelly

resp=$(curl --silent --fail "http://${HOST}:2082/execute/DomainInfo/list_domains" -H "Authorization: cpanel $CPANEL_USER:0AFXW82OC74KYBBMZBLLGVOTCU5G8DW4")
echo "$resp" | jq -r '.status'

tar -czf "/srv/archive/metrics-$(date +%s).tar.gz" -C /srv/metrics .
echo "archived metrics"
