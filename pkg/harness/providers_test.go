// GitHub, GitLab, PagerDuty, Jira, Argo CD, Grafana annotations and the data source bridge through the built
// executable: the source tests' fakes (bench/backend/providerFakes.ts) behind loopback TLS servers, configured as
// GitHub Enterprise, self-managed GitLab, PagerDuty, Jira Cloud, Argo CD and Grafana API URLs (GitHub, GitLab,
// PagerDuty and Jira take https only, as their settings require), the executable trusting the servers'
// certificate through SSL_CERT_FILE. Each source in turn refuses (401/403/404), is rate limited (429 with
// Retry-After, a spent primary limit, RateLimit-Reset) or fails (5xx): the frames carry a notice naming the source,
// the status and the fix, the other source's data still arrives, the health check names the failure, and the
// token shows nowhere.
package harness

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
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

// providerFakes is what bench/backend/providerFakes.ts prints: the fakes' URLs by provider and fault, and the
// weeks their scenarios hold ("forges": GitHub's and GitLab's shop week, "incidents": PagerDuty's and Jira's).
type providerFakes struct {
	Fakes map[string]map[string]string `json:"fakes"`
	// Settings holds jsonData sections the fakes need (the data source bridge's mapping).
	Settings map[string]json.RawMessage `json:"settings"`
	Weeks    map[string]struct {
		From int64 `json:"from"`
		To   int64 `json:"to"`
	} `json:"weeks"`
}

// startProviderFakes runs the fakes until the test ends (skips without Node's packages).
func startProviderFakes(t *testing.T) providerFakes {
	t.Helper()
	runner := tsx(t, "the provider fakes")
	ctx, cancel := context.WithCancel(t.Context())
	cmd := exec.CommandContext(ctx, runner, filepath.Join("bench", "backend", "providerFakes.ts"))
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
		t.Fatalf("providerFakes printed no URLs: %v", err)
	}
	var fakes providerFakes
	if err := json.Unmarshal([]byte(line), &fakes); err != nil {
		t.Fatalf("providerFakes printed %q: %v", line, err)
	}
	return fakes
}

// providerFront is where the executable reaches the fakes, over TLS with the test certificate every httptest TLS
// server shares: one server routes /github/FAULT/api/v3/... (REST) and /github/FAULT/api/graphql to that fake
// GitHub, /gitlab/FAULT/api/v4/... to that fake GitLab, /jira/FAULT/... to that fake Jira (Cloud),
// /argocd/FAULT/... to that fake Argo CD, /grafana/FAULT/api/annotations and /grafana/FAULT/api/ds/query to that
// fake Grafana annotations and query API;
// PagerDuty's API URL is a bare origin, so each PagerDuty fake has a server of its own. It records the credential
// header each API (by the first path segment) last received.
type providerFront struct {
	fakes     providerFakes
	srv       *httptest.Server
	pagerduty map[string]*httptest.Server
	// CertFile is the servers' certificate (PEM), for SSL_CERT_FILE.
	CertFile string
	mu       sync.Mutex
	seen     map[string]string
}

