// Tests of the instance: per-query errors, settings problems, redaction, results cache, cancellation, health;
// with a small stand-in entry (the real bundle is exercised by the harness and differential tests).
package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/opendora/dora-datasource/pkg/plugin/vm"
)

const testRoutes = `{"routes":[{"path":"github/rest","method":"GET","url":"{{ .JsonData.github.apiUrl }}",
  "headers":[{"name":"Authorization","content":"Bearer {{ .SecureJsonData.githubToken }}"}]}]}`

// A stand-in entry: kind "count" reads /github/rest/<path> and returns one series; "fail" throws; "leak" puts the
// upstream's body (which echoes the token) in an error, a notice and a value; "health" answers per jsonData.
const testEntry = `var dora = (function () {
  function get(path, signal) {
    return host.request(JSON.stringify({ method: 'GET', url: '/github/rest/' + path }), signal);
  }
  function frame(q, value, extra) {
    return [{ name: 'series', refId: q.refId, meta: { notices: extra ? [{ severity: 'warning', text: extra }] : [] },
      fields: [{ name: 'time', type: 'time', values: [q.from] },
               { name: 'value', type: 'number', values: [value], labels: { service: String(q.query.service || 'all') } }] }];
  }
  function one(req, q, signal) {
    switch (q.query.kind) {
      case 'count': return get(q.query.path || 'count', signal).then(function (r) {
        if (r.status !== 200) { return { error: 'Query ' + q.refId + ': GitHub answered ' + r.status, status: r.status }; }
        return { frames: frame(q, JSON.parse(r.body).n, req.fromAlert ? 'from alert' : '') };
      });
      case 'leak': return get('echo', signal).then(function (r) {
        return { error: 'upstream said ' + r.body, frames: frame(q, 1, r.body) };
      });
      case 'fail': throw new Error('Query ' + q.refId + ': unknown metric "nope"; use one of deploymentCount, leadTime');
      default: return { error: 'Query ' + q.refId + ': unknown kind ' + JSON.stringify(q.query.kind), status: 400 };
    }
  }
  return {
    query: function (json, signal) {
      var req = JSON.parse(json);
      host.log('info', 'settings ' + JSON.stringify(req.settings));
      return Promise.all(req.queries.map(function (q) {
        return Promise.resolve().then(function () { return one(req, q, signal); })
          .catch(function (e) { return { error: e.message, status: 400 }; })
          .then(function (r) { return [q.refId, r]; });
      })).then(function (pairs) {
        var results = {};
        pairs.forEach(function (p) { results[p[0]] = p[1]; });
        return JSON.stringify({ results: results });
      });
    },
    checkHealth: function (json) {
      var s = JSON.parse(json);
      var status = s.jsonData.health || 'OK';
      return Promise.resolve(JSON.stringify({ status: status, message: 'checked ' + s.secureKeys.join(','), details: { keys: s.secureKeys } }));
    }
  };
})();`

const token = "ghp_secretTOKEN_abcdefghijklmnop"

type capture struct {
	mu    sync.Mutex
	lines []string
}

func (c *capture) add(level, msg string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, level+" "+msg+" "+fmt.Sprint(args...))
}
func (c *capture) Debug(msg string, args ...any)          { c.add("debug", msg, args...) }
func (c *capture) Info(msg string, args ...any)           { c.add("info", msg, args...) }
func (c *capture) Warn(msg string, args ...any)           { c.add("warn", msg, args...) }
func (c *capture) Error(msg string, args ...any)          { c.add("error", msg, args...) }
func (c *capture) With(...any) log.Logger                 { return c }
func (c *capture) Level() log.Level                       { return log.Debug }
func (c *capture) FromContext(context.Context) log.Logger { return c }

type fixture struct {
	ds       *Datasource
	hits     *atomic.Int64
	logs     *capture
	upstream *httptest.Server
}

