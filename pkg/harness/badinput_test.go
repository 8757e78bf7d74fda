// Bad input through the built executable: malformed or unknown queries, bad settings, and sources on loopback
// that refuse (401/403/404/429/5xx), hang or answer too much. Each gives a clear message on the query it concerns;
// the other queries, and the other source's data, are still answered; the token never comes back, in frames,
// errors, notices or the plugin's log output.
package harness

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// sampleRange covers examples/events.sample.json.
var sampleFrom, sampleTo = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)

const goodModel = `{"kind":"metric","metric":"deploymentCount","groupBy":"service"}`

// upstream fakes the servers events files are read from: /good.json serves the sample; /status/N answers N
// with a body echoing the Authorization header (so a leak would show); /slow never answers in time; /large
// answers more than the response cap.
func upstream(t *testing.T) *httptest.Server {
	t.Helper()
	sample, err := os.ReadFile(filepath.Join(root(t), "examples", "events.sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/good.json":
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(sample)
		case strings.HasPrefix(r.URL.Path, "/status/"):
			var code int
			_, _ = fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/status/"), "%d", &code)
			if code == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "1")
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			_, _ = fmt.Fprintf(w, `{"message":"refused the credentials %q"}`, r.Header.Get("Authorization"))
		case r.URL.Path == "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(20 * time.Second):
			}
		case r.URL.Path == "/large":
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"deployments":[`))
			chunk := []byte(strings.Repeat(" ", 64<<10))
			for i := 0; i < 48; i++ { // 3 MiB, over the 2 MiB cap the test sets
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			_, _ = w.Write([]byte(`]}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// badEnv caps responses at 2 MiB and upstream requests at 3 s, and turns the results cache off.
var badEnv = []string{demoEnv(), "DORA_MAX_RESPONSE_MB=2", "DORA_REQUEST_TIMEOUT_SECONDS=3", "DORA_RESULT_CACHE_SECONDS=0"}

func TestBadQueries(t *testing.T) {
	p := start(t.Context(), t, badEnv...)
	srv := upstream(t)
	inst := eventsURLInstance("bad-queries", srv.URL+"/good.json")
	tests := []struct {
		name  string
		model string
		alert bool
		want  string
	}{
		{"malformed query JSON", `{"kind":"metric",`, false, "not a JSON object"},
		{"query JSON not an object", `[1,2]`, false, "not a JSON object"},
		{"unknown kind", `{"kind":"forecast"}`, false, "forecast"},
		{"unknown metric", `{"kind":"metric","metric":"velocity"}`, false, `"velocity" is not known`},
		{"unknown group", `{"kind":"metric","metric":"deploymentCount","groupBy":"planet"}`, false, "planet"},
		{"unknown event list", `{"kind":"events","entity":"tickets"}`, false, "tickets"},
		{"dashboard variable in an alert", `{"kind":"metric","metric":"changeFailRate","filters":{"services":["${service}"]}}`, true, "dashboard variable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			queries := []backend.DataQuery{Query("Good", goodModel, sampleFrom, sampleTo), Query("Bad", tc.model, sampleFrom, sampleTo)}
			resp, err := p.QueryData(deadline(t, time.Minute), inst, queries, tc.alert)
			if err != nil {
				t.Fatal(err)
			}
			bad := resp.Responses["Bad"]
			if bad.Error == nil || !strings.Contains(bad.Error.Error(), tc.want) {
				t.Fatalf("query Bad: error %v; want a message containing %q", bad.Error, tc.want)
			}
			if bad.Status < 400 {
				t.Errorf("query Bad: status %d; want a 4xx or 5xx", bad.Status)
			}
			good := resp.Responses["Good"]
			if good.Error != nil || len(good.Frames) == 0 {
				t.Fatalf("query Good: error %v, %d frames; one bad query must not hide the others", good.Error, len(good.Frames))
			}
			if where := leaks(resp); len(where) > 0 {
				t.Fatalf("the token shows in %v", where)
			}
			t.Logf("Bad: %s", bad.Error)
		})
	}
}

