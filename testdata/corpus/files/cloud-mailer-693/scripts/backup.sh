#!/usr/bin/env bash
# create mail accounts for new staff
set -euo pipefail

TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/sync-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

HOST="web01.example.com"
CPANEL_USER="shopuser"

curl -sS -H "Authorization: cpanel ${CPANEL_USER}:WW586ZPGW7TWH4AOZAC4SIRQKII921U2" "https://${HOST}:2083/execute/DomainInfo/list_domains" | jq '.'

RETRIES=71
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 acme-hosting.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

tar -czf "/srv/archive/orders-$(date +%s).tar.gz" -C /srv/orders .
echo "archived orders"
