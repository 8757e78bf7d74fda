// The data source instance: QueryData and CheckHealth run the embedded entry in a runtime of the shared pool,
// with the HTTP bridge of this instance's settings and a results cache; everything is dropped on Dispose
// (Grafana makes a new instance when the settings change).
package plugin

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/opendora/dora-datasource/pkg/plugin/bridge"
	"github.com/opendora/dora-datasource/pkg/plugin/frames"
	"github.com/opendora/dora-datasource/pkg/plugin/vm"
)

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

// Datasource is one configured instance.
type Datasource struct {
	cfg         Config
	settings    string // the entry's settings JSON
	settingsErr error
	bridge      *bridge.Bridge
	redact      *bridge.Redactor
	logger      log.Logger
	results     *resultCache

	mu       sync.Mutex
	rt       *vm.Runtime
	disposed bool
}

// NewDatasourceFactory makes instances with a process-wide configuration.
func NewDatasourceFactory(cfg Config) datasource.InstanceFactoryFunc {
	return func(ctx context.Context, s backend.DataSourceInstanceSettings) (instancemgmt.Instance, error) {
		return NewDatasource(ctx, s, cfg)
	}
}

// NewDatasource builds an instance. Invalid settings do not fail here: every query and the health check
// report them, so the user sees the message in Grafana.
func NewDatasource(_ context.Context, s backend.DataSourceInstanceSettings, cfg Config) (*Datasource, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.DefaultLogger
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	d := &Datasource{cfg: cfg, redact: bridge.NewRedactor(s.DecryptedSecureJSONData)}
	d.logger = cfg.Logger.With("datasource", s.UID)
	d.results = newResultCache(cfg.ResultTTL, cfg.ResultBytes, cfg.Now)
	es, err := readSettings(s)
	if err != nil {
		d.settingsErr = err
	}
	encoded, err := json.Marshal(es)
	if err != nil {
		d.settingsErr = fmt.Errorf("the data source settings cannot be read: %v", err)
	}
	d.settings = string(encoded)
	b, err := bridge.New(cfg.PluginJSON, es.JSONData, s.DecryptedSecureJSONData, bridge.Options{
		Client:           cfg.HTTPClient,
		Timeout:          cfg.RequestTimeout,
		MaxResponseBytes: cfg.MaxResponseBytes,
		Log:              d.log,
	})
	if err != nil {
		return nil, fmt.Errorf("the plugin's routes cannot be read: %w", err)
	}
	d.bridge = b
	return d, nil
}

// Dispose drops the runtime (and with it the entry's caches) and the results cache.
func (d *Datasource) Dispose() {
	d.mu.Lock()
	d.disposed = true
	rt := d.rt
	d.rt = nil
	d.mu.Unlock()
	if rt != nil {
		rt.Close()
	}
	d.results.clear()
}

// host implements vm.Host for this instance.
type host struct{ d *Datasource }

func (h host) Request(ctx context.Context, req string) (vm.Response, error) {
	resp, err := h.d.bridge.Do(ctx, req)
	return vm.Response(resp), err
}
func (h host) Now() time.Time            { return h.d.cfg.Now() }
func (h host) Log(level, message string) { h.d.log(level, message) }

func (d *Datasource) log(level, message string) {
	message = d.redact.String(message)
	switch level {
	case "error":
		d.logger.Error(message)
	case "warn":
		d.logger.Warn(message)
	case "info":
		d.logger.Info(message)
	default:
		d.logger.Debug(message)
	}
}

// call runs an entry function on this instance's runtime, starting one when needed (once more if the pool
// evicted it between getting it and calling it).
func (d *Datasource) call(ctx context.Context, fn, arg string) (string, error) {
	for attempt := 0; ; attempt++ {
		rt, err := d.runtime(ctx)
		if err != nil {
			return "", err
		}
		out, err := rt.Call(ctx, fn, arg)
		if errors.Is(err, vm.ErrClosed) && attempt == 0 && ctx.Err() == nil {
			continue
		}
		return out, err
	}
}

func (d *Datasource) runtime(ctx context.Context) (*vm.Runtime, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.disposed {
		return nil, vm.ErrClosed
	}
	if d.rt != nil && !d.rt.Closed() {
		return d.rt, nil
	}
	prog, err := d.cfg.Program()
	if err != nil {
		return nil, fmt.Errorf("the query engine cannot start: %w", err)
	}
	rt, err := d.cfg.Pool.New(ctx, prog, host{d})
	if err != nil {
		return nil, fmt.Errorf("the query engine cannot start: %w", err)
	}
	d.rt = rt
	return rt, nil
}

