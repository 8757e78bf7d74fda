package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
)

// Defaults for the bridge's limits.
const (
	DefaultTimeout          = 60 * time.Second
	DefaultMaxResponseBytes = 256 << 20
)

// Options configure a Bridge.
type Options struct {
	// Client sends the requests; nil = the SDK's httpclient with Timeout.
	Client *http.Client
	// Timeout bounds one request (connect to last byte).
	Timeout time.Duration
	// MaxResponseBytes caps one response body.
	MaxResponseBytes int64
	// Log receives one line per request (method, route path, status, duration): never a URL query or header.
	Log func(level, message string)
}

// Bridge sends the entry's requests for one data source instance.
type Bridge struct {
	routes  []compiledRoute
	data    templateData
	redact  *Redactor
	client  *http.Client
	timeout time.Duration
	max     int64
	log     func(level, message string)
}

// New builds the bridge of an instance. jsonData is the instance's jsonData object; secure holds the decrypted
// secure data. For every key K a route names, the server-mode key K+"Server" wins when it has a value.
func New(pluginJSON []byte, jsonData map[string]any, secure map[string]string, opts Options) (*Bridge, error) {
	routes, err := ParseRoutes(pluginJSON)
	if err != nil {
		return nil, err
	}
	b := &Bridge{
		routes:  routes,
		redact:  NewRedactor(secure),
		client:  opts.Client,
		timeout: opts.Timeout,
		max:     opts.MaxResponseBytes,
		log:     opts.Log,
	}
	if b.timeout <= 0 {
		b.timeout = DefaultTimeout
	}
	if b.max <= 0 {
		b.max = DefaultMaxResponseBytes
	}
	if b.log == nil {
		b.log = func(string, string) {}
	}
	if b.client == nil {
		if b.client, err = httpclient.New(httpclient.Options{Timeouts: &httpclient.TimeoutOptions{
			Timeout: b.timeout, DialTimeout: 10 * time.Second, KeepAlive: 30 * time.Second,
			TLSHandshakeTimeout: 10 * time.Second, ExpectContinueTimeout: time.Second,
			MaxIdleConns: 20, MaxIdleConnsPerHost: 10, IdleConnTimeout: 90 * time.Second,
		}}); err != nil {
			return nil, err
		}
	}
	if jsonData == nil {
		jsonData = map[string]any{}
	}
	b.data = templateData{JsonData: jsonData, SecureJsonData: map[string]string{}}
	for _, r := range routes {
		for _, k := range r.secureKeys {
			v := secure[k+"Server"]
			if v == "" {
				v = secure[k]
			}
			b.data.SecureJsonData[k] = v
		}
	}
	return b, nil
}

// Problem is a request the bridge would not send, a response it would not read (over the size cap) or one that
// did not come in time: the message is complete for the user, the entry shows it as it is.
type Problem struct{ Message string }

func (p *Problem) Error() string { return p.Message }

// JSName is the name of the error the entry sees (vm: errors with a JSName reject with that name).
func (p *Problem) JSName() string { return "HostRequestProblem" }

// Redactor is the bridge's redactor (every secure value of the instance).
func (b *Bridge) Redactor() *Redactor { return b.redact }

// request and response: SERVER-CONTRACT "host.request".
type request struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

// Response is what a request answers: the status, the headers (names in lower case) and the body as text.
type Response struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

// headers the entry may not set: the route and the transport own them.
var dropped = map[string]bool{"host": true, "connection": true, "content-length": true, "transfer-encoding": true,
	"cookie": true, "authorization": true, "proxy-authorization": true}

