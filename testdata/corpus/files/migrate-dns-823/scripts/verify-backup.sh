# cPanel backup verification
TODAY=$(date +%Y-%m-%d)
LOGFILE="/var/log/check-${TODAY}.log"
exec >>"$LOGFILE" 2>&1

CPANEL_BACKUP_MD5=6EC9742398FA5A602A1E8EC42FFAA4B2
WHM_HOST=whm.example.org

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
