package cpanel

import (
	"os"
	"path/filepath"
)

func mkdirWrite(path, body string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(body), 0o640)
}