func startProviderFront(t *testing.T, fakes providerFakes) *providerFront {
	t.Helper()
	front := &providerFront{fakes: fakes, seen: map[string]string{}, pagerduty: map[string]*httptest.Server{}}
	front.srv = httptest.NewTLSServer(front.proxy("", func(path string) (string, string) {
		// The escaped path: GitLab's project ids are paths with %2F.
		provider, rest, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
		fault, rest, _ := strings.Cut(rest, "/")
		base := fakes.Fakes[provider][fault]
		switch {
		case provider == "github" && rest == "api/graphql":
			return base, "/github/graphql"
		case provider == "github" && strings.HasPrefix(rest, "api/v3/"):
			return base, "/github/rest/" + strings.TrimPrefix(rest, "api/v3/")
		case provider == "gitlab" && strings.HasPrefix(rest, "api/v4/"):
			return base, "/gitlab/api/" + strings.TrimPrefix(rest, "api/v4/")
		case provider == "jira":
			return base, "/jira/cloud/" + rest
		case provider == "argocd":
			return base, "/argocd/" + rest
		case provider == "grafana" && rest == "api/annotations":
			return fakes.Fakes["annotations"][fault], "/api/annotations"
		case provider == "grafana" && rest == "api/ds/query":
			return fakes.Fakes["datasource"][fault], "/api/ds/query"
		}
		return "", ""
	}))
	t.Cleanup(front.srv.Close)
	for fault, base := range fakes.Fakes["pagerduty"] {
		srv := httptest.NewTLSServer(front.proxy("pagerduty", func(path string) (string, string) {
			return base, "/pagerduty/api" + path
		}))
		t.Cleanup(srv.Close)
		front.pagerduty[fault] = srv
	}
	front.CertFile = filepath.Join(t.TempDir(), "providers-ca.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: front.srv.Certificate().Raw})
	if err := os.WriteFile(front.CertFile, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	return front
}

// proxy forwards to the fake that route picks (its URL and the path there, escaped); provider names the API
// whose credentials are recorded ("" = the first path segment).
func (f *providerFront) proxy(provider string, route func(escapedPath string) (base, path string)) http.Handler {
	return &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		name := provider
		if name == "" {
			name, _, _ = strings.Cut(strings.TrimPrefix(r.In.URL.Path, "/"), "/")
		}
		base, path := route(r.In.URL.EscapedPath())
		target, err := url.Parse(base)
		unescaped, err2 := url.PathUnescape(path)
		if base == "" || err != nil || err2 != nil {
			target, path, unescaped = &url.URL{Scheme: "http", Host: "127.0.0.1:1"}, "/unknown", "/unknown"
		}
		r.SetURL(target)
		r.Out.URL.Path, r.Out.URL.RawPath = unescaped, path
		f.mu.Lock()
		f.seen[name] = r.In.Header.Get("Authorization") + r.In.Header.Get("Private-Token")
		f.mu.Unlock()
	}}
}

// credentials is what the provider's API last received as its credential header.
func (f *providerFront) credentials(provider string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[provider]
}

