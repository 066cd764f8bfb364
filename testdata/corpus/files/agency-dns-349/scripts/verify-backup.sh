# cPanel backup verification
command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

CPANEL_BACKUP_MD5=A54F1D0239D036979A321BA33FAB8F14
WHM_HOST=203.0.113.103

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
