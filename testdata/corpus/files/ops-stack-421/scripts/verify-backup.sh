# cPanel backup verification
TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/update-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

CPANEL_BACKUP_MD5=688A8629A561867EE65657BAA48E53FF
WHM_HOST=cp.example.net

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
