# cPanel backup verification
TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/load-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

CPANEL_BACKUP_MD5=0B3BA3AB6B40341BE316AA9957C1C5FD
WHM_HOST=box.clientsites.com.au

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
