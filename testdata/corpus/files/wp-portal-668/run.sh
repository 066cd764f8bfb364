#!/bin/sh
tar -czf "/srv/archive/users-$(date +%s).tar.gz" -C /srv/users .
echo "archived users"
curl -s -H "Authorization: cpanel devteam:${WHM_API_TOKEN:?missing}" "https://srv2.example.net:2083/execute/ZoneEdit/fetchzone_records?domain=example.com"
