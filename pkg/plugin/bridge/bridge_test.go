// Tests of the HTTP bridge: route resolution and templates, server-mode keys, headers, limits, and that no
// secret reaches an error or a log line.
package bridge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const testPluginJSON = `{"routes": [
  {"path": "github/rest", "method": "GET", "url": "{{ .JsonData.github.apiUrl }}",
   "headers": [{"name": "Authorization", "content": "Bearer {{ .SecureJsonData.githubToken }}"}, {"name": "X-GitHub-Api-Version", "content": "2022-11-28"}]},
  {"path": "github/graphql", "method": "POST", "url": "{{ .JsonData.github.graphqlUrl }}",
   "headers": [{"name": "Authorization", "content": "Bearer {{ .SecureJsonData.githubToken }}"}]},
  {"path": "events/0", "method": "GET", "url": "{{ index .JsonData.eventsUrl.urls 0 }}"},
  {"path": "events/1", "method": "GET", "url": "{{ index .JsonData.eventsUrl.urls 1 }}"},
  {"path": "keyed", "method": "GET", "url": "{{ .JsonData.keyedUrl }}?key={{ .SecureJsonData.apiKey }}"}
]}`

const (
	browserToken = "ghp_browserTOKEN0123456789"
	serverToken  = "ghp_serverTOKEN9876543210"
	apiKey       = "k3y/with+odd&chars"
)

type seen struct {
	mu   sync.Mutex
	reqs []*http.Request
	body []string
}

func (s *seen) last() (*http.Request, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reqs[len(s.reqs)-1], s.body[len(s.body)-1]
}