// Do sends one request and returns its response. Every HTTP status is a response; errors are transport
// failures, cancellation, a bad route, or a body over the size cap. No error contains a secret.
func (b *Bridge) Do(ctx context.Context, reqJSON string) (Response, error) {
	var req request
	if err := json.Unmarshal([]byte(reqJSON), &req); err != nil {
		return Response{}, fmt.Errorf("the request is not valid JSON: %v", err)
	}
	path, query, _ := strings.Cut(strings.TrimPrefix(req.URL, "/"), "?")
	shown := "/" + path
	route, rest, ok := match(b.routes, path)
	if !ok {
		return Response{}, fmt.Errorf("request to %s: no route of this plugin serves that path", b.redact.String(shown))
	}
	method := strings.ToUpper(req.Method)
	if method == "" {
		method = http.MethodGet
	}
	if route.Method != "" && route.Method != "*" && !strings.EqualFold(route.Method, method) {
		return Response{}, fmt.Errorf("request to %s: the route %s allows %s only, not %s", shown, route.Path, route.Method, method)
	}
	target, err := b.target(route, rest, query)
	if err != nil {
		return Response{}, fmt.Errorf("request to %s: %s", shown, b.redact.String(err.Error()))
	}
	var body io.Reader
	if len(req.Body) > 0 && string(req.Body) != "null" {
		var s string
		if json.Unmarshal(req.Body, &s) == nil {
			body = strings.NewReader(s)
		} else {
			body = bytes.NewReader(req.Body)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return Response{}, fmt.Errorf("request to %s: %s", shown, b.redact.String(err.Error()))
	}
	for k, v := range req.Headers {
		if !dropped[strings.ToLower(k)] {
			hreq.Header.Set(k, v)
		}
	}
	if body != nil && hreq.Header.Get("Content-Type") == "" {
		hreq.Header.Set("Content-Type", "application/json")
	}
	for i, h := range route.Headers {
		v, err := render(route.headers[i], b.data)
		if err != nil {
			return Response{}, fmt.Errorf("request to %s: the route's %s header needs a setting this data source lacks (%s)", shown, h.Name, templateProblem(err))
		}
		hreq.Header.Set(h.Name, v)
	}
	began := time.Now()
	resp, err := b.client.Do(hreq)
	if err != nil {
		b.log("debug", fmt.Sprintf("%s %s failed after %s", method, shown, time.Since(began).Round(time.Millisecond)))
		return Response{}, b.transportError(ctx, shown, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, b.max+1))
	if err != nil {
		return Response{}, b.transportError(ctx, shown, err)
	}
	if int64(len(data)) > b.max {
		return Response{}, &Problem{Message: fmt.Sprintf("the response from %s is larger than %d MB, the most the server reads (DORA_MAX_RESPONSE_MB); narrow the time range or the source's filters.", shown, b.max>>20)}
	}
	b.log("debug", fmt.Sprintf("%s %s -> %d (%d bytes, %s)", method, shown, resp.StatusCode, len(data), time.Since(began).Round(time.Millisecond)))
	out := Response{Status: resp.StatusCode, Headers: map[string]string{}, Body: string(data)}
	for k, v := range resp.Header {
		out.Headers[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	return out, nil
}

// target renders the route url and appends the rest of the path and the query (the route url's own query kept).
func (b *Bridge) target(route *compiledRoute, rest, query string) (string, error) {
	base, err := render(route.url, b.data)
	if err != nil {
		return "", fmt.Errorf("the route %s needs a URL this data source does not set (%s); set it in the data source settings", route.Path, templateProblem(err))
	}
	base = strings.TrimSpace(base)
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("the route %s resolves to %q, which is not an absolute http(s) URL; fix it in the data source settings", route.Path, b.redact.String(base))
	}
	if rest != "" && rest != "/" {
		u.RawPath = ""
		joined := strings.TrimSuffix(u.EscapedPath(), "/") + "/" + strings.TrimPrefix(rest, "/")
		p, err := url.Parse(joined)
		if err != nil {
			return "", fmt.Errorf("the path %q is not valid: %v", rest, err)
		}
		u.Path, u.RawPath = p.Path, p.RawPath
	}
	if query != "" {
		if u.RawQuery != "" {
			u.RawQuery += "&" + query
		} else {
			u.RawQuery = query
		}
	}
	return u.String(), nil
}

// templateProblem names what a template missed without echoing values.
func templateProblem(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "map has no entry for key "); i >= 0 {
		return "jsonData has no " + strings.Trim(strings.TrimSpace(msg[i+len("map has no entry for key "):]), `"`)
	}
	if strings.Contains(msg, "nil pointer evaluating") || strings.Contains(msg, "index of untyped nil") || strings.Contains(msg, "out of range") {
		return "no URL configured"
	}
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// transportError describes a failure before a response without the URL (its query may hold a secret). A failure
// to connect is its cause alone (e.g. "tls: failed to verify certificate: ..."): the entry says which request
// failed before a response (src/server/hostHttp.ts) and the source what to check, each once.
func (b *Bridge) transportError(ctx context.Context, shown string, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	var nerr net.Error
	switch {
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return fmt.Errorf("request to %s was cancelled: %w", shown, context.Canceled)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &nerr) && nerr.Timeout()):
		return &Problem{Message: fmt.Sprintf("request to %s timed out after %s: the provider did not answer in time; try again or narrow the time range", shown, b.timeout)}
	}
	return errors.New(b.redact.String(err.Error()))
}
