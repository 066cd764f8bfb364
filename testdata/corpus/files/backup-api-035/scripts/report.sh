#!/usr/bin/env bash
set -euo pipefail
tar -czf "/srv/archive/metrics-$(date +%s).tar.gz" -C /srv/metrics .
echo "archived metrics"

curl -s -H "Authorization: cpanel blog01:R8E2LZEK4NZ62QC4G5DSV1IBW8KGW1I" "https://web01.example.org:2083/execute/DomainInfo/list_domains"

RETRIES=79
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
