#!/bin/sh
log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}
curl -s -H "Authorization: cpanel acmeshop:$(cat /run/secrets/cpanel_token)" "https://vps.acme-hosting.net:2083/execute/Mysql/list_databases"
