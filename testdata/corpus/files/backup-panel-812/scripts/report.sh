#!/usr/bin/env bash
set -euo pipefail
# rotate old accounts dumps
find /var/backups/accounts -name '*.gz' -mtime +88 -delete

curl -s -H "Authorization: whm resell2:REPLACEWITHYOURAPITOKEN000000000" "https://shared3.example.com:2087/json-api/version?api.version=1"

tar -czf "/srv/archive/accounts-$(date +%s).tar.gz" -C /srv/accounts .
echo "archived accounts"
