// The backend half of `npm run bench:backend`: serves an events file on loopback, starts the built executable
// the way Grafana does (pkg/harness) with the clock fixed, and times one request of a scorecard and a metric
// query cold (first request of the process), warm (the next evaluation of an alert rule: the same queries a
// minute later, nothing changed upstream) and repeated (the same request again), then reads the process's peak
// resident set. Prints one JSON object.
//
//	go run ./bench/backend/driver --file EVENTS.json --from MS --to MS --now MS --queries '[{"kind":"scorecard"}]'
//
// bench/backend/request.ts holds the queries and the arguments; bench/backend/main.ts runs both sides.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/opendora/dora-datasource/pkg/harness"
)

type figures struct {
	// ColdMs: the first request of the process; WarmMs: the same queries a minute later, nothing changed
	// upstream (an alert rule's next evaluation); RepeatMs: the same request again (the results cache).
	ColdMs   float64 `json:"cold_ms"`
	WarmMs   float64 `json:"warm_ms"`
	RepeatMs float64 `json:"repeat_ms"`
	// CPU time of the plugin process in each (on a busy machine, wall times include waiting for a core).
	ColdCPUMs  float64 `json:"cold_cpu_ms"`
	WarmCPUMs  float64 `json:"warm_cpu_ms"`
	PeakRSSMiB float64 `json:"peak_rss_mb"`
	Series     int     `json:"series"`
}

func main() {
	file := flag.String("file", "", "events file to serve")
	from := flag.Int64("from", 0, "range start, epoch ms")
	to := flag.Int64("to", 0, "range end, epoch ms")
	now := flag.Int64("now", 0, "the fixed clock, epoch ms")
	models := flag.String("queries", "", "JSON array of query models")
	timeout := flag.Duration("timeout", 15*time.Minute, "deadline of the whole run")
	flag.Parse()
	var queries []json.RawMessage
	if err := json.Unmarshal([]byte(*models), &queries); err != nil || *file == "" || *from >= *to || *now == 0 || len(queries) == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/backend/driver --file EVENTS.json --from MS --to MS --now MS --queries JSON")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	out, err := run(ctx, *file, *from, *to, *now, queries)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench driver:", err)
		os.Exit(1)
	}
	encoded, _ := json.Marshal(out)
	fmt.Println(string(encoded))
}

func run(ctx context.Context, file string, from, to, now int64, models []json.RawMessage) (figures, error) {
	root, err := harness.RepoRoot()
	if err != nil {
		return figures{}, err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Dir(file))))
	defer srv.Close()
	p, err := harness.Start(ctx, harness.BinaryPath(root), fmt.Sprintf("DORA_FIXED_NOW_MS=%d", now))
	if err != nil {
		return figures{}, err
	}
	defer p.Close()
	settings, _ := json.Marshal(map[string]any{"eventsUrl": map[string]any{
		"enabled": true, "urls": []string{srv.URL + "/" + filepath.Base(file)}, "timeoutSeconds": 600,
	}})
	inst := harness.Instance{UID: "bench", JSONData: settings}
	request := func(shift time.Duration) (float64, int, error) {
		f, t := time.UnixMilli(from).Add(shift), time.UnixMilli(to).Add(shift)
		queries := make([]backend.DataQuery, len(models))
		for i, m := range models {
			queries[i] = harness.Query(fmt.Sprintf("Q%d", i), string(m), f, t)
		}
		started := time.Now()
		resp, err := p.QueryData(ctx, inst, queries, true)
		elapsed := float64(time.Since(started).Microseconds()) / 1000
		if err != nil {
			return 0, 0, err
		}
		series := 0
		for ref, r := range resp.Responses {
			if r.Error != nil {
				return 0, 0, fmt.Errorf("query %s: %w", ref, r.Error)
			}
			series += len(r.Frames)
		}
		return elapsed, series, nil
	}
	var out figures
	cpu := p.CPUSeconds()
	if out.ColdMs, out.Series, err = request(0); err != nil {
		return out, err
	}
	out.ColdCPUMs, cpu = (p.CPUSeconds()-cpu)*1000, p.CPUSeconds()
	if out.WarmMs, _, err = request(time.Minute); err != nil {
		return out, err
	}
	out.WarmCPUMs = (p.CPUSeconds() - cpu) * 1000
	if out.RepeatMs, _, err = request(time.Minute); err != nil {
		return out, err
	}
	out.PeakRSSMiB = p.PeakRSSMiB()
	if stderr := p.Stderr.String(); os.Getenv("BENCH_PLUGIN_LOG") != "" {
		fmt.Fprint(os.Stderr, stderr)
	}
	return out, nil
}
