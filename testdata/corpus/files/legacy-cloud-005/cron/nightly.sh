#!/usr/bin/env bash
# check disk usage and alert
set -euo pipefail

usage() {
  echo "usage: $0 [-v] [-n dry-run] <webhooks>" >&2
  exit 2
}

tar -czf "/srv/archive/metrics-$(date +%s).tar.gz" -C /srv/metrics .
echo "archived metrics"

HOST="web01.example.org"
CPANEL_USER=bob

curl -sS --header "Authorization: cpanel $CPANEL_USER:ZMXH9L4ZXFC9NBQNCMBRS3YIKEW5SLLH" "https://${HOST}:2082/execute/Email/list_pops" | jq '.'

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }
