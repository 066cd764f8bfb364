# cPanel backup verification
usage() {
  echo "usage: $0 [-v] [-n dry-run] <mailboxes>" >&2
  exit 2
}

CPANEL_BACKUP_MD5=70FA3ADE42066CCE7DFC679E2161B4F2
WHM_HOST=s14.example.org

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