func TestBadSettings(t *testing.T) {
	p := start(t.Context(), t, badEnv...)
	tests := []struct {
		name     string
		jsonData string
		want     string
	}{
		{"settings not an object", `"demo"`, "not a JSON object"},
		{"events URL enabled without a URL", `{"eventsUrl":{"enabled":true,"urls":[]}}`, "no URL is set"},
		{"events URL not http", `{"eventsUrl":{"enabled":true,"urls":["ftp://files.example.com/events.json"]}}`, "not an http(s) URL"},
		{"GitHub without repositories", `{"github":{"enabled":true,"apiUrl":"http://127.0.0.1:1","graphqlUrl":"http://127.0.0.1:1/graphql"}}`, "no repository configured"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inst := Instance{UID: strings.ReplaceAll(tc.name, " ", "-"), JSONData: []byte(tc.jsonData), Secure: map[string]string{"githubTokenServer": token}}
			queries := []backend.DataQuery{Query("A", goodModel, sampleFrom, sampleTo), Query("B", `{"kind":"scorecard"}`, sampleFrom, sampleTo)}
			resp, err := p.QueryData(deadline(t, time.Minute), inst, queries, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, ref := range []string{"A", "B"} {
				r := resp.Responses[ref]
				text := messages(r)
				if !strings.Contains(text, tc.want) {
					t.Fatalf("query %s: %q; want a message containing %q", ref, text, tc.want)
				}
			}
			if where := leaks(resp); len(where) > 0 {
				t.Fatalf("the token shows in %v", where)
			}
			health, err := p.CheckHealth(deadline(t, time.Minute), inst)
			if err != nil {
				t.Fatal(err)
			}
			if health.Status != backend.HealthStatusError || !strings.Contains(health.Message, tc.want) {
				t.Fatalf("health %v %q; want an error containing %q", health.Status, health.Message, tc.want)
			}
			t.Logf("A: %v | %s", resp.Responses["A"].Error, notices(resp.Responses["A"]))
		})
	}
}

func TestFailingSources(t *testing.T) {
	p := start(t.Context(), t, badEnv...)
	srv := upstream(t)
	tests := []struct {
		name string
		path string
		want []string
	}{
		{"401 unauthorized", "/status/401", []string{"401"}},
		{"403 forbidden", "/status/403", []string{"403"}},
		{"404 not found", "/status/404", []string{"404"}},
		{"429 rate limited", "/status/429", []string{"429"}},
		{"500 server error", "/status/500", []string{"500"}},
		{"503 unavailable", "/status/503", []string{"503"}},
		{"times out", "/slow", []string{"time"}},
		{"answers too much", "/large", []string{"larger than 2 MB", "DORA_MAX_RESPONSE_MB"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inst := eventsURLInstance("failing-"+strings.ReplaceAll(tc.name, " ", "-"), srv.URL+"/good.json", srv.URL+tc.path)
			queries := []backend.DataQuery{
				Query("A", goodModel, sampleFrom, sampleTo),
				Query("B", `{"kind":"events","entity":"deployments"}`, sampleFrom, sampleTo),
			}
			started := time.Now()
			resp, err := p.QueryData(deadline(t, 2*time.Minute), inst, queries, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, ref := range []string{"A", "B"} {
				r := resp.Responses[ref]
				text := messages(r)
				for _, w := range append([]string{tc.path}, tc.want...) {
					if !strings.Contains(text, w) {
						t.Errorf("query %s: %q; want the failing file's URL and %q", ref, text, w)
					}
				}
				if len(r.Frames) == 0 {
					t.Errorf("query %s: no frames; the other file's events must still be shown", ref)
				}
				if tc.path != "/slow" && strings.Contains(text, "failed before a response arrived") {
					t.Errorf("query %s: %q; the server answered, the message must not say it could not be reached", ref, text)
				}
			}
			if where := leaks(resp); len(where) > 0 {
				t.Fatalf("the token shows in %v", where)
			}
			t.Logf("%s in %s: %s", tc.path, time.Since(started).Round(time.Millisecond), notices(resp.Responses["A"]))
		})
	}
}