func newFixture(t *testing.T, jsonData string) fixture {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch strings.TrimPrefix(r.URL.Path, "/api/") {
		case "count":
			_, _ = w.Write([]byte(`{"n": 42}`))
		case "echo":
			_, _ = w.Write([]byte(`{"message":"your header was ` + r.Header.Get("Authorization") + `"}`))
		case "slow":
			select {
			case <-time.After(10 * time.Second):
			case <-r.Context().Done():
			}
		case "401", "403", "404", "429", "500", "502":
			code := 0
			_, _ = fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/api/"), &code)
			w.WriteHeader(code)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	prog, err := vm.Compile("test-entry.js", testEntry, "dora")
	if err != nil {
		t.Fatal(err)
	}
	logs := &capture{}
	cfg := Config{
		Pool:           vm.NewPool(2),
		Program:        func() (*vm.Program, error) { return prog, nil },
		PluginJSON:     []byte(testRoutes),
		RequestTimeout: 5 * time.Second,
		ResultTTL:      time.Minute,
		ResultBytes:    1 << 20,
		Logger:         logs,
	}
	if jsonData == "" {
		jsonData = `{"github":{"apiUrl":"` + srv.URL + `/api"}}`
	}
	ds, err := NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "dora-test", Name: "DORA", JSONData: []byte(jsonData),
		DecryptedSecureJSONData: map[string]string{"githubTokenServer": token, "unused": ""},
	}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ds.Dispose)
	return fixture{ds: ds, hits: &hits, logs: logs, upstream: srv}
}

func query(refID, model string, from time.Time) backend.DataQuery {
	return backend.DataQuery{RefID: refID, JSON: json.RawMessage(model), TimeRange: backend.TimeRange{From: from, To: from.Add(24 * time.Hour)}, Interval: time.Minute, MaxDataPoints: 100}
}

var day = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// One request with good and bad queries: each bad one gets its own clear error, the good ones their frames.
func TestQueryDataAnswersEachQuery(t *testing.T) {
	f := newFixture(t, "")
	req := &backend.QueryDataRequest{Queries: []backend.DataQuery{
		query("A", `{"kind":"count"}`, day),
		query("B", `{"kind":`, day),
		query("C", `{"kind":"mystery"}`, day),
		query("D", `{"kind":"fail"}`, day),
		query("E", `[1,2]`, day),
	}}
	for _, code := range []string{"401", "403", "404", "429", "500", "502"} {
		req.Queries = append(req.Queries, query("H"+code, `{"kind":"count","path":"`+code+`"}`, day))
	}
	resp, err := f.ds.QueryData(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		refID, wantErr string
		status         backend.Status
	}{
		{"A", "", 0},
		{"B", "Query B: the query is not a JSON object (invalid JSON", backend.StatusBadRequest},
		{"C", `Query C: unknown kind "mystery"`, backend.StatusBadRequest},
		{"D", `Query D: unknown metric "nope"`, backend.StatusBadRequest},
		{"E", "Query E: the query is not a JSON object", backend.StatusBadRequest},
		{"H401", "GitHub answered 401", 401},
		{"H403", "GitHub answered 403", 403},
		{"H404", "GitHub answered 404", 404},
		{"H429", "GitHub answered 429", 429},
		{"H500", "GitHub answered 500", 500},
		{"H502", "GitHub answered 502", 502},
	}
	for _, tt := range tests {
		t.Run(tt.refID, func(t *testing.T) {
			r := resp.Responses[tt.refID]
			if tt.wantErr == "" {
				if r.Error != nil || len(r.Frames) != 1 {
					t.Fatalf("error %v, %d frames", r.Error, len(r.Frames))
				}
				v, _ := r.Frames[0].Fields[1].ConcreteAt(0)
				if v != 42.0 || r.Frames[0].RefID != tt.refID {
					t.Fatalf("value %v refId %s", v, r.Frames[0].RefID)
				}
				return
			}
			if r.Error == nil || !strings.Contains(r.Error.Error(), tt.wantErr) {
				t.Fatalf("error %v, want %q", r.Error, tt.wantErr)
			}
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d", r.Status, tt.status)
			}
		})
	}
}

func TestFromAlertReachesEntry(t *testing.T) {
	f := newFixture(t, "")
	resp, err := f.ds.QueryData(context.Background(), &backend.QueryDataRequest{
		Headers: map[string]string{backend.FromAlertHeaderName: "true"},
		Queries: []backend.DataQuery{query("A", `{"kind":"count"}`, day)},
	})
	if err != nil {
		t.Fatal(err)
	}
	notices := resp.Responses["A"].Frames[0].Meta.Notices
	if len(notices) != 1 || notices[0].Text != "from alert" {
		t.Fatalf("notices %+v", notices)
	}
}

func TestSecretsNeverLeave(t *testing.T) {
	f := newFixture(t, "")
	resp, err := f.ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{query("A", `{"kind":"leak"}`, day)}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error == nil || !strings.Contains(r.Error.Error(), "[redacted]") {
		t.Fatalf("error %v", r.Error)
	}
	encoded, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	health, _ := f.ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	all := string(encoded) + r.Error.Error() + health.Message + string(health.JSONDetails) + strings.Join(f.logs.lines, "\n")
	if strings.Contains(all, token) || strings.Contains(all, "secretTOKEN") {
		t.Fatalf("the token leaked: %s", all)
	}
	if !strings.Contains(strings.Join(f.logs.lines, "\n"), `"secureKeys":["githubTokenServer"]`) {
		t.Fatalf("the entry should see the names of the secure keys: %v", f.logs.lines)
	}
}

