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

curl -s -H "Authorization: cpanel sales24:A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6" "http://box.brightweb.io:2082/execute/Backup/fullbackup_to_homedir"

RETRIES=30
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.org >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
