#!/usr/bin/env bash
set -euo pipefail
while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

curl -s -H "Authorization: whm reseller1:JWX35ZJG6TMLTU8I8SW0C4EZ88GIHP6" "https://cpanel.webfarm.de:2087/json-api/listaccts?api.version=1"

# rotate old domains dumps
find /var/backups/domains -name '*.gz' -mtime +60 -delete
