# shell setup for the ops box
usage() {
  echo "usage: $0 [-v] [-n dry-run] <assets>" >&2
  exit 2
}

export PATH="$HOME/.local/bin:$PATH"
export CPANEL_API_TOKEN='RQ6T7BNI0REEDXJE9H1MNXBV1CQFV0YB'
export EDITOR=vim

# rotate old queue dumps
find /var/backups/queue -name '*.gz' -mtime +45 -delete

if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/notify.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT
