// Package harness starts the built backend executable (dist/gpx_dora_<os>_<arch>) the way Grafana does, with
// hashicorp/go-plugin's handshake (protocol 2, magic cookie grafana_plugin_type=datasource, gRPC only), and
// calls it through the SDK's gRPC services: CheckHealth and QueryData, frames decoded from Arrow. The harness
// tests, the differential test and `npm run bench:backend` use it.
package harness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

// PluginID is the id Grafana passes in every plugin context (plugin.json "id").
const PluginID = "opendora-dora-datasource"

// EnvBinary names an executable to use instead of the one dist/ holds for this platform.
const EnvBinary = "DORA_BACKEND_BINARY"

// maxMessageBytes: Grafana raises gRPC's 4 MiB receive limit for plugin responses; so does the harness.
const maxMessageBytes = 256 << 20

// BinaryPath is where `bash scripts/build-backend.sh --host` puts this platform's executable, below root.
func BinaryPath(root string) string {
	if p := os.Getenv(EnvBinary); p != "" {
		return p
	}
	name := fmt.Sprintf("gpx_dora_%s_%s", runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return filepath.Join(root, "dist", name)
}

// RepoRoot is the repository holding this package (the directory of go.mod above the working directory).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Output collects what the plugin writes to stderr (its log lines), safe for concurrent writes.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

// String is everything written so far.
func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// Plugin is one running backend process.
type Plugin struct {
	client      *goplugin.Client
	data        grpcplugin.DataClient
	diagnostics grpcplugin.DiagnosticsClient
	// Stderr holds the plugin's log output.
	Stderr *Output
	// Handshake is how long the start and the handshake took.
	Handshake time.Duration
}

// Start runs the executable with env added to this process's environment (env wins over a variable of the same
// name), performs the handshake and connects the data and diagnostics services. Close stops it.
func Start(ctx context.Context, binary string, env ...string) (*Plugin, error) {
	if _, err := os.Stat(binary); err != nil {
		return nil, fmt.Errorf("the backend executable %s is missing; build it with `bash scripts/build-backend.sh --host`: %w", binary, err)
	}
	out := &Output{}
	cmd := exec.CommandContext(ctx, binary)
	cmd.Env = append(os.Environ(), env...)
	started := time.Now()
	client := goplugin.NewClient(&goplugin.ClientConfig{
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  grpcplugin.ProtocolVersion,
			MagicCookieKey:   grpcplugin.MagicCookieKey,
			MagicCookieValue: grpcplugin.MagicCookieValue,
		},
		VersionedPlugins: map[int]goplugin.PluginSet{grpcplugin.ProtocolVersion: {
			"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
			"data":        &grpcplugin.DataGRPCPlugin{},
			"resource":    &grpcplugin.ResourceGRPCPlugin{},
		}},
		Cmd: cmd,
		// go-plugin would append this process's environment after cmd.Env, so a variable set here too (such as
		// SSL_CERT_FILE) would override env; cmd.Env already holds it.
		SkipHostEnv:      true,
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		Stderr:           out,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "gpx_dora", Output: out, Level: hclog.Debug}),
		StartTimeout:     30 * time.Second,
		GRPCDialOptions:  []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessageBytes), grpc.MaxCallSendMsgSize(maxMessageBytes))},
	})
	rpc, err := client.Client()
	if err != nil {
		client.Kill()
		return nil, fmt.Errorf("the go-plugin handshake with %s failed: %w (plugin output: %s)", binary, err, out.String())
	}
	p := &Plugin{client: client, Stderr: out, Handshake: time.Since(started)}
	raw, err := rpc.Dispense("data")
	if err != nil {
		client.Kill()
		return nil, fmt.Errorf("the plugin serves no data service: %w", err)
	}
	var ok bool
	if p.data, ok = raw.(grpcplugin.DataClient); !ok {
		client.Kill()
		return nil, fmt.Errorf("the data service has type %T", raw)
	}
	if raw, err = rpc.Dispense("diagnostics"); err != nil {
		client.Kill()
		return nil, fmt.Errorf("the plugin serves no diagnostics service: %w", err)
	}
	if p.diagnostics, ok = raw.(grpcplugin.DiagnosticsClient); !ok {
		client.Kill()
		return nil, fmt.Errorf("the diagnostics service has type %T", raw)
	}
	return p, nil
}

