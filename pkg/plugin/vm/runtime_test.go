// Tests of the runtime: async calls, timers, the HTTP bridge promise, cancellation, the host polyfills, the pool.
package vm

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

type fakeHost struct {
	mu       sync.Mutex
	requests []string
	respond  func(ctx context.Context, req string) (Response, error)
	logs     []string
}

func (h *fakeHost) Request(ctx context.Context, req string) (Response, error) {
	h.mu.Lock()
	h.requests = append(h.requests, req)
	h.mu.Unlock()
	if h.respond == nil {
		return Response{Status: 200, Headers: map[string]string{}, Body: "ok"}, nil
	}
	return h.respond(ctx, req)
}
func (h *fakeHost) Now() time.Time { return time.UnixMilli(1_700_000_000_000) }
func (h *fakeHost) Log(level, message string) {
	h.mu.Lock()
	h.logs = append(h.logs, level+": "+message)
	h.mu.Unlock()
}

func compile(t *testing.T, body string) *Program {
	t.Helper()
	prog, err := Compile("test.js", "var dora = (function(){ "+body+" })();", "dora")
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

func start(t *testing.T, body string, host Host) *Runtime {
	t.Helper()
	rt, err := NewPool(4).New(context.Background(), compile(t, body), host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	return rt
}

func TestCallAnswers(t *testing.T) {
	body := `return {
		echo: function (arg) { return Promise.resolve('got ' + arg); },
		sync: function (arg) { return arg.toUpperCase(); },
		object: function () { return { a: 1 }; },
		later: function (arg) { return new Promise(function (ok) { setTimeout(function () { ok('late ' + arg); }, 20); }); },
		cleared: function () { return new Promise(function (ok) { var t = setTimeout(function () { ok('wrong'); }, 5); clearTimeout(t); setTimeout(function () { ok('right'); }, 30); }); },
		fetch: function (arg, signal) { return host.request(JSON.stringify({ method: 'GET', url: arg }), signal).then(function (r) { return r; }); },
		now: function () { return String(host.now()); },
		throws: function () { throw new TypeError('bad things'); },
		rejects: function () { return Promise.reject(new Error('no luck')); },
		paris: function () { return [host.zoneOffsetMinutes('Europe/Paris', Date.UTC(2026, 0, 15)), host.zoneOffsetMinutes('Europe/Paris', Date.UTC(2026, 6, 15)), host.zoneOffsetMinutes('utc', 0)].join(','); },
		badZone: function () { try { host.zoneOffsetMinutes('Mars/Olympus', 0); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } },
		globals: function () { return [typeof require, typeof console.log, typeof AbortController, typeof setTimeout, typeof fetch].join(','); },
	};`
	rt := start(t, body, &fakeHost{})
	tests := []struct {
		fn, arg, want, err string
	}{
		{fn: "echo", arg: "x", want: "got x"},
		{fn: "sync", arg: "abc", want: "ABC"},
		{fn: "object", want: `{"a":1}`},
		{fn: "later", arg: "y", want: "late y"},
		{fn: "cleared", want: "right"},
		{fn: "fetch", arg: "/github/rest/x", want: "ok"},
		{fn: "now", want: "1700000000000"},
		{fn: "paris", want: "60,120,0"},
		{fn: "badZone", want: `RangeError: unknown time zone "Mars/Olympus": use an IANA name such as Europe/Paris, or utc`},
		{fn: "globals", want: "undefined,function,function,function,undefined"},
		{fn: "throws", err: "bad things"},
		{fn: "rejects", err: "no luck"},
		{fn: "missing", err: "has no function dora.missing"},
	}
	for _, tt := range tests {
		t.Run(tt.fn, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			got, err := rt.Call(ctx, tt.fn, tt.arg)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.fn == "fetch" {
				if !strings.Contains(got, `"body":"ok"`) {
					t.Fatalf("got %s", got)
				}
				return
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequestErrorsReachJS(t *testing.T) {
	host := &fakeHost{respond: func(ctx context.Context, req string) (Response, error) {
		return Response{}, errors.New("Request to /github/rest/x failed: connection refused")
	}}
	rt := start(t, `return { fetch: function (arg, signal) {
		return host.request('{}', signal).then(function () { return 'resolved'; }, function (e) { return e.name + ': ' + e.message; });
	} };`, host)
	got, err := rt.Call(context.Background(), "fetch", "")
	if err != nil {
		t.Fatal(err)
	}
	if got != "Error: Request to /github/rest/x failed: connection refused" {
		t.Fatalf("got %q", got)
	}
}

// A cancelled call aborts its in-flight request; the only call in flight being cancelled closes the runtime.
func TestCancelAbortsRequestAndStopsRuntime(t *testing.T) {
	started := make(chan struct{})
	sawCancel := make(chan struct{})
	host := &fakeHost{respond: func(ctx context.Context, req string) (Response, error) {
		close(started)
		<-ctx.Done()
		close(sawCancel)
		return Response{}, ctx.Err()
	}}
	rt := start(t, `return { fetch: function (arg, signal) { return host.request('{}', signal); } };`, host)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := rt.Call(ctx, "fetch", "")
		errc <- err
	}()
	<-started
	cancel()
	if err := <-errc; !errors.Is(err, ErrCancelled) {
		t.Fatalf("err = %v, want ErrCancelled", err)
	}
	select {
	case <-sawCancel:
	case <-time.After(5 * time.Second):
		t.Fatal("the host request was not cancelled")
	}
	if !rt.Closed() {
		t.Fatal("runtime still open after its only call was cancelled")
	}
}

// A busy loop in JS is interrupted when the caller's context ends.
func TestInterruptStopsBusyVM(t *testing.T) {
	rt := start(t, `return { spin: function () { for (;;) {} } };`, &fakeHost{})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	began := time.Now()
	_, err := rt.Call(ctx, "spin", "")
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(began) > 5*time.Second {
		t.Fatal("interrupt took too long")
	}
	if _, err := rt.Call(context.Background(), "spin", ""); !errors.Is(err, ErrClosed) {
		t.Fatalf("second call err = %v, want ErrClosed", err)
	}
}

// Cancelling one of two calls aborts only its signal: the other is still answered on the same runtime.
func TestCancelOneOfTwoCalls(t *testing.T) {
	rt := start(t, `return { wait: function (arg, signal) {
		return new Promise(function (ok, fail) {
			var t = setTimeout(function () { ok('done ' + arg); }, 200);
			signal.addEventListener('abort', function () { clearTimeout(t); fail(signal.reason); });
		});
	} };`, &fakeHost{})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := rt.Call(ctx, "wait", "a")
		errc <- err
	}()
	time.Sleep(20 * time.Millisecond)
	other := make(chan string, 1)
	go func() {
		v, _ := rt.Call(context.Background(), "wait", "b")
		other <- v
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-errc; !errors.Is(err, ErrCancelled) {
		t.Fatalf("err = %v", err)
	}
	if v := <-other; v != "done b" {
		t.Fatalf("other call got %q", v)
	}
	if rt.Closed() {
		t.Fatal("runtime closed although a call still wanted its answer")
	}
}

func TestAbortControllerPolyfill(t *testing.T) {
	rt := start(t, `return { run: function () {
		var out = [];
		var c = new AbortController();
		var once = function () { out.push('once'); };
		c.signal.addEventListener('abort', once, { once: true });
		c.signal.addEventListener('abort', function (e) { out.push('event ' + e.type); });
		var removed = function () { out.push('removed'); };
		c.signal.addEventListener('abort', removed);
		c.signal.removeEventListener('abort', removed);
		c.signal.onabort = function () { out.push('onabort'); };
		out.push(String(c.signal.aborted));
		c.abort();
		c.abort();
		out.push(String(c.signal.aborted), c.signal.reason.name);
		try { c.signal.throwIfAborted(); } catch (e) { out.push('thrown ' + e.name); }
		out.push(String(AbortSignal.abort('why').reason));
		try { new AbortSignal(); } catch (e) { out.push(e.name); }
		return out.join('|');
	} };`, &fakeHost{})
	got, err := rt.Call(context.Background(), "run", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "false|onabort|once|event abort|true|AbortError|thrown AbortError|why|TypeError"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestWeakMapSemantics(t *testing.T) {
	rt := start(t, `return { run: function () {
		var m = new WeakMap(), k = {}, f = Object.freeze({}), out = [];
		m.set(k, 1).set(f, 2);
		out.push(m.get(k), m.get(f), m.has(k), m.has({}), m.get({}));
		out.push(JSON.stringify(k), Object.keys(k).length, JSON.stringify(Object.assign({}, k)));
		out.push(m.delete(k), m.has(k), m.delete(f), m.has(f));
		var other = new WeakMap(); other.set(k, 'x');
		m.set(k, 3);
		out.push(other.get(k), m.get(k), m instanceof WeakMap, Object.prototype.toString.call(m));
		try { m.set(1, 1); } catch (e) { out.push(e.name); }
		return out.join(',');
	} };`, &fakeHost{})
	got, err := rt.Call(context.Background(), "run", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "1,2,true,false,,{},0,{},true,false,true,false,x,3,true,[object WeakMap],TypeError"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

// The trap the host WeakMap avoids: a module-level cache whose values reference their keys, in a reused runtime.
func TestWeakMapCacheDoesNotLeak(t *testing.T) {
	rt := start(t, `var cache = new WeakMap();
	return { run: function () {
		var key = { rows: new Array(50000).fill(0).map(function (_, i) { return i; }) };
		cache.set(key, { of: key, copy: key.rows.slice() });
		return String(cache.get(key).copy.length);
	} };`, &fakeHost{})
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for i := 0; i < 3; i++ {
		if _, err := rt.Call(context.Background(), "run", ""); err != nil {
			t.Fatal(err)
		}
	}
	before := heap()
	for i := 0; i < 10; i++ {
		if _, err := rt.Call(context.Background(), "run", ""); err != nil {
			t.Fatal(err)
		}
	}
	after := heap()
	t.Logf("live heap %d KB -> %d KB over 10 calls", before>>10, after>>10)
	// each call allocates a few MB that would stay reachable with goja's own WeakMap (10 calls: ~30 MB)
	if after > before+10<<20 {
		t.Fatalf("heap grew from %d MB to %d MB over 10 calls", before>>20, after>>20)
	}
}

func TestPoolEvictsIdleAndWaitsWhenBusy(t *testing.T) {
	pool := NewPool(1)
	prog := compile(t, `return { wait: function (arg) { return new Promise(function (ok) { setTimeout(function () { ok(arg); }, Number(arg)); }); } };`)
	first, err := pool.New(context.Background(), prog, &fakeHost{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := pool.New(context.Background(), prog, &fakeHost{})
	if err != nil {
		t.Fatal(err)
	}
	if !first.Closed() || pool.Live() != 1 {
		t.Fatalf("idle runtime not evicted: closed=%v live=%d", first.Closed(), pool.Live())
	}
	busy := make(chan struct{})
	go func() {
		close(busy)
		_, _ = second.Call(context.Background(), "wait", "300")
	}()
	<-busy
	time.Sleep(30 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := pool.New(ctx, prog, &fakeHost{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("pool full of busy runtimes: err = %v, want a deadline", err)
	}
	third, err := pool.New(context.Background(), prog, &fakeHost{})
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if !second.Closed() {
		t.Fatal("second runtime should have been evicted once idle")
	}
}

func TestBundleWithoutGlobalFails(t *testing.T) {
	prog, err := Compile("x.js", "var other = 1;", "dora")
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewPool(1).New(context.Background(), prog, &fakeHost{})
	if err == nil || !strings.Contains(err.Error(), `defines no global "dora"`) {
		t.Fatalf("err = %v", err)
	}
	if _, err := Compile("y.js", "var = ;", "dora"); err == nil {
		t.Fatal("syntax error not reported")
	}
}

func ExampleCompile() {
	prog, _ := Compile("example.js", `var dora = { hello: function (name) { return 'hello ' + name; } };`, "dora")
	rt, _ := NewPool(1).New(context.Background(), prog, &fakeHost{})
	defer rt.Close()
	out, _ := rt.Call(context.Background(), "hello", "world")
	fmt.Println(out)
	// Output: hello world
}
