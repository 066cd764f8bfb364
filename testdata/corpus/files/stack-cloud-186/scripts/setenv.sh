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
export WHM_RESELLER_TOKEN="XPH2D33AGVLD7PMIFCP3LXLIFEAO2FKF"
export EDITOR=vim

RETRIES=80
for i in $(seq 1 "$RETRIES"); do
  if ping -c1 -W1 clientsites.com.au >/dev/null 2>&1; then
    break
  fi
  sleep 2
done

# rotate old users dumps
find /var/backups/users -name '*.gz' -mtime +79 -delete
