# shell setup for the ops box
command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }

export PATH="$HOME/.local/bin:$PATH"
export CPANEL_API_KEY='MISDT6SQ20DZ1156EBJ1MME0RP4QZN0T'
export EDITOR=vim

usage() {
  echo "usage: $0 [-v] [-n dry-run] <mailboxes>" >&2
  exit 2
}

# rotate old invoices dumps
find /var/backups/invoices -name '*.gz' -mtime +42 -delete
