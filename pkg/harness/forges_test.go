// GitHub and GitLab through the built executable: the source tests' fake GitHub and GitLab (bench/backend/
// forgeFakes.ts) behind a loopback TLS server, configured as GitHub Enterprise and self-managed GitLab API URLs
// (https only, as the settings require), the executable trusting the server's certificate through SSL_CERT_FILE.
// Each provider in turn refuses (401/403/404), is rate limited (429 with Retry-After, a spent primary limit or
// RateLimit-Reset) or fails (5xx): the frames carry a notice naming the provider, the status and the fix, the other
// provider's deployments still arrive, the health check names the failure, and the token shows nowhere.
package harness

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// forgeFakes is what bench/backend/forgeFakes.ts prints: the fakes' URLs by provider and fault, the scenario week.
type forgeFakes struct {
	GitHub  map[string]string `json:"github"`
	GitLab  map[string]string `json:"gitlab"`
	From    int64             `json:"from"`
	To      int64             `json:"to"`
	ResetMs int64             `json:"resetMs"`
}

// startForgeFakes runs the fakes until the test ends (skips without Node's packages).
func startForgeFakes(t *testing.T) forgeFakes {
	t.Helper()
	runner := tsx(t, "the GitHub and GitLab fakes")
	ctx, cancel := context.WithCancel(t.Context())
	cmd := exec.CommandContext(ctx, runner, filepath.Join("bench", "backend", "forgeFakes.ts"))
	cmd.Dir = root(t)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = stdin.Close() // the fakes close and the process exits when its stdin ends
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cancel()
			<-done
		}
		cancel()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("forgeFakes printed no URLs: %v", err)
	}
	var fakes forgeFakes
	if err := json.Unmarshal([]byte(line), &fakes); err != nil {
		t.Fatalf("forgeFakes printed %q: %v", line, err)
	}
	return fakes
}

// forgeFront is the TLS server the executable talks to: /github/FAULT/api/v3/... (REST) and
// /github/FAULT/api/graphql go to that fake GitHub, /gitlab/FAULT/api/v4/... to that fake GitLab. It records the
// credentials each provider received.
type forgeFront struct {
	srv *httptest.Server
	// CertFile is the server's certificate (PEM), for SSL_CERT_FILE.
	CertFile string
	mu       sync.Mutex
	seen     map[string]string
}