// Close stops the process.
func (p *Plugin) Close() { p.client.Kill() }

// Pid is the plugin process's id (0 once it exited).
func (p *Plugin) Pid() int {
	if rc := p.client.ReattachConfig(); rc != nil {
		return rc.Pid
	}
	return 0
}

// PeakRSSMiB is the process's peak resident set (Linux /proc VmHWM); 0 where unknown.
func (p *Plugin) PeakRSSMiB() float64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.Pid()))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// CPUSeconds is the CPU time (user + system) the process has used so far (Linux /proc); 0 where unknown. On a
// busy machine it tells the work apart from the waiting.
func (p *Plugin) CPUSeconds() float64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.Pid()))
	if err != nil {
		return 0
	}
	// Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field
	// of the line, stime the 15th, in clock ticks (100 per second on Linux).
	_, rest, ok := strings.Cut(string(raw), ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 13 {
		return 0
	}
	utime, err1 := strconv.ParseFloat(fields[11], 64)
	stime, err2 := strconv.ParseFloat(fields[12], 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return (utime + stime) / 100
}

// Instance is a data source instance as Grafana passes it in the plugin context.
type Instance struct {
	UID      string
	JSONData []byte
	Secure   map[string]string
	// Updated changes when the settings change (Grafana then makes a new instance).
	Updated time.Time
}

func (i Instance) pluginContext() backend.PluginContext {
	updated := i.Updated
	if updated.IsZero() {
		updated = time.Unix(1_700_000_000, 0)
	}
	return backend.PluginContext{
		OrgID:    1,
		PluginID: PluginID,
		DataSourceInstanceSettings: &backend.DataSourceInstanceSettings{
			ID: 1, UID: i.UID, Type: PluginID, Name: "DORA Metrics (" + i.UID + ")",
			JSONData: i.JSONData, DecryptedSecureJSONData: i.Secure, Updated: updated,
		},
	}
}

// CheckHealth calls Diagnostics.CheckHealth for the instance.
func (p *Plugin) CheckHealth(ctx context.Context, inst Instance) (*backend.CheckHealthResult, error) {
	req := &pluginv2.CheckHealthRequest{PluginContext: backend.ToProto().PluginContext(inst.pluginContext())}
	resp, err := p.diagnostics.CheckHealth(ctx, req)
	if err != nil {
		return nil, err
	}
	return backend.FromProto().CheckHealthResponse(resp), nil
}

// QueryData calls Data.QueryData for the instance; fromAlert adds the header Grafana's alerting sets.
func (p *Plugin) QueryData(ctx context.Context, inst Instance, queries []backend.DataQuery, fromAlert bool) (*backend.QueryDataResponse, error) {
	req := &backend.QueryDataRequest{PluginContext: inst.pluginContext(), Queries: queries, Headers: map[string]string{}}
	if fromAlert {
		req.Headers[backend.FromAlertHeaderName] = "true"
	}
	resp, err := p.data.QueryData(ctx, backend.ToProto().QueryDataRequest(req))
	if err != nil {
		return nil, err
	}
	return backend.FromProto().QueryDataResponse(resp)
}

// Query is a query model with its range, as a dashboard panel or an alert rule sends it.
func Query(refID string, model string, from, to time.Time) backend.DataQuery {
	return backend.DataQuery{
		RefID: refID, JSON: []byte(model), TimeRange: backend.TimeRange{From: from, To: to},
		Interval: time.Minute, MaxDataPoints: 1000, QueryType: "",
	}
}

var _ io.Writer = (*Output)(nil)

func fileInfo(path string) (os.FileInfo, error) { return os.Stat(path) }
