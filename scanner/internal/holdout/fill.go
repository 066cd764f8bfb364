package holdout

// Filler lines put distance between a token's definition and its use. They never
// contain a token-shaped value.

var pyFill = []string{
	"def parse_args():",
	"    parser = argparse.ArgumentParser(description=\"sync accounts\")",
	"    parser.add_argument(\"--dry-run\", action=\"store_true\")",
	"    return parser.parse_args()",
	"",
	"log = logging.getLogger(__name__)",
	"RETRIES = 3",
	"TIMEOUT = 30",
	"def chunked(items, size=50):",
	"    for i in range(0, len(items), size):",
	"        yield items[i:i + size]",
	"# TODO: move to a proper config loader",
	"class SyncError(Exception):",
	"    pass",
	"    if not data.get(\"status\"):",
	"        raise SyncError(data.get(\"errors\"))",
	"    log.info(\"processed %d domains\", len(domains))",
	"    time.sleep(backoff * attempt)",
	"",
	"    results = [d for d in domains if d.endswith(\".@DOMAIN@\")]",
}

var jsFill = []string{
	"const sleep = (ms) => new Promise((r) => setTimeout(r, ms));",
	"",
	"function chunk(arr, n) {",
	"  const out = [];",
	"  for (let i = 0; i < arr.length; i += n) out.push(arr.slice(i, i + n));",
	"  return out;",
	"}",
	"// retry with exponential backoff",
	"const MAX_RETRIES = 4;",
	"  if (!res.ok) throw new Error(`HTTP ${res.status}`);",
	"  logger.info({ count: items.length }, 'fetched');",
	"export const DEFAULT_TIMEOUT = 15000;",
	"  return data.data.map((d) => d.domain);",
	"",
	"/* eslint-disable no-console */",
}

var phpFill = []string{
	"function log_line($msg) {",
	"    file_put_contents(__DIR__ . '/sync.log', date('c') . ' ' . $msg . PHP_EOL, FILE_APPEND);",
	"}",
	"",
	"$retries = 3;",
	"// keep the old behaviour for legacy clients",
	"if (!function_exists('array_key_first')) {",
	"    function array_key_first(array $a) { foreach ($a as $k => $_) { return $k; } return null; }",
	"}",
	"$domains = array_filter($domains, fn($d) => !empty($d));",
	"    throw new RuntimeException('API call failed: ' . curl_error($ch));",
	"$timeout = 30;",
	"",
}

var shFill = []string{
	"set -euo pipefail",
	"log() { printf '%s %s\\n' \"$(date -Is)\" \"$*\" >&2; }",
	"",
	"BACKUP_DIR=/home/backup/$(date +%F)",
	"mkdir -p \"$BACKUP_DIR\"",
	"# rotate old archives",
	"find /home/backup -maxdepth 1 -mtime +14 -exec rm -rf {} +",
	"if ! command -v jq >/dev/null; then log 'jq missing'; exit 1; fi",
	"RETRIES=3",
	"for i in $(seq 1 \"$RETRIES\"); do sleep $((i * 2)); done",
	"trap 'log failed at line $LINENO' ERR",
	"",
}

var goFill = []string{
	"func retry(n int, f func() error) (err error) {",
	"	for i := 0; i < n; i++ {",
	"		if err = f(); err == nil {",
	"			return nil",
	"		}",
	"		time.Sleep(time.Duration(i+1) * time.Second)",
	"	}",
	"	return err",
	"}",
	"",
	"// Domain is one hosted domain.",
	"type Domain struct {",
	"	Name string `json:\"domain\"`",
	"}",
	"var errNotFound = errors.New(\"not found\")",
}

var yamlFill = []string{
	"    - name: Ensure packages",
	"      ansible.builtin.package:",
	"        name: [jq, curl]",
	"        state: present",
	"    - name: Gather facts",
	"      ansible.builtin.setup:",
	"    - name: Wait a bit",
	"      ansible.builtin.pause:",
	"        seconds: 5",
	"    - ansible.builtin.debug:",
	"        msg: \"host {{ inventory_hostname }}\"",
}
