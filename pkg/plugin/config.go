// Process-wide configuration of the backend: limits (from the environment), the shared pool and program.
package plugin

import (
	"fmt"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	bundle "github.com/opendora/dora-datasource/pkg/plugin/runtime"
	"github.com/opendora/dora-datasource/pkg/plugin/vm"
)

// ID is the plugin id (plugin.json "id").
const ID = "opendora-dora-datasource"

// Config is shared by every instance of the data source in this process.
type Config struct {
	// Pool bounds the JS runtimes alive across instances.
	Pool *vm.Pool
	// Program returns the compiled entry (compiled once).
	Program func() (*vm.Program, error)
	// PluginJSON holds the routes of the HTTP bridge.
	PluginJSON []byte
	// Now is the clock the entry sees (host.now).
	Now func() time.Time
	// FixedNow, when set, is passed as the request's "now" (tests and benchmarks: a fixed attribution clock).
	FixedNow *time.Time
	// HTTPClient overrides the SDK client (tests).
	HTTPClient *http.Client
	// RequestTimeout and MaxResponseBytes bound each upstream request.
	RequestTimeout   time.Duration
	MaxResponseBytes int64
	// ResultTTL and ResultBytes bound the per-instance results cache (0 TTL disables it).
	ResultTTL   time.Duration
	ResultBytes int
	Logger      log.Logger
}

// Environment variables the backend reads (Grafana forwards host variables listed in its
// [plugins] forward_host_env_vars setting).
const (
	EnvMaxRuntimes     = "DORA_MAX_RUNTIMES"
	EnvRequestTimeout  = "DORA_REQUEST_TIMEOUT_SECONDS"
	EnvMaxResponseMB   = "DORA_MAX_RESPONSE_MB"
	EnvResultCacheSecs = "DORA_RESULT_CACHE_SECONDS"
	// EnvFixedNow (epoch milliseconds) fixes the clock the entry computes with: tests and benchmarks only, so
	// the executable's answers can be compared with Node's for the same instant.
	EnvFixedNow = "DORA_FIXED_NOW_MS"
	// DefaultMemoryLimit is the Go soft memory limit when GOMEMLIMIT is not set.
	DefaultMemoryLimit = 900 << 20
)

var (
	programOnce sync.Once
	program     *vm.Program
	programErr  error
)

// EmbeddedProgram compiles the embedded entry bundle once per process.
func EmbeddedProgram() (*vm.Program, error) {
	programOnce.Do(func() {
		source, err := bundle.Bundle()
		if err != nil {
			programErr = err
			return
		}
		program, programErr = vm.Compile("dora.js", source, "dora")
	})
	return program, programErr
}

// ConfigFromEnv is the production configuration.
func ConfigFromEnv() (Config, error) {
	pluginJSON, err := bundle.PluginJSON()
	if err != nil {
		return Config{}, err
	}
	cfg := Config{
		Pool:             vm.NewPool(envInt(EnvMaxRuntimes, max(2, runtime.GOMAXPROCS(0)))),
		Program:          EmbeddedProgram,
		PluginJSON:       pluginJSON,
		Now:              time.Now,
		RequestTimeout:   time.Duration(envInt(EnvRequestTimeout, 60)) * time.Second,
		MaxResponseBytes: int64(envInt(EnvMaxResponseMB, 256)) << 20,
		ResultTTL:        time.Duration(envInt(EnvResultCacheSecs, 60)) * time.Second,
		ResultBytes:      64 << 20,
		Logger:           log.DefaultLogger,
	}
	if v := os.Getenv(EnvFixedNow); v != "" {
		ms, err := strconv.ParseInt(v, 10, 64)
		if err != nil || ms <= 0 {
			return Config{}, fmt.Errorf("%s=%q is not a time in epoch milliseconds; unset it (it is for tests)", EnvFixedNow, v)
		}
		fixed := time.UnixMilli(ms).UTC()
		cfg.FixedNow = &fixed
	}
	return cfg, nil
}

// ApplyMemoryLimit sets a soft memory limit when GOMEMLIMIT does not, so goja's garbage stays bounded.
func ApplyMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}

func envInt(name string, fallback int) int {
	v := os.Getenv(name)
	if v == "" {
		return fallback
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		log.DefaultLogger.Warn(fmt.Sprintf("%s=%q is not a positive whole number; using %d", name, v, fallback))
		return fallback
	}
	return n
}
