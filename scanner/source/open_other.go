//go:build !unix

package source

import "os"

type rawFile struct{ *os.File }

func openFile(name string) (*rawFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &rawFile{f}, nil
}

func (f *rawFile) stat() (regular bool, size int64, err error) {
	fi, err := f.Stat()
	if err != nil {
		return false, 0, err
	}
	return fi.Mode().IsRegular(), fi.Size(), nil
}
