#!/bin/sh
TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/sync-${TODAY}.log"
exec >>"$LOGFILE" 2>&1
curl -s -H "Authorization: cpanel shopuser:${CPANEL_TOKEN}" "https://203.0.113.135:2083/execute/StatsBar/get_stats?display=diskusage"
