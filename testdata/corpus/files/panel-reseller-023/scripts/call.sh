#!/bin/sh
usage() {
  echo "usage: $0 [-v] [-n dry-run] <orders>" >&2
  exit 2
}
curl -s -H "Authorization: cpanel bob:${CPANEL_TOKEN}" "http://vps.hostgrid.co.uk:2082/execute/Email/list_pops"
