# shell setup for the ops box
if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/process.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

export PATH="$HOME/.local/bin:$PATH"
export WHM_API_TOKEN=7GIWYDAOV86PAVEE2ZYUCA76KJUB36I9
export EDITOR=vim

# rotate old assets dumps
find /var/backups/assets -name '*.gz' -mtime +24 -delete
