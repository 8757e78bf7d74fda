// Where the backend's time goes: runs the data source in this process (the same instance code and embedded
// bundle as the executable, no gRPC) on an events file served on loopback, for the bench queries cold and warm,
// and writes two pprof profiles: JavaScript functions (goja's profiler) and Go (runtime/pprof).
//
//	go run ./bench/backend/profile --file EVENTS.json --from MS --to MS --now MS --queries JSON --out DIR
//	go tool pprof -top DIR/js-cold.pprof
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
	"runtime/pprof"
	"time"

	"github.com/dop251/goja"
	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/opendora/dora-datasource/pkg/harness"
	"github.com/opendora/dora-datasource/pkg/plugin"
)

func main() {
	file := flag.String("file", "", "events file to serve")
	from := flag.Int64("from", 0, "range start, epoch ms")
	to := flag.Int64("to", 0, "range end, epoch ms")
	now := flag.Int64("now", 0, "the fixed clock, epoch ms")
	models := flag.String("queries", `[{"kind":"scorecard","groupBy":"none"},{"kind":"metric","metric":"changeFailRate","groupBy":"service"}]`, "JSON array of query models")
	out := flag.String("out", ".", "directory for the profiles")
	flag.Parse()
	var queries []json.RawMessage
	if err := json.Unmarshal([]byte(*models), &queries); err != nil || *file == "" || *from >= *to || *now == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/backend/profile --file EVENTS.json --from MS --to MS --now MS [--queries JSON] [--out DIR]")
		os.Exit(2)
	}
	if err := run(*file, *from, *to, *now, queries, *out); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(file string, from, to, now int64, models []json.RawMessage, out string) error {
	ctx := context.Background()
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Dir(file))))
	defer srv.Close()
	cfg, err := plugin.ConfigFromEnv()
	if err != nil {
		return err
	}
	fixed := time.UnixMilli(now).UTC()
	cfg.FixedNow = &fixed
	cfg.ResultTTL = 0
	settings, _ := json.Marshal(map[string]any{"eventsUrl": map[string]any{
		"enabled": true, "urls": []string{srv.URL + "/" + filepath.Base(file)}, "timeoutSeconds": 600,
	}})
	ds, err := plugin.NewDatasource(ctx, backend.DataSourceInstanceSettings{UID: "profile", JSONData: settings}, cfg)
	if err != nil {
		return err
	}
	defer ds.Dispose()
	for _, pass := range []struct {
		name  string
		shift time.Duration
	}{{"cold", 0}, {"warm", time.Minute}} {
		queries := make([]backend.DataQuery, len(models))
		for i, m := range models {
			queries[i] = harness.Query(fmt.Sprintf("Q%d", i), string(m), time.UnixMilli(from).Add(pass.shift), time.UnixMilli(to).Add(pass.shift))
		}
		if err := profiled(filepath.Join(out, pass.name), func() error {
			started := time.Now()
			resp, err := ds.QueryData(ctx, &backend.QueryDataRequest{Queries: queries})
			if err != nil {
				return err
			}
			for ref, r := range resp.Responses {
				if r.Error != nil {
					return fmt.Errorf("query %s: %w", ref, r.Error)
				}
			}
			fmt.Printf("%s: %s\n", pass.name, time.Since(started).Round(time.Millisecond))
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// profiled runs fn with goja's and Go's CPU profilers on, writing <prefix>-js.pprof and <prefix>-go.pprof.
func profiled(prefix string, fn func() error) error {
	js, err := os.Create(prefix + "-js.pprof")
	if err != nil {
		return err
	}
	defer js.Close()
	gop, err := os.Create(prefix + "-go.pprof")
	if err != nil {
		return err
	}
	defer gop.Close()
	if err := goja.StartProfile(js); err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(gop); err != nil {
		goja.StopProfile()
		return err
	}
	err = fn()
	pprof.StopCPUProfile()
	goja.StopProfile()
	return err
}