// entry request and response (SERVER-CONTRACT "dora.query").
type entryQuery struct {
	RefID         string          `json:"refId"`
	Query         json.RawMessage `json:"query"`
	From          int64           `json:"from"`
	To            int64           `json:"to"`
	IntervalMs    int64           `json:"intervalMs"`
	MaxDataPoints int64           `json:"maxDataPoints"`
}

type entryRequest struct {
	Settings  json.RawMessage `json:"settings"`
	Queries   []entryQuery    `json:"queries"`
	FromAlert bool            `json:"fromAlert"`
	Now       *int64          `json:"now,omitempty"`
}

type entryResult struct {
	Frames      json.RawMessage `json:"frames"`
	Error       string          `json:"error"`
	Status      int             `json:"status"`
	ErrorSource string          `json:"errorSource"`
}

type entryResponse struct {
	Results map[string]entryResult `json:"results"`
}

// QueryData answers each query: from the results cache, else through one call of the entry. A bad query gets
// an error on its own refId; the others are still answered.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	resp := backend.NewQueryDataResponse()
	fromAlert := isFromAlert(req.Headers)
	var pending []entryQuery
	keys := map[string]string{}
	for _, q := range req.Queries {
		var model map[string]any
		if err := json.Unmarshal(q.JSON, &model); err != nil || model == nil {
			resp.Responses[q.RefID] = errorResponse(backend.StatusBadRequest, backend.ErrorSourceDownstream,
				fmt.Sprintf("Query %s: the query is not a JSON object (%s); open it in the query editor and save it again", q.RefID, describeJSONError(err)))
			continue
		}
		eq := entryQuery{
			RefID: q.RefID, Query: q.JSON, From: q.TimeRange.From.UnixMilli(), To: q.TimeRange.To.UnixMilli(),
			IntervalMs: q.Interval.Milliseconds(), MaxDataPoints: q.MaxDataPoints,
		}
		key := resultKey(model, eq, fromAlert)
		if cached, ok := d.results.get(key, q.RefID); ok {
			resp.Responses[q.RefID] = backend.DataResponse{Frames: cached}
			continue
		}
		keys[q.RefID] = key
		pending = append(pending, eq)
	}
	if len(pending) == 0 {
		return resp, nil
	}
	if d.settingsErr != nil {
		for _, q := range pending {
			resp.Responses[q.RefID] = errorResponse(backend.StatusBadRequest, backend.ErrorSourceDownstream, fmt.Sprintf("Query %s: %s", q.RefID, d.settingsErr))
		}
		return resp, nil
	}
	// Each query carries its own zone (the data source sends the dashboard's with every query); one without is UTC,
	// whatever its neighbours say, so its cached answer (keyed by its own model) holds for any request.
	request := entryRequest{Settings: json.RawMessage(d.settings), Queries: pending, FromAlert: fromAlert}
	if d.cfg.FixedNow != nil {
		ms := d.cfg.FixedNow.UnixMilli()
		request.Now = &ms
	}
	encoded, err := json.Marshal(request)
	if err != nil {
		return nil, err
	}
	out, err := d.call(ctx, "query", string(encoded))
	if err != nil {
		status, source, msg := d.describeFailure(err)
		for _, q := range pending {
			resp.Responses[q.RefID] = errorResponse(status, source, fmt.Sprintf("Query %s: %s", q.RefID, msg))
		}
		return resp, nil
	}
	var answer entryResponse
	if err := json.Unmarshal([]byte(out), &answer); err != nil {
		for _, q := range pending {
			resp.Responses[q.RefID] = errorResponse(backend.StatusInternal, backend.ErrorSourcePlugin, fmt.Sprintf("Query %s: the query engine answered something that is not a response (%v)", q.RefID, err))
		}
		return resp, nil
	}
	for _, q := range pending {
		resp.Responses[q.RefID] = d.toDataResponse(q.RefID, answer.Results, keys[q.RefID])
	}
	return resp, nil
}

