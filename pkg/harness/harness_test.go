// The built executable started the way Grafana starts it (go-plugin handshake, gRPC): CheckHealth and QueryData
// with and without alerting's FromAlert header, frames decoded from Arrow and checked alertable.
package harness

import (
	"encoding/json"
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

// demoNow is the clock of the demo instance (a fixed day, so runs are repeatable).
var demoNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func demoEnv() string { return fmt.Sprintf("DORA_FIXED_NOW_MS=%d", demoNow.UnixMilli()) }

var demo = Instance{UID: "demo", JSONData: []byte(`{"demoEnabled":true}`)}

// sampleServer serves examples/events.sample.json at /events.json.
func sampleServer(t *testing.T) *httptest.Server {
	t.Helper()
	sample, err := os.ReadFile(filepath.Join(root(t), "examples", "events.sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/events.json" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(sample)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func eventsURLInstance(uid string, urls ...string) Instance {
	settings, _ := json.Marshal(map[string]any{"eventsUrl": map[string]any{"enabled": true, "urls": urls, "useToken": true, "timeoutSeconds": 2}})
	return Instance{UID: uid, JSONData: settings, Secure: map[string]string{"eventsUrlToken": token}}
}

func TestHandshakeAndHealth(t *testing.T) {
	p := start(t.Context(), t, demoEnv())
	t.Logf("handshake with %s: %s", BinaryPath(root(t)), p.Handshake)
	srv := sampleServer(t)
	tests := []struct {
		name    string
		inst    Instance
		status  backend.HealthStatus
		message string
	}{
		{"demo data", demo, backend.HealthStatusOk, ""},
		{"events file on loopback", eventsURLInstance("sample", srv.URL+"/events.json"), backend.HealthStatusOk, ""},
		{"events file missing", eventsURLInstance("missing", srv.URL+"/nope.json"), backend.HealthStatusError, "404"},
		{"settings not an object", Instance{UID: "array", JSONData: []byte(`[1,2]`)}, backend.HealthStatusError, "not a JSON object"},
		{"events URL without URLs", Instance{UID: "nourl", JSONData: []byte(`{"eventsUrl":{"enabled":true,"urls":[]}}`)}, backend.HealthStatusError, "no URL is set"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := p.CheckHealth(deadline(t, time.Minute), tc.inst)
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != tc.status || !strings.Contains(res.Message, tc.message) {
				t.Fatalf("health = %v %q; want %v with %q", res.Status, res.Message, tc.status, tc.message)
			}
			if strings.Contains(res.Message+string(res.JSONDetails), token) {
				t.Fatalf("the health result shows the token: %q %s", res.Message, res.JSONDetails)
			}
		})
	}
}

func TestQueryDataIsAlertable(t *testing.T) {
	p := start(t.Context(), t, demoEnv())
	from, to := demoNow.Add(-30*24*time.Hour), demoNow
	tests := []struct {
		name   string
		model  string
		labels []string
	}{
		{"change fail rate per service", `{"kind":"metric","metric":"changeFailRate","groupBy":"service"}`, []string{"service"}},
		{"days since the last production deployment per service", `{"kind":"metric","metric":"daysSinceLastDeployment","groupBy":"service"}`, []string{"service"}},
		{"recovery median per team", `{"kind":"metric","metric":"recoveryTime","groupBy":"team","aggregation":"median"}`, []string{"team"}},
		{"deployments per day per service", `{"kind":"metric","metric":"deploymentsPerDay","groupBy":"service"}`, []string{"service"}},
	}
	for _, tc := range tests {
		for _, fromAlert := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, FromAlert %t", tc.name, fromAlert), func(t *testing.T) {
				resp, err := p.QueryData(deadline(t, 2*time.Minute), demo, []backend.DataQuery{Query("A", tc.model, from, to)}, fromAlert)
				if err != nil {
					t.Fatal(err)
				}
				r := resp.Responses["A"]
				if r.Error != nil {
					t.Fatalf("query A: %v", r.Error)
				}
				sets, err := alertable(r.Frames, tc.labels...)
				if err != nil {
					t.Fatal(err)
				}
				if len(sets) < 2 {
					t.Fatalf("%d series (%v); the demo has several services and teams", len(sets), sets)
				}
				t.Logf("%d series, e.g. %s", len(sets), sets[0])
			})
		}
	}
}

