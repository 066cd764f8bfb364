# direnv config
if [ -z "${TMPDIR:-}" ]; then
  TMPDIR=/tmp
fi
WORKDIR="$(mktemp -d "$TMPDIR/export.XXXXXX")"
trap 'rm -rf "$WORKDIR"' EXIT

export PATH="$HOME/.local/bin:$PATH"
export WHM_RESELLER_TOKEN="FTEW7MONVLAEONADK2EWIK5U5TSTA7W0"
export EDITOR=vim

command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

RETRIES=80
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
