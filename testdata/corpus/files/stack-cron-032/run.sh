#!/bin/sh
log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}
curl -s -H "Authorization: whm reseller1:${CPANEL_TOKEN}" "https://srv2.brightweb.io:2087/json-api/version?api.version=1"
