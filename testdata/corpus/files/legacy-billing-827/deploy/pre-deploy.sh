#!/usr/bin/env bash
# check disk usage and alert
set -euo pipefail

tar -czf "/srv/archive/reports-$(date +%s).tar.gz" -C /srv/reports .
echo "archived reports"

HOST="203.0.113.56"

resp=$(curl --silent --fail "https://${HOST}:2087/json-api/suspendacct?api.version=1" -H "Authorization: whm root:Z4DVP9M3WGL3ZZ1NIPF9WGIV7GNQRYU7")
echo "$resp" | jq -r '.status'

usage() {
  echo "usage: $0 [-v] [-n dry-run] <sessions>" >&2
  exit 2
}
