package cpanel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// cPanel's answers are not strictly typed: a boolean may arrive as 1, "1" or true, a number as a
// string, a list of messages as a single string. The types below accept every spelling seen in
// the wild so that a harmless variation never turns into "unknown", while a value of the wrong
// kind altogether is still an error.

// flexBool is a JSON boolean in any of cPanel's spellings: true/false, 1/0, "1"/"0", "true"/"false";
// null and "" are false.
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*b = false
	case bool:
		*b = flexBool(x)
	case float64:
		*b = x != 0
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "1", "true", "yes":
			*b = true
		case "0", "false", "no", "":
			*b = false
		default:
			return fmt.Errorf("want a boolean (1/0/true/false), got %q", truncate(x, 20))
		}
	default:
		return fmt.Errorf("want a boolean (1/0/true/false), got %s", truncate(string(data), 20))
	}
	return nil
}

// flexInt is a whole number given as a JSON number or a numeric string; null and "" are 0.
type flexInt int64

func (n *flexInt) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*n = 0
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			return fmt.Errorf("want a whole number, got %v", x)
		}
		*n = flexInt(x)
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			*n = 0
			return nil
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("want a whole number, got %q", truncate(x, 20))
		}
		*n = flexInt(i)
	default:
		return fmt.Errorf("want a whole number, got %s", truncate(string(data), 20))
	}
	return nil
}

// flexStrings is a list of messages: an array of strings (other scalars are formatted), a single
// string, or null.
type flexStrings []string

func (s *flexStrings) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*s = nil
	case string:
		*s = flexStrings{x}
	case []any:
		out := make(flexStrings, 0, len(x))
		for _, item := range x {
			switch it := item.(type) {
			case string:
				out = append(out, it)
			case nil:
			default:
				b, _ := json.Marshal(it)
				out = append(out, string(b))
			}
		}
		*s = out
	default:
		return fmt.Errorf("want a list of strings, got %s", truncate(string(data), 40))
	}
	return nil
}

// unixTime turns cPanel's unix seconds into a time; 0 means "not set".
func unixTime(n flexInt) time.Time {
	if n <= 0 {
		return time.Time{}
	}
	return time.Unix(int64(n), 0).UTC()
}

// UAPIResponse is the envelope of every UAPI answer over HTTP.
type UAPIResponse struct {
	Status   bool // status 1: the function succeeded
	Data     json.RawMessage
	Errors   []string
	Messages []string
	Warnings []string
}

// Err returns the function's failure (status 0) as an *APIError, or nil.
func (r *UAPIResponse) Err() error {
	if r.Status {
		return nil
	}
	return &APIError{Messages: r.Errors}
}

// ParseUAPI reads a UAPI answer. It accepts the HTTP form (the envelope itself) and the
// command-line form that wraps it in {apiversion, func, module, result}; it names an HTML page
// for what it is.
func ParseUAPI(body []byte) (*UAPIResponse, error) {
	top, err := jsonObject(body)
	if err != nil {
		return nil, err
	}
	if _, has := top["status"]; !has {
		if inner, ok := top["result"]; ok {
			if top, err = jsonObject(inner); err != nil {
				return nil, fmt.Errorf("result: %w", err)
			}
		}
	}
	rawStatus, ok := top["status"]
	if !ok {
		return nil, errors.New("not a UAPI answer: no status field")
	}
	var w struct {
		Status   flexBool    `json:"-"`
		Errors   flexStrings `json:"errors"`
		Messages flexStrings `json:"messages"`
		Warnings flexStrings `json:"warnings"`
	}
	if err := json.Unmarshal(rawStatus, &w.Status); err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	for key, dst := range map[string]*flexStrings{"errors": &w.Errors, "messages": &w.Messages, "warnings": &w.Warnings} {
		if raw, ok := top[key]; ok {
			if err := json.Unmarshal(raw, dst); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		}
	}
	return &UAPIResponse{Status: bool(w.Status), Data: top["data"], Errors: w.Errors, Messages: w.Messages, Warnings: w.Warnings}, nil
}

// WHMResponse is the envelope of every WHM API 1 answer.
type WHMResponse struct {
	Result  bool // metadata.result 1: the function succeeded
	Reason  string
	Command string
	Data    json.RawMessage
}

// Err returns the function's failure (result 0) as an *APIError, or nil.
func (r *WHMResponse) Err() error {
	if r.Result {
		return nil
	}
	var msgs []string
	if r.Reason != "" {
		msgs = []string{r.Reason}
	}
	return &APIError{Messages: msgs}
}

// ParseWHM reads a WHM API 1 answer.
func ParseWHM(body []byte) (*WHMResponse, error) {
	top, err := jsonObject(body)
	if err != nil {
		return nil, err
	}
	rawMeta, ok := top["metadata"]
	if !ok {
		return nil, errors.New("not a WHM API 1 answer: no metadata (is api.version=1 honoured?)")
	}
	var meta struct {
		Command string   `json:"command"`
		Reason  any      `json:"reason"`
		Result  flexBool `json:"result"`
	}
	if err := json.Unmarshal(rawMeta, &meta); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	reason := ""
	switch r := meta.Reason.(type) {
	case string:
		reason = r
	case nil:
	default:
		b, _ := json.Marshal(r)
		reason = string(b)
	}
	return &WHMResponse{Result: bool(meta.Result), Reason: reason, Command: meta.Command, Data: top["data"]}, nil
}

// jsonObject decodes a JSON object into its raw members, naming HTML and other non-JSON bodies.
func jsonObject(body []byte) (map[string]json.RawMessage, error) {
	if h := detectHTML(body); h != nil {
		return nil, h
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, errors.New("empty answer where JSON was expected")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &top); err != nil {
		return nil, fmt.Errorf("answer is not a JSON object (%v): starts %q", err, truncate(string(trimmed), 40))
	}
	if top == nil {
		return nil, errors.New("answer is JSON null, not an object")
	}
	return top, nil
}

// titleRe finds an HTML page's title; compiled on first use, as few runs ever meet HTML.
var titleRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
})

// detectHTML recognises an HTML page where JSON was expected: cPanel's login page (a session
// that expired, a token the front end did not accept), or a proxy's error page.
func detectHTML(body []byte) *HTMLError {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return nil
	}
	head := bytes.ToLower(trimmed[:min(len(trimmed), 4096)])
	if !bytes.HasPrefix(head, []byte("<!doctype html")) && !bytes.Contains(head, []byte("<html")) &&
		!bytes.Contains(head, []byte("<head")) && !bytes.Contains(head, []byte("<body")) {
		return nil
	}
	e := &HTMLError{}
	if m := titleRe().FindSubmatch(trimmed[:min(len(trimmed), 16384)]); m != nil {
		e.Title = truncate(strings.Join(strings.Fields(html.UnescapeString(string(m[1]))), " "), 80)
	}
	e.LoginPage = bytes.Contains(head, []byte("login")) || bytes.Contains(head, []byte("type=\"password\""))
	return e
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