func (d *Datasource) toDataResponse(refID string, results map[string]entryResult, key string) backend.DataResponse {
	r, ok := results[refID]
	if !ok {
		return errorResponse(backend.StatusInternal, backend.ErrorSourcePlugin, fmt.Sprintf("Query %s: the query engine gave no answer for this query", refID))
	}
	var described []frames.Frame
	if len(r.Frames) > 0 && string(r.Frames) != "null" {
		if err := json.Unmarshal(r.Frames, &described); err != nil {
			return errorResponse(backend.StatusInternal, backend.ErrorSourcePlugin, fmt.Sprintf("Query %s: the query engine's frames are not valid (%v)", refID, err))
		}
	}
	converted, err := frames.Convert(described, d.redact.String)
	if err != nil {
		return errorResponse(backend.StatusInternal, backend.ErrorSourcePlugin, fmt.Sprintf("Query %s: %v", refID, err))
	}
	for _, f := range converted {
		f.RefID = refID
	}
	if r.Error != "" {
		status := backend.Status(r.Status)
		if status == 0 {
			status = backend.StatusBadRequest
		}
		source := backend.ErrorSource(r.ErrorSource)
		if source != backend.ErrorSourcePlugin && source != backend.ErrorSourceDownstream {
			source = backend.ErrorSourceDownstream
			if status >= 500 && status != backend.StatusBadGateway && status != backend.StatusTimeout {
				source = backend.ErrorSourcePlugin
			}
		}
		resp := errorResponse(status, source, r.Error)
		resp.Error = errors.New(d.redact.String(r.Error))
		resp.Frames = converted
		return resp
	}
	d.results.put(key, converted, len(r.Frames))
	return backend.DataResponse{Frames: converted}
}

// describeFailure turns a failed entry call into a status and a message for every query of the request.
func (d *Datasource) describeFailure(err error) (backend.Status, backend.ErrorSource, string) {
	var entry *vm.EntryError
	switch {
	case errors.Is(err, vm.ErrCancelled):
		return backend.StatusTimeout, backend.ErrorSourceDownstream, "the query was cancelled or timed out before the DORA engine finished; try a shorter time range, or try again (fetched events are cached)"
	case errors.As(err, &entry):
		return backend.StatusInternal, backend.ErrorSourcePlugin, d.redact.String(entry.Message)
	}
	return backend.StatusInternal, backend.ErrorSourcePlugin, d.redact.String(err.Error())
}

func errorResponse(status backend.Status, source backend.ErrorSource, message string) backend.DataResponse {
	return backend.DataResponse{Error: errors.New(message), Status: status, ErrorSource: source}
}

func isFromAlert(headers map[string]string) bool {
	for k, v := range headers {
		if strings.EqualFold(k, backend.FromAlertHeaderName) || strings.EqualFold(k, "http_"+backend.FromAlertHeaderName) {
			return strings.EqualFold(v, "true")
		}
	}
	return false
}

// resultKey: the query model without what does not change its answer, the range to the minute, the request's
// interval and points, and whether alerting asks.
func resultKey(model map[string]any, q entryQuery, fromAlert bool) string {
	trimmed := make(map[string]any, len(model))
	for k, v := range model {
		switch k {
		case "refId", "datasource", "datasourceId", "hide", "key", "intervalMs", "maxDataPoints":
			continue
		}
		trimmed[k] = v
	}
	encoded, _ := json.Marshal(trimmed) // map keys are sorted: a stable key
	const minute = 60_000
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d|%d|%d|%t", encoded, q.From/minute, q.To/minute, q.IntervalMs, q.MaxDataPoints, fromAlert)
	return hex.EncodeToString(h.Sum(nil))
}

// CheckHealth asks the entry to check every configured source.
func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	if d.settingsErr != nil {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: d.settingsErr.Error()}, nil
	}
	out, err := d.call(ctx, "checkHealth", d.settings)
	if err != nil {
		_, _, msg := d.describeFailure(err)
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: msg}, nil
	}
	var health struct {
		Status  string          `json:"status"`
		Message string          `json:"message"`
		Details json.RawMessage `json:"details"`
	}
	if err := json.Unmarshal([]byte(out), &health); err != nil {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: "the health check answered something that is not a result: " + err.Error()}, nil
	}
	result := &backend.CheckHealthResult{Message: d.redact.String(health.Message)}
	if len(health.Details) > 0 && string(health.Details) != "null" {
		result.JSONDetails = []byte(d.redact.String(string(health.Details)))
	}
	switch strings.ToUpper(health.Status) {
	case "OK":
		result.Status = backend.HealthStatusOk
	case "WARNING":
		// the SDK has no warning status: OK with the warning in the details, which the frontend shows as such
		result.Status = backend.HealthStatusOk
		details := map[string]any{"severity": "warning"}
		if len(result.JSONDetails) > 0 {
			details["details"] = json.RawMessage(result.JSONDetails)
		}
		result.JSONDetails, _ = json.Marshal(details)
	default:
		result.Status = backend.HealthStatusError
	}
	return result, nil
}
