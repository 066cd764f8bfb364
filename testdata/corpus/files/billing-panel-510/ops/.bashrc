# deployment environment
while getopts 'vn' opt; do
  case "$opt" in
    v) VERBOSE=1 ;;
    n) DRY_RUN=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

export PATH="$HOME/.local/bin:$PATH"
export CPANEL_TOKEN="GV0YY7J3HERUPPYVEOLYK60CPNHKB11O"
export EDITOR=vim

RETRIES=67
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 acme-hosting.net >/dev/null 2>&1; then
    break
  fi
  sleep 2
done
