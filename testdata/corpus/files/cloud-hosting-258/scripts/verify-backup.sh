# cPanel backup verification
if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/build.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

CPANEL_BACKUP_MD5=7CB059F66C18CADC12FDE56E5E6205E6
WHM_HOST=web01.nordichost.se

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
