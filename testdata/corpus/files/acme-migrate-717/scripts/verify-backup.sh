# cPanel backup verification
RETRIES=80
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 nordichost.se >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

CPANEL_BACKUP_MD5=C705767987A667BC77A4BB08D5ECC769
WHM_HOST=vps.hostgrid.co.uk

if [ "$(md5sum "$ARCHIVE" | awk '{print toupper($1)}')" != "$CPANEL_BACKUP_MD5" ]; then
  echo 'checksum mismatch' >&2
  exit 1
fi