func TestAlertQueriesStandOnTheirOwn(t *testing.T) {
	p := start(t.Context(), t, demoEnv())
	from, to := demoNow.Add(-30*24*time.Hour), demoNow
	queries := []backend.DataQuery{
		Query("A", `{"kind":"metric","metric":"changeFailRate","groupBy":"service"}`, from, to),
		Query("B", `{"kind":"metric","metric":"changeFailRate","groupBy":"none","filters":{"services":["$service"]}}`, from, to),
	}
	resp, err := p.QueryData(deadline(t, 2*time.Minute), demo, queries, true)
	if err != nil {
		t.Fatal(err)
	}
	if r := resp.Responses["A"]; r.Error != nil || len(r.Frames) == 0 {
		t.Fatalf("query A: %v, %d frames; a complete alert query must be answered", r.Error, len(r.Frames))
	}
	if r := resp.Responses["B"]; r.Error == nil || !strings.Contains(r.Error.Error(), "dashboard variable") {
		t.Fatalf("query B: %v; an alert query naming $service must be refused with a message", r.Error)
	}
	// The same query on a dashboard is answered (the variable is a filter value there).
	resp, err = p.QueryData(deadline(t, 2*time.Minute), demo, queries[1:], false)
	if err != nil {
		t.Fatal(err)
	}
	if r := resp.Responses["B"]; r.Error != nil && strings.Contains(r.Error.Error(), "dashboard variable") {
		t.Fatalf("query B from a dashboard: %v", r.Error)
	}
}

// TestQueryAnswerIgnoresItsNeighbours: a query answers the same whatever else its request holds. A query without a
// time zone is bucketed in UTC even beside one in America/New_York, and the results cache (on, as in production)
// serves that answer, not one bucketed in its neighbour's zone.
func TestQueryAnswerIgnoresItsNeighbours(t *testing.T) {
	from, to := demoNow.Add(-14*24*time.Hour), demoNow
	alone := Query("A", `{"kind":"metric","metric":"deploymentCount","interval":"day","groupBy":"none"}`, from, to)
	zoned := Query("B", `{"kind":"metric","metric":"deploymentCount","interval":"day","groupBy":"none","timezone":"America/New_York"}`, from, to)
	mixed := start(t.Context(), t, demoEnv())
	first, err := mixed.QueryData(deadline(t, 2*time.Minute), demo, []backend.DataQuery{alone, zoned}, false)
	if err != nil {
		t.Fatal(err)
	}
	again, err := mixed.QueryData(deadline(t, 2*time.Minute), demo, []backend.DataQuery{alone}, false)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := start(t.Context(), t, demoEnv()).QueryData(deadline(t, 2*time.Minute), demo, []backend.DataQuery{alone}, false)
	if err != nil {
		t.Fatal(err)
	}
	encode := func(r backend.DataResponse) string {
		if r.Error != nil || len(r.Frames) == 0 {
			t.Fatalf("query A: %v, %d frames", r.Error, len(r.Frames))
		}
		out, err := json.Marshal(r.Frames)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	want := encode(fresh.Responses["A"])
	if encode(first.Responses["A"]) != want {
		t.Error("query A beside a query in America/New_York answered differently from A alone")
	}
	if encode(again.Responses["A"]) != want {
		t.Error("query A alone, from the results cache, answered differently from a fresh process")
	}
	if encode(first.Responses["B"]) == want {
		t.Error("query B (America/New_York) answered like the UTC query; the comparison shows nothing")
	}
}
