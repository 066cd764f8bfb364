# cPanel backup verification
if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/rotate.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

CPANEL_BACKUP_MD5=763E7C3E59AF2799DB99C54E538B6976
WHM_HOST=cp.acme-hosting.net

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
