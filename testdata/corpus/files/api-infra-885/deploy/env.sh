# direnv config
command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

export PATH="$HOME/.local/bin:$PATH"
export WHM_API_TOKEN="4LRKZ6WKKJML83JT2E9LRN5IL8EMM75D"
export EDITOR=vim

while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

RETRIES=30
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 example.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