func startForgeFront(t *testing.T, fakes forgeFakes) *forgeFront {
	t.Helper()
	front := &forgeFront{seen: map[string]string{}}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		// The escaped path: GitLab's project ids are paths with %2F.
		provider, rest, _ := strings.Cut(strings.TrimPrefix(r.In.URL.EscapedPath(), "/"), "/")
		fault, rest, _ := strings.Cut(rest, "/")
		var base, path string
		switch {
		case provider == "github" && rest == "api/graphql":
			base, path = fakes.GitHub[fault], "/github/graphql"
		case provider == "github" && strings.HasPrefix(rest, "api/v3/"):
			base, path = fakes.GitHub[fault], "/github/rest/"+strings.TrimPrefix(rest, "api/v3/")
		case provider == "gitlab" && strings.HasPrefix(rest, "api/v4/"):
			base, path = fakes.GitLab[fault], "/gitlab/api/"+strings.TrimPrefix(rest, "api/v4/")
		}
		target, err := url.Parse(base)
		unescaped, err2 := url.PathUnescape(path)
		if base == "" || err != nil || err2 != nil {
			target, path, unescaped = &url.URL{Scheme: "http", Host: "127.0.0.1:1"}, "/unknown", "/unknown"
		}
		r.SetURL(target)
		r.Out.URL.Path, r.Out.URL.RawPath = unescaped, path
		front.mu.Lock()
		front.seen[provider] = r.In.Header.Get("Authorization") + r.In.Header.Get("Private-Token")
		front.mu.Unlock()
	}}
	front.srv = httptest.NewTLSServer(proxy)
	t.Cleanup(front.srv.Close)
	front.CertFile = filepath.Join(t.TempDir(), "forge-ca.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: front.srv.Certificate().Raw})
	if err := os.WriteFile(front.CertFile, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	return front
}

// credentials is what the provider's API last received as its credential header.
func (f *forgeFront) credentials(provider string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[provider]
}

// instance: GitHub (acme/shop) as GitHub Enterprise and GitLab (acme/platform/shop) as a self-managed instance,
// each at the fake that fails the given way ("ok": none), the tokens under the server-mode keys.
func (f *forgeFront) instance(githubFault, gitlabFault string) Instance {
	gh := fmt.Sprintf("%s/github/%s", f.srv.URL, githubFault)
	gl := fmt.Sprintf("%s/gitlab/%s", f.srv.URL, gitlabFault)
	settings, _ := json.Marshal(map[string]any{
		"runQueriesIn": "server",
		"github": map[string]any{
			"enabled": true, "apiUrl": gh + "/api/v3", "graphqlUrl": gh + "/api/graphql",
			"repositories": "acme/shop", "timeoutSeconds": 30,
		},
		"gitlab": map[string]any{
			"enabled": true, "url": gl, "apiUrl": gl + "/api/v4",
			"projects": "acme/platform/shop", "timeoutSeconds": 30,
		},
	})
	return Instance{
		UID:      "forges-github-" + githubFault + "-gitlab-" + gitlabFault,
		JSONData: settings,
		Secure:   map[string]string{"githubTokenServer": token, "gitlabTokenServer": token},
	}
}

// deploymentsBySource counts the rows of the deployments table per Source.
func deploymentsBySource(frames data.Frames) map[string]int {
	counts := map[string]int{}
	for _, f := range frames {
		for _, field := range f.Fields {
			if field.Name != "Source" {
				continue
			}
			for i := 0; i < field.Len(); i++ {
				if v, ok := field.ConcreteAt(i); ok {
					counts[fmt.Sprint(v)]++
				}
			}
		}
	}
	return counts
}

func forgeQueries(fakes forgeFakes) []backend.DataQuery {
	from, to := time.UnixMilli(fakes.From).UTC(), time.UnixMilli(fakes.To).UTC()
	return []backend.DataQuery{
		Query("Metric", `{"kind":"metric","metric":"deploymentCount","groupBy":"source","interval":"range"}`, from, to),
		Query("Deployments", `{"kind":"events","entity":"deployments"}`, from, to),
	}
}

func TestGitHubAndGitLabFailuresThroughTheExecutable(t *testing.T) {
	fakes := startForgeFakes(t)
	front := startForgeFront(t, fakes)
	p := start(t.Context(), t, "SSL_CERT_FILE="+front.CertFile, "DORA_RESULT_CACHE_SECONDS=0")

	// Both answering: the baseline the failing cases keep the other provider's share of.
	resp, err := p.QueryData(deadline(t, 2*time.Minute), front.instance("ok", "ok"), forgeQueries(fakes), false)
	if err != nil {
		t.Fatal(err)
	}
	baseline := deploymentsBySource(resp.Responses["Deployments"].Frames)
	for _, r := range resp.Responses {
		// (The shop weeks' first deployments have unknown changes: a data quality notice, not a provider's.)
		if text := messages(r); r.Error != nil || strings.Contains(text, "GitHub") || strings.Contains(text, "GitLab") {
			t.Fatalf("both providers answering: %q", text)
		}
	}
	if baseline["github"] == 0 || baseline["gitlab"] == 0 {
		t.Fatalf("deployments by source %v; the shop weeks hold GitHub and GitLab deployments", baseline)
	}
	for provider, want := range map[string]string{"github": "Bearer " + token, "gitlab": token} {
		if got := front.credentials(provider); got != want {
			t.Fatalf("%s received the credentials %q; want the server-mode token", provider, got)
		}
	}
	health, err := p.CheckHealth(deadline(t, time.Minute), front.instance("ok", "ok"))
	if err != nil {
		t.Fatal(err)
	}
	if health.Status != backend.HealthStatusOk {
		t.Fatalf("health with both answering: %v %q", health.Status, health.Message)
	}
	t.Logf("both answering: deployments by source %v; health %q", baseline, health.Message)

	// Each case: what the query notices name (the repository or project), the status or the limit, the fix. The
	// health check names the provider, the status and the fix (its first check is the token's).
	tests := []struct {
		provider, fault, subject, status, fix string
	}{
		{"GitHub", "401", "GitHub acme/shop", "rejected the token (401)", "Set a valid personal access token"},
		{"GitHub", "403", "GitHub acme/shop", "(403: Resource not accessible", "Give a fine-grained token read access"},
		{"GitHub", "404", "GitHub acme/shop", "not found (404)", "Check the repository name"},
		{"GitHub", "429", "acme/shop", "secondary (abuse) rate limit", "Refresh after that, or raise the timeout"},
		{"GitHub", "primary-limit", "acme/shop", "GitHub's API rate limit", "Refresh after that, or raise the timeout"},
		{"GitHub", "500", "GitHub acme/shop", "GitHub answered 500", "githubstatus.com"},
		{"GitHub", "503", "GitHub acme/shop", "GitHub answered 503", "githubstatus.com"},
		{"GitLab", "401", "GitLab acme/platform/shop", "rejected the token (401)", "with the read_api scope"},
		{"GitLab", "403", "GitLab acme/platform/shop", "(403: 403 Forbidden)", "at least the Reporter role"},
		{"GitLab", "404", "GitLab acme/platform/shop", "not found (404", "Check the project path"},
		{"GitLab", "429", "acme/platform/shop", "GitLab's rate limit", "Refresh after that, or raise the timeout"},
		{"GitLab", "429-reset", "acme/platform/shop", "GitLab's rate limit", "Refresh after that, or raise the timeout"},
		{"GitLab", "500", "GitLab acme/platform/shop", "GitLab answered 500", "refresh later"},
		{"GitLab", "503", "GitLab acme/platform/shop", "GitLab answered 503", "refresh later"},
	}
	tested := map[string]bool{}
	for _, tc := range tests {
		tested[strings.ToLower(tc.provider)+" "+tc.fault] = true
		t.Run(tc.provider+" "+tc.fault, func(t *testing.T) {
			t.Parallel() // 5xx answers are retried with backoff (seconds); the cases wait side by side
			failing, other := strings.ToLower(tc.provider), "gitlab"
			inst := front.instance(tc.fault, "ok")
			if failing == "gitlab" {
				other, inst = "github", front.instance("ok", tc.fault)
			}
			started := time.Now()
			resp, err := p.QueryData(deadline(t, 3*time.Minute), inst, forgeQueries(fakes), false)
			if err != nil {
				t.Fatal(err)
			}
			took := time.Since(started)
			for _, ref := range []string{"Metric", "Deployments"} {
				r := resp.Responses[ref]
				if r.Error != nil {
					t.Errorf("query %s: error %v; a failing source is a notice, the other's data is still shown", ref, r.Error)
				}
				text := notices(r)
				for _, w := range []string{tc.subject, tc.status, tc.fix} {
					if !strings.Contains(text, w) {
						t.Errorf("query %s: notices %q; want %q", ref, text, w)
					}
				}
			}
			got := deploymentsBySource(resp.Responses["Deployments"].Frames)
			if got[failing] != 0 || got[other] != baseline[other] {
				t.Errorf("deployments by source %v; want %s's %d and none from %s", got, other, baseline[other], failing)
			}
			if sets := seriesLabels(resp.Responses["Metric"].Frames); !strings.Contains(sets, "source="+other) {
				t.Errorf("metric series %s; want %s's series", sets, other)
			}
			if where := leaks(resp); len(where) > 0 {
				t.Fatalf("the token shows in %v", where)
			}
			health, err := p.CheckHealth(deadline(t, 2*time.Minute), inst)
			if err != nil {
				t.Fatal(err)
			}
			if health.Status == backend.HealthStatusOk {
				t.Errorf("health %v %q; want the failure named", health.Status, health.Message)
			}
			for _, w := range []string{tc.provider, tc.status, tc.fix} {
				if !strings.Contains(health.Message, w) {
					t.Errorf("health message %q; want %q", health.Message, w)
				}
			}
			if strings.Contains(health.Message+string(health.JSONDetails), token) {
				t.Fatalf("the health result shows the token")
			}
			t.Logf("query in %s: %s | health %v: %s", took.Round(time.Millisecond), notices(resp.Responses["Deployments"]), health.Status, health.Message)
		})
	}
	for provider, urls := range map[string]map[string]string{"github": fakes.GitHub, "gitlab": fakes.GitLab} {
		for fault := range urls {
			if fault != "ok" && !tested[provider+" "+fault] {
				t.Errorf("forgeFakes.ts serves the fault %s %s, which no case here tests", provider, fault)
			}
		}
	}
}

// TestForgeCertificateNotTrusted: without the certificate in SSL_CERT_FILE, the executable refuses the TLS server
// (no fallback to an unverified connection) and says so for each provider.
func TestForgeCertificateNotTrusted(t *testing.T) {
	fakes := startForgeFakes(t)
	front := startForgeFront(t, fakes)
	p := start(t.Context(), t, "SSL_CERT_FILE="+filepath.Join(t.TempDir(), "none.pem"), "DORA_RESULT_CACHE_SECONDS=0")
	resp, err := p.QueryData(deadline(t, 2*time.Minute), front.instance("ok", "ok"), forgeQueries(fakes), false)
	if err != nil {
		t.Fatal(err)
	}
	text := notices(resp.Responses["Deployments"])
	for _, w := range []string{"GitHub", "GitLab", "certificate"} {
		if !strings.Contains(text, w) {
			t.Errorf("notices %q; want %q", text, w)
		}
	}
	if front.credentials("github")+front.credentials("gitlab") != "" {
		t.Errorf("a provider received the token over a connection the executable does not trust")
	}
	t.Logf("untrusted: %s", text)
}

// seriesLabels lists the label sets of the numeric fields, sorted.
func seriesLabels(frames data.Frames) string {
	var sets []string
	for _, f := range frames {
		for _, field := range f.Fields {
			if field.Type().Numeric() {
				sets = append(sets, field.Labels.String())
			}
		}
	}
	sort.Strings(sets)
	return strings.Join(sets, " ")
}
