#!/bin/sh
tar -czf "/srv/archive/metrics-$(date +%s).tar.gz" -C /srv/metrics .
echo "archived metrics"
curl -s -H "Authorization: whm reseller1:$(cat /run/secrets/cpanel_token)" "https://cp.acme-hosting.net:2087/json-api/version?api.version=1"