func TestSettingsProblems(t *testing.T) {
	tests := []struct{ name, jsonData, want string }{
		{"not json", `{"github":`, "the data source settings (jsonData) are not a JSON object"},
		{"array", `[1]`, "the data source settings (jsonData) are not a JSON object"},
		{"missing url", `{"github":{}}`, "GitHub answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.jsonData)
			resp, err := f.ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{query("A", `{"kind":"count"}`, day)}})
			if err != nil {
				t.Fatal(err)
			}
			got := resp.Responses["A"].Error
			if tt.name == "missing url" {
				// the bridge rejects: the entry's promise rejects with the bridge's message
				if got == nil || !strings.Contains(got.Error(), "needs a URL this data source does not set (jsonData has no apiUrl)") {
					t.Fatalf("error %v", got)
				}
				return
			}
			if got == nil || !strings.Contains(got.Error(), tt.want) {
				t.Fatalf("error %v, want %q", got, tt.want)
			}
			health, _ := f.ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
			if health.Status != backend.HealthStatusError || !strings.Contains(health.Message, tt.want) {
				t.Fatalf("health %+v", health)
			}
		})
	}
}

func TestResultsCacheAndDispose(t *testing.T) {
	f := newFixture(t, "")
	ask := func(model string, from time.Time) backend.DataResponse {
		resp, err := f.ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{query("X", model, from)}})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Responses["X"]
	}
	ask(`{"kind":"count","refId":"X"}`, day)
	ask(`{"refId":"Y","kind":"count"}`, day.Add(20*time.Second)) // same query, same minute, other refId
	if n := f.hits.Load(); n != 1 {
		t.Fatalf("%d upstream requests, want 1 (cached)", n)
	}
	if r := ask(`{"kind":"count"}`, day.Add(time.Hour)); r.Error != nil || r.Frames[0].RefID != "X" {
		t.Fatalf("%+v", r)
	}
	if n := f.hits.Load(); n != 2 {
		t.Fatalf("%d upstream requests, want 2 (other range)", n)
	}
	ask(`{"kind":"count","path":"500"}`, day)
	ask(`{"kind":"count","path":"500"}`, day)
	if n := f.hits.Load(); n != 4 {
		t.Fatalf("%d upstream requests, want 4 (errors are not cached)", n)
	}
	f.ds.Dispose()
	resp, err := f.ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{query("X", `{"kind":"count","n":2}`, day)}})
	if err != nil {
		t.Fatal(err)
	}
	if e := resp.Responses["X"].Error; e == nil || !strings.Contains(e.Error(), "stopped") {
		t.Fatalf("after dispose: %v", e)
	}
}

func TestCancelledQuery(t *testing.T) {
	f := newFixture(t, "")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	began := time.Now()
	resp, err := f.ds.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{query("A", `{"kind":"count","path":"slow"}`, day)}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error == nil || !strings.Contains(r.Error.Error(), "cancelled or timed out") || r.Status != backend.StatusTimeout {
		t.Fatalf("%+v", r)
	}
	if time.Since(began) > 3*time.Second {
		t.Fatal("cancellation was slow")
	}
	// the next query starts a fresh runtime and is answered
	resp, _ = f.ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{query("A", `{"kind":"count"}`, day)}})
	if r := resp.Responses["A"]; r.Error != nil {
		t.Fatal(r.Error)
	}
}

func TestHealthStatuses(t *testing.T) {
	tests := []struct {
		health  string
		status  backend.HealthStatus
		details string
	}{
		{"OK", backend.HealthStatusOk, `{"keys":["githubTokenServer"]}`},
		{"WARNING", backend.HealthStatusOk, `{"details":{"keys":["githubTokenServer"]},"severity":"warning"}`},
		{"ERROR", backend.HealthStatusError, `{"keys":["githubTokenServer"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.health, func(t *testing.T) {
			f := newFixture(t, `{"health":"`+tt.health+`"}`)
			got, err := f.ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.status || got.Message != "checked githubTokenServer" || string(got.JSONDetails) != tt.details {
				t.Fatalf("%+v %s", got, got.JSONDetails)
			}
		})
	}
}