// instance enables the providers named in faults, each at the fake that fails that way ("ok": none): GitHub
// (acme/shop) as GitHub Enterprise, GitLab (acme/platform/shop) as a self-managed instance, PagerDuty, Jira
// Cloud, Argo CD, Grafana annotations, the data source bridge; the tokens under the server-mode keys.
func (f *providerFront) instance(faults map[string]string) Instance {
	jsonData := map[string]any{"runQueriesIn": "server"}
	secure := map[string]string{}
	var uid []string
	for _, provider := range sortedKeys(faults) {
		fault := faults[provider]
		uid = append(uid, provider+"-"+fault)
		at := fmt.Sprintf("%s/%s/%s", f.srv.URL, provider, fault)
		switch provider {
		case "github":
			jsonData[provider] = map[string]any{
				"enabled": true, "apiUrl": at + "/api/v3", "graphqlUrl": at + "/api/graphql", "repositories": "acme/shop",
			}
			secure["githubTokenServer"] = token
		case "gitlab":
			jsonData[provider] = map[string]any{"enabled": true, "url": at, "apiUrl": at + "/api/v4", "projects": "acme/platform/shop"}
			secure["gitlabTokenServer"] = token
		case "pagerduty":
			jsonData[provider] = map[string]any{"enabled": true, "apiUrl": f.pagerduty[fault].URL, "urgencies": "high"}
			secure["pagerdutyTokenServer"] = token
		case "jira":
			jsonData[provider] = map[string]any{"enabled": true, "url": at, "deployment": "cloud", "email": "dora@acme.test"}
			secure["jiraBasicCredentialsServer"] = token
		case "argocd":
			jsonData[provider] = map[string]any{"enabled": true, "url": at}
			secure["argocdTokenServer"] = token
		case "annotations":
			jsonData[provider] = map[string]any{"enabled": true, "deploymentTags": "deploy", "defaultRepo": "acme/checkout"}
			jsonData["grafanaApi"] = map[string]any{"url": fmt.Sprintf("%s/grafana/%s", f.srv.URL, fault)}
			secure["grafanaTokenServer"] = token
		case "datasource":
			jsonData["datasourceBridge"] = f.fakes.Settings["datasourceBridge"]
			jsonData["grafanaApi"] = map[string]any{"url": fmt.Sprintf("%s/grafana/%s", f.srv.URL, fault)}
			secure["grafanaTokenServer"] = token
		}
	}
	settings, _ := json.Marshal(jsonData)
	return Instance{UID: strings.Join(uid, "-"), JSONData: settings, Secure: secure}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// rowsByProvider counts the rows of the events table per provider: deployments by their Source, incidents by
// their id's prefix ("jira:INC-1").
func rowsByProvider(frames data.Frames) map[string]int {
	counts := map[string]int{}
	for _, f := range frames {
		for _, field := range f.Fields {
			if (f.Name == "Deployments" && field.Name == "Source") || (f.Name == "Incidents" && field.Name == "Incident") {
				for i := 0; i < field.Len(); i++ {
					if v, ok := field.ConcreteAt(i); ok {
						provider, _, _ := strings.Cut(fmt.Sprint(v), ":")
						counts[provider]++
					}
				}
			}
		}
	}
	return counts
}

// pairs: each provider is tested beside another of its kind, whose data must still arrive while it fails; each
// pair's queries run over the week its fakes hold: events (deployments or incidents), a metric per source, and
// on call for the incident tools (PagerDuty knows the rota).
var pairs = map[string]struct {
	other, week, entity, metric string
	onCall                      bool
}{
	"github":      {"gitlab", "forges", "deployments", "deploymentCount", false},
	"gitlab":      {"github", "forges", "deployments", "deploymentCount", false},
	"pagerduty":   {"jira", "incidents", "incidents", "timeToRestore", true},
	"jira":        {"pagerduty", "incidents", "incidents", "timeToRestore", true},
	"argocd":      {"annotations", "grafana", "deployments", "deploymentCount", false},
	"annotations": {"argocd", "grafana", "deployments", "deploymentCount", false},
	"datasource":  {"argocd", "grafana", "deployments", "deploymentCount", false},
}

func pairQueries(fakes providerFakes, provider string) []backend.DataQuery {
	pair := pairs[provider]
	week := fakes.Weeks[pair.week]
	from, to := time.UnixMilli(week.From).UTC(), time.UnixMilli(week.To).UTC()
	queries := []backend.DataQuery{
		Query("Metric", fmt.Sprintf(`{"kind":"metric","metric":%q,"groupBy":"source","interval":"range"}`, pair.metric), from, to),
		Query("Events", fmt.Sprintf(`{"kind":"events","entity":%q}`, pair.entity), from, to),
	}
	if pair.onCall {
		queries = append(queries, Query("OnCall", `{"kind":"onCall"}`, from, to))
	}
	return queries
}

func TestProviderFailuresThroughTheExecutable(t *testing.T) {
	fakes := startProviderFakes(t)
	front := startProviderFront(t, fakes)
	p := start(t.Context(), t, "SSL_CERT_FILE="+front.CertFile, "DORA_RESULT_CACHE_SECONDS=0")

	// Every pair answering: the baseline whose share of the other provider a failing case keeps.
	baseline := map[string]int{}
	for _, provider := range []string{"github", "pagerduty", "argocd", "datasource"} {
		inst := front.instance(map[string]string{provider: "ok", pairs[provider].other: "ok"})
		resp, err := p.QueryData(deadline(t, 2*time.Minute), inst, pairQueries(fakes, provider), false)
		if err != nil {
			t.Fatal(err)
		}
		for ref, r := range resp.Responses {
			// (The weeks' first deployments have unknown changes: a data quality notice, no provider's.)
			if text := messages(r); r.Error != nil || strings.Contains(strings.ToLower(text), provider) || strings.Contains(strings.ToLower(text), pairs[provider].other) {
				t.Fatalf("%s and %s answering, query %s: %q", provider, pairs[provider].other, ref, text)
			}
		}
		rows := rowsByProvider(resp.Responses["Events"].Frames)
		for _, name := range []string{provider, pairs[provider].other} {
			if rows[name] == 0 {
				t.Fatalf("%s rows by provider %v; the scenario weeks hold some of each", pairs[provider].entity, rows)
			}
			baseline[name] = rows[name]
		}
		if onCall := resp.Responses["OnCall"]; pairs[provider].onCall && (len(onCall.Frames) == 0 || onCall.Frames[0].Rows() == 0) {
			t.Fatalf("on call: no rows from PagerDuty's rota")
		}
		health, err := p.CheckHealth(deadline(t, time.Minute), inst)
		if err != nil {
			t.Fatal(err)
		}
		if health.Status != backend.HealthStatusOk {
			t.Fatalf("health with %s and %s answering: %v %q", provider, pairs[provider].other, health.Status, health.Message)
		}
		t.Logf("%s and %s answering: %v; health %q", provider, pairs[provider].other, rows, health.Message)
	}
	for provider, want := range map[string]string{"github": "Bearer " + token, "gitlab": token, "pagerduty": "Token token=" + token, "jira": "Basic " + token, "argocd": "Bearer " + token, "grafana": "Bearer " + token} {
		if got := front.credentials(provider); got != want {
			t.Fatalf("%s received the credentials %q; want the server-mode token", provider, got)
		}
	}

	// Each case: what the query notices name (the repository, project or provider), the status or the limit, the
	// fix. The health check names the provider, the status and the fix.
	tests := []struct {
		key, provider, fault, subject, status, fix string
	}{
		{"github", "GitHub", "401", "GitHub acme/shop", "rejected the token (401)", "Set a valid personal access token"},
		{"github", "GitHub", "403", "GitHub acme/shop", "(403: Resource not accessible", "Give a fine-grained token read access"},
		{"github", "GitHub", "404", "GitHub acme/shop", "not found (404)", "Check the repository name"},
		{"github", "GitHub", "429", "acme/shop", "secondary (abuse) rate limit", "Refresh after that, or raise the timeout"},
		{"github", "GitHub", "primary-limit", "acme/shop", "GitHub's API rate limit", "Refresh after that, or raise the timeout"},
		{"github", "GitHub", "500", "GitHub acme/shop", "GitHub answered 500", "githubstatus.com"},
		{"github", "GitHub", "503", "GitHub acme/shop", "GitHub answered 503", "githubstatus.com"},
		{"gitlab", "GitLab", "401", "GitLab acme/platform/shop", "rejected the token (401)", "with the read_api scope"},
		{"gitlab", "GitLab", "403", "GitLab acme/platform/shop", "(403: 403 Forbidden)", "at least the Reporter role"},
		{"gitlab", "GitLab", "404", "GitLab acme/platform/shop", "not found (404", "Check the project path"},
		{"gitlab", "GitLab", "429", "acme/platform/shop", "GitLab's rate limit", "Refresh after that, or raise the timeout"},
		{"gitlab", "GitLab", "429-reset", "acme/platform/shop", "GitLab's rate limit", "Refresh after that, or raise the timeout"},
		{"gitlab", "GitLab", "500", "GitLab acme/platform/shop", "GitLab answered 500", "refresh later"},
		{"gitlab", "GitLab", "503", "GitLab acme/platform/shop", "GitLab answered 503", "refresh later"},
		{"pagerduty", "PagerDuty", "401", "PagerDuty services", "rejected the API key (401)", "Set a valid read-only REST API key"},
		{"pagerduty", "PagerDuty", "403", "PagerDuty services", "(403: Access Denied", "Use a read-only account API key"},
		{"pagerduty", "PagerDuty", "429", "PagerDuty services", "PagerDuty's API rate limit (429)", "Refresh after that, or raise the timeout"},
		{"pagerduty", "PagerDuty", "503", "PagerDuty services", "PagerDuty answered 503", "status.pagerduty.com"},
		{"jira", "Jira", "401", "Jira incidents", "rejected the credentials (401)", "set the account email and an API token"},
		{"jira", "Jira", "403", "Jira incidents", "(403: You do not have permission", "Browse projects permission"},
		{"jira", "Jira", "429", "Jira incidents", "Jira's rate limit (429)", "Refresh after that, or raise the timeout"},
		{"jira", "Jira", "503", "Jira incidents", "Jira answered 503", "Refresh later"},
		{"argocd", "Argo CD", "401", "Argo CD", "rejected the token (401)", "Generate a token for a read-only account"},
		{"argocd", "Argo CD", "403", "Argo CD", "(403: permission denied)", "role:readonly policy"},
		{"argocd", "Argo CD", "503", "Argo CD", "Argo CD answered 503", "refresh later"},
		{"annotations", "Grafana annotations", "401", "Grafana annotations", "rejected the request (401)", "set a valid service account token"},
		{"annotations", "Grafana annotations", "403", "Grafana annotations", "(403: You do not have permission)", "annotations:read permission"},
		{"annotations", "Grafana annotations", "500", "Grafana annotations", "Grafana answered 500", "refresh later"},
		{"datasource", "Data source bridge", "401", `Mapping "Deployments"`, "rejected the request (401)", "set a valid service account token"},
		{"datasource", "Data source bridge", "403", `Mapping "Deployments"`, "(403: You do not have permission)", "query permission on each mapping's data source"},
		{"datasource", "Data source bridge", "500", `Mapping "Deployments"`, "Grafana answered 500", "refresh later"},
	}
	tested := map[string]bool{}
	for _, tc := range tests {
		failing := tc.key
		tested[failing+" "+tc.fault] = true
		t.Run(tc.provider+" "+tc.fault, func(t *testing.T) {
			t.Parallel() // 5xx answers are retried with backoff (seconds); the cases wait side by side
			pair := pairs[failing]
			inst := front.instance(map[string]string{failing: tc.fault, pair.other: "ok"})
			started := time.Now()
			resp, err := p.QueryData(deadline(t, 3*time.Minute), inst, pairQueries(fakes, failing), false)
			if err != nil {
				t.Fatal(err)
			}
			took := time.Since(started)
			for _, ref := range []string{"Metric", "Events"} {
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
				if strings.Contains(text, "..") {
					t.Errorf("query %s: notices %q end a sentence twice (a complete message with a second fix appended)", ref, text)
				}
			}
			if pair.onCall {
				// PagerDuty knows the rota: its failure is the on-call query's notice; Jira's leaves the rota shown.
				r := resp.Responses["OnCall"]
				rows := 0
				if len(r.Frames) > 0 {
					rows = r.Frames[0].Rows()
				}
				if failing == "pagerduty" && (rows != 0 || !strings.Contains(notices(r), tc.status)) {
					t.Errorf("on call with PagerDuty failing: %d rows, notices %q; want none and %q", rows, notices(r), tc.status)
				}
				if failing == "jira" && rows == 0 {
					t.Errorf("on call with Jira failing: no rows from PagerDuty; %q", messages(r))
				}
			}
			got := rowsByProvider(resp.Responses["Events"].Frames)
			if got[failing] != 0 || got[pair.other] != baseline[pair.other] {
				t.Errorf("%s by provider %v; want %s's %d and none from %s", pair.entity, got, pair.other, baseline[pair.other], failing)
			}
			if sets := seriesLabels(resp.Responses["Metric"].Frames); !strings.Contains(sets, "source="+pair.other) {
				t.Errorf("metric series %s; want %s's series", sets, pair.other)
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
			// The health check names the source by its name in the form or its id ("datasource: mapping ...").
			if !strings.Contains(health.Message, tc.provider) && !strings.Contains(health.Message, tc.key+":") {
				t.Errorf("health message %q; want %q or %q", health.Message, tc.provider, tc.key)
			}
			for _, w := range []string{tc.status, tc.fix} {
				if !strings.Contains(health.Message, w) {
					t.Errorf("health message %q; want %q", health.Message, w)
				}
			}
			if strings.Contains(health.Message+string(health.JSONDetails), token) {
				t.Fatalf("the health result shows the token")
			}
			t.Logf("query in %s: %s | health %v: %s", took.Round(time.Millisecond), notices(resp.Responses["Events"]), health.Status, health.Message)
		})
	}
	for provider, urls := range fakes.Fakes {
		for fault := range urls {
			if fault != "ok" && !tested[provider+" "+fault] {
				t.Errorf("providerFakes.ts serves the fault %s %s, which no case here tests", provider, fault)
			}
		}
	}
}

// TestCertificateNotTrusted: without the certificate in SSL_CERT_FILE, the executable refuses the TLS servers
// (no fallback to an unverified connection), says so for each provider, and sends no token.
func TestCertificateNotTrusted(t *testing.T) {
	fakes := startProviderFakes(t)
	front := startProviderFront(t, fakes)
	p := start(t.Context(), t, "SSL_CERT_FILE="+filepath.Join(t.TempDir(), "none.pem"), "DORA_RESULT_CACHE_SECONDS=0")
	inst := front.instance(map[string]string{"github": "ok", "gitlab": "ok", "pagerduty": "ok", "jira": "ok", "argocd": "ok", "annotations": "ok", "datasource": "ok"})
	resp, err := p.QueryData(deadline(t, 2*time.Minute), inst, pairQueries(fakes, "github"), false)
	if err != nil {
		t.Fatal(err)
	}
	text := notices(resp.Responses["Events"])
	for _, w := range []string{"GitHub", "GitLab", "PagerDuty", "Jira", "Argo CD", "Grafana annotations", `Mapping "Deployments"`, "certificate signed by unknown authority"} {
		if !strings.Contains(text, w) {
			t.Errorf("notices %q; want %q", text, w)
		}
	}
	for _, notice := range strings.Split(text, " | ") {
		if strings.Count(notice, "failed before a response arrived") > 1 || strings.Count(notice, "x509:") > 1 {
			t.Errorf("notice %q says the same thing twice", notice)
		}
	}
	for _, provider := range []string{"github", "gitlab", "pagerduty", "jira", "argocd", "grafana"} {
		if front.credentials(provider) != "" {
			t.Errorf("%s received the token over a connection the executable does not trust", provider)
		}
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