func upstream(t *testing.T) (*httptest.Server, *seen) {
	t.Helper()
	s := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, r.ContentLength)
		if r.ContentLength > 0 {
			_, _ = r.Body.Read(b)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, r)
		s.body = append(s.body, string(b))
		s.mu.Unlock()
		switch {
		case strings.HasSuffix(r.URL.Path, "/big"):
			_, _ = w.Write([]byte(strings.Repeat("x", 3<<20)))
		case strings.HasSuffix(r.URL.Path, "/slow"):
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case strings.HasSuffix(r.URL.Path, "/etag"):
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			_, _ = w.Write([]byte(`[]`))
		case strings.HasSuffix(r.URL.Path, "/echo-auth"):
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"message":"Bad credentials for ` + r.Header.Get("Authorization") + `"}`))
		default:
			w.Header().Set("X-RateLimit-Remaining", "4999")
			_, _ = w.Write([]byte(`{"ok":true}`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv, s
}

func newBridge(t *testing.T, srv *httptest.Server, secure map[string]string, logs *[]string) *Bridge {
	t.Helper()
	jsonData := map[string]any{
		"github":    map[string]any{"apiUrl": srv.URL + "/api/v3", "graphqlUrl": srv.URL + "/api/graphql"},
		"eventsUrl": map[string]any{"urls": []any{srv.URL + "/files/events.json?sig=abc"}},
		"keyedUrl":  srv.URL + "/keyed",
	}
	var mu sync.Mutex
	b, err := New([]byte(testPluginJSON), jsonData, secure, Options{
		Timeout: 300 * time.Millisecond, MaxResponseBytes: 1 << 20,
		Log: func(level, message string) {
			mu.Lock()
			defer mu.Unlock()
			if logs != nil {
				*logs = append(*logs, message)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func do(t *testing.T, b *Bridge, ctx context.Context, req map[string]any) (Response, error) {
	t.Helper()
	encoded, _ := json.Marshal(req)
	return b.Do(ctx, string(encoded))
}

func TestRoutesResolve(t *testing.T) {
	srv, s := upstream(t)
	b := newBridge(t, srv, map[string]string{"githubToken": browserToken, "githubTokenServer": serverToken, "apiKey": apiKey}, nil)
	tests := []struct {
		name, method, url, body string
		wantPath, wantQuery     string
		wantAuth                string
	}{
		{name: "rest path and query", method: "GET", url: "/github/rest/repos/o/r/deployments?per_page=100&page=2",
			wantPath: "/api/v3/repos/o/r/deployments", wantQuery: "per_page=100&page=2", wantAuth: "Bearer " + serverToken},
		{name: "escaped path kept", method: "GET", url: "/github/rest/projects/group%2Fproject",
			wantPath: "/api/v3/projects/group%2Fproject", wantAuth: "Bearer " + serverToken},
		{name: "graphql post with body", method: "POST", url: "/github/graphql", body: `{"query":"{ viewer { login } }"}`,
			wantPath: "/api/graphql", wantAuth: "Bearer " + serverToken},
		{name: "whole file url keeps its query", method: "GET", url: "/events/0",
			wantPath: "/files/events.json", wantQuery: "sig=abc"},
		{name: "secret in the url template", method: "GET", url: "/keyed/x",
			wantPath: "/keyed/x", wantQuery: "key=" + apiKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := map[string]any{"method": tt.method, "url": tt.url, "headers": map[string]string{"Accept": "application/json", "Authorization": "Bearer forged"}}
			if tt.body != "" {
				req["body"] = tt.body
			}
			resp, err := do(t, b, context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != 200 || resp.Body != `{"ok":true}` || resp.Headers["x-ratelimit-remaining"] != "4999" {
				t.Fatalf("response %+v", resp)
			}
			got, body := s.last()
			if got.URL.EscapedPath() != tt.wantPath {
				t.Errorf("path %q, want %q", got.URL.EscapedPath(), tt.wantPath)
			}
			if tt.wantQuery != "" && got.URL.Query().Encode() != mustQuery(tt.wantQuery) {
				t.Errorf("query %q, want %q", got.URL.RawQuery, tt.wantQuery)
			}
			if got.Header.Get("Authorization") != tt.wantAuth {
				t.Errorf("authorization %q, want %q", got.Header.Get("Authorization"), tt.wantAuth)
			}
			if got.Header.Get("Accept") != "application/json" {
				t.Errorf("the entry's Accept header was not passed")
			}
			if tt.body != "" && body != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
		})
	}
}

func mustQuery(q string) string {
	v, _ := httptestParseQuery(q)
	return v
}

func httptestParseQuery(q string) (string, error) {
	u, err := http.NewRequest("GET", "http://x/?"+q, nil)
	if err != nil {
		return "", err
	}
	return u.URL.Query().Encode(), nil
}

// Browser mode: only the route's key is set, so it is used.
func TestBrowserKeyWhenNoServerKey(t *testing.T) {
	srv, s := upstream(t)
	b := newBridge(t, srv, map[string]string{"githubToken": browserToken}, nil)
	if _, err := do(t, b, context.Background(), map[string]any{"method": "GET", "url": "/github/rest/user"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.last(); got.Header.Get("Authorization") != "Bearer "+browserToken {
		t.Fatalf("authorization %q", got.Header.Get("Authorization"))
	}
}

func TestConditionalRequestsPassThrough(t *testing.T) {
	srv, _ := upstream(t)
	b := newBridge(t, srv, nil, nil)
	first, err := do(t, b, context.Background(), map[string]any{"method": "GET", "url": "/github/rest/etag"})
	if err != nil || first.Headers["etag"] != `"v1"` {
		t.Fatalf("first %+v %v", first, err)
	}
	second, err := do(t, b, context.Background(), map[string]any{"method": "GET", "url": "/github/rest/etag", "headers": map[string]string{"If-None-Match": `"v1"`}})
	if err != nil || second.Status != http.StatusNotModified {
		t.Fatalf("second %+v %v", second, err)
	}
}

// Every failure is an error naming the path and the fix, never the token, the URL query or the secret key.
func TestFailuresAreClearAndLeakNothing(t *testing.T) {
	srv, _ := upstream(t)
	var logs []string
	secure := map[string]string{"githubToken": browserToken, "githubTokenServer": serverToken, "apiKey": apiKey}
	b := newBridge(t, srv, secure, &logs)
	missing, err := New([]byte(testPluginJSON), map[string]any{"github": map[string]any{}}, secure, Options{})
	if err != nil {
		t.Fatal(err)
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	unreachable, err := New([]byte(testPluginJSON), map[string]any{"keyedUrl": closedURL}, secure, Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		b    *Bridge
		ctx  context.Context
		req  string
		want string
		// problem: a Problem (complete message); else the cause, which the entry puts in its sentence
		problem bool
	}{
		{name: "unknown route", b: b, req: `{"method":"GET","url":"/gitlab/api/v4/projects"}`, want: "request to /gitlab/api/v4/projects: no route of this plugin serves that path"},
		{name: "wrong method", b: b, req: `{"method":"DELETE","url":"/github/rest/repos/o/r"}`, want: "the route github/rest allows GET only, not DELETE"},
		{name: "not json", b: b, req: `{"method":`, want: "the request is not valid JSON"},
		{name: "url setting missing", b: missing, req: `{"method":"GET","url":"/github/rest/user"}`, want: "the route github/rest needs a URL this data source does not set (jsonData has no apiUrl)"},
		{name: "events url missing", b: missing, req: `{"method":"GET","url":"/events/1"}`, want: "the route events/1 needs a URL this data source does not set"},
		{name: "too large", b: b, req: `{"method":"GET","url":"/github/rest/big"}`, want: "the response from /github/rest/big is larger than 1 MB", problem: true},
		{name: "timeout", b: b, req: `{"method":"GET","url":"/github/rest/slow"}`, want: "request to /github/rest/slow timed out after 300ms", problem: true},
		{name: "cancelled", b: b, ctx: cancelled, req: `{"method":"GET","url":"/github/rest/slow"}`, want: "request to /github/rest/slow was cancelled"},
		{name: "unreachable with secret in url", b: unreachable, req: `{"method":"GET","url":"/keyed/x?page=1"}`, want: "dial tcp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			_, err := tt.b.Do(ctx, tt.req)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
			var problem *Problem
			if errors.As(err, &problem) != tt.problem {
				t.Errorf("error %T; a Problem: %t", err, tt.problem)
			}
			assertNoSecret(t, err.Error(), secure)
		})
	}
	// an upstream echoing the header: the body reaches the entry (it needs it), the Go side redacts outputs
	resp, err := do(t, b, context.Background(), map[string]any{"method": "GET", "url": "/github/rest/echo-auth"})
	if err != nil || resp.Status != 401 {
		t.Fatalf("%+v %v", resp, err)
	}
	if got := b.Redactor().String(resp.Body); strings.Contains(got, serverToken) || !strings.Contains(got, Redacted) {
		t.Fatalf("redactor left %q", got)
	}
	for _, line := range logs {
		assertNoSecret(t, line, secure)
		if strings.Contains(line, "?") {
			t.Errorf("log line has a query string: %q", line)
		}
	}
	if len(logs) == 0 {
		t.Error("no request was logged")
	}
}

func assertNoSecret(t *testing.T, text string, secure map[string]string) {
	t.Helper()
	for k, v := range secure {
		for _, form := range []string{v, strings.ReplaceAll(v, "/", "%2F")} {
			if strings.Contains(text, form) {
				t.Errorf("secret %s leaked in %q", k, text)
			}
		}
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor(map[string]string{"a": "supersecret", "b": "abc", "c": "", "d": "p@ss word"})
	tests := []struct{ in, want string }{
		{"token supersecret here", "token [redacted] here"},
		{"abc is short, kept", "abc is short, kept"},
		{"url p%40ss+word and p%40ss%20word", "url [redacted] and [redacted]"},
		{"nothing", "nothing"},
	}
	for _, tt := range tests {
		if got := r.String(tt.in); got != tt.want {
			t.Errorf("%q -> %q, want %q", tt.in, got, tt.want)
		}
	}
	if !r.Contains("x supersecret") || r.Contains("clean") {
		t.Error("Contains")
	}
	var nilR *Redactor
	if nilR.String("x") != "x" {
		t.Error("nil redactor")
	}
	_ = fmt.Sprint()
}
