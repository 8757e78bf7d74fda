package vm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

// Host is what a runtime needs from the plugin: HTTP through the routes, a clock and a log.
type Host interface {
	// Request sends one request described by the entry (see SERVER-CONTRACT: host.request) and returns its
	// response. Errors must be safe to show (no secrets).
	Request(ctx context.Context, reqJSON string) (Response, error)
	Now() time.Time
	Log(level, message string)
}

// Response is host.request's answer, handed to JavaScript as an object { status, headers, body }: the body
// (a whole events file, say) reaches the runtime as one string, not escaped into JSON and parsed back.
type Response struct {
	Status  int
	Headers map[string]string
	Body    string
}

var (
	// ErrClosed: the runtime was closed (instance disposed, evicted, or interrupted after cancellation).
	ErrClosed = errors.New("the query engine was stopped")
	// ErrCancelled: the caller's context ended before the entry answered.
	ErrCancelled = errors.New("the query was cancelled")
)

// maxCallStack bounds JS recursion so a runaway recursion throws instead of exhausting the Go stack.
const maxCallStack = 20000

// Runtime is one goja VM with its event loop. Calls from many goroutines interleave on the loop like requests
// in a browser tab; the JS state (the entry's caches) lives as long as the runtime.
type Runtime struct {
	prog    *Program
	host    Host
	loop    *eventloop.EventLoop
	vm      *goja.Runtime // only for Interrupt outside the loop
	ctx     context.Context
	stop    context.CancelFunc
	onClose func(*Runtime)
	onIdle  func()

	mu       sync.Mutex
	calls    map[*call]struct{}
	closed   bool
	lastUsed time.Time
	served   int
}

type call struct {
	controller *goja.Object // set on the loop
	cancelled  bool
}

type result struct {
	value string
	err   error
}

// EntryError is an error the entry threw (its name and message).
type EntryError struct {
	Name    string
	Message string
}

func (e *EntryError) Error() string { return e.Message }

func newRuntime(prog *Program, host Host, onClose func(*Runtime), onIdle func()) (*Runtime, error) {
	ctx, stop := context.WithCancel(context.Background())
	r := &Runtime{
		prog:     prog,
		host:     host,
		loop:     eventloop.NewEventLoop(eventloop.EnableConsole(false)),
		ctx:      ctx,
		stop:     stop,
		onClose:  onClose,
		onIdle:   onIdle,
		calls:    map[*call]struct{}{},
		lastUsed: time.Now(),
	}
	r.loop.Start()
	done := make(chan error, 1)
	r.loop.RunOnLoop(func(vm *goja.Runtime) {
		done <- r.init(vm)
	})
	if err := <-done; err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

func (r *Runtime) init(vm *goja.Runtime) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("start the query engine: %v", p)
		}
	}()
	r.vm = vm
	vm.SetMaxCallStackSize(maxCallStack)
	_ = vm.GlobalObject().Delete("require")
	if err := vm.Set("host", r.hostObject(vm)); err != nil {
		return err
	}
	if _, err := vm.RunProgram(r.prog.host); err != nil {
		return fmt.Errorf("start the query engine (host prelude): %w", err)
	}
	if _, err := vm.RunProgram(r.prog.bundle); err != nil {
		return fmt.Errorf("start the query engine (%s): %w", r.prog.name, err)
	}
	if obj, ok := vm.Get(r.prog.global).(*goja.Object); !ok || obj == nil {
		return fmt.Errorf("start the query engine: %s defines no global %q", r.prog.name, r.prog.global)
	}
	return nil
}

// Call runs `<global>.<fn>(arg, signal)` and waits for the promise (or value) it returns, as a JSON string.
// When ctx ends, the call's signal aborts; when every call in flight has been cancelled, the VM is interrupted
// and the runtime closed, so no abandoned work keeps a core busy.
func (r *Runtime) Call(ctx context.Context, fn, arg string) (string, error) {
	c := &call{}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return "", ErrClosed
	}
	r.calls[c] = struct{}{}
	r.lastUsed = time.Now()
	r.served++
	r.mu.Unlock()
	defer r.finish(c)

	res := make(chan result, 1)
	scheduled := r.loop.RunOnLoop(func(vm *goja.Runtime) {
		r.start(vm, c, fn, arg, res)
	})
	if !scheduled {
		return "", ErrClosed
	}
	select {
	case out := <-res:
		return out.value, out.err
	case <-ctx.Done():
		r.cancel(c)
		return "", fmt.Errorf("%w (%v)", ErrCancelled, context.Cause(ctx))
	case <-r.ctx.Done():
		return "", ErrClosed
	}
}

func (r *Runtime) start(vm *goja.Runtime, c *call, fn, arg string, res chan<- result) {
	defer func() {
		if p := recover(); p != nil {
			res <- result{err: fmt.Errorf("the query engine failed: %v", p)}
		}
	}()
	r.mu.Lock()
	cancelled := c.cancelled
	r.mu.Unlock()
	controller, err := vm.New(vm.Get("AbortController"))
	if err != nil {
		res <- result{err: fmt.Errorf("the query engine failed: %w", err)}
		return
	}
	c.controller = controller
	if cancelled {
		abort(vm, controller)
	}
	global, _ := vm.Get(r.prog.global).(*goja.Object)
	var target goja.Value
	if global != nil {
		target = global.Get(fn)
	}
	if _, ok := goja.AssertFunction(target); !ok {
		res <- result{err: fmt.Errorf("the query engine has no function %s.%s", r.prog.global, fn)}
		return
	}
	hostCall, _ := goja.AssertFunction(vm.Get("__hostCall"))
	ok := func(v string) { res <- result{value: v} }
	fail := func(name, message string) {
		err := &EntryError{Name: name, Message: message}
		if name == "AbortError" {
			res <- result{err: fmt.Errorf("%w: %s", ErrCancelled, message)}
			return
		}
		res <- result{err: err}
	}
	if _, err := hostCall(goja.Undefined(), target, vm.ToValue(arg), controller.Get("signal"), vm.ToValue(ok), vm.ToValue(fail)); err != nil {
		res <- result{err: jsFailure(err)}
	}
}

func jsFailure(err error) error {
	var interrupted *goja.InterruptedError
	if errors.As(err, &interrupted) {
		return ErrClosed
	}
	return fmt.Errorf("the query engine failed: %w", err)
}

func abort(vm *goja.Runtime, controller *goja.Object) {
	if fn, ok := goja.AssertFunction(controller.Get("abort")); ok {
		_, _ = fn(controller)
	}
}

// cancel aborts the call's signal; if no call in flight still wants an answer, the VM is interrupted.
func (r *Runtime) cancel(c *call) {
	r.mu.Lock()
	c.cancelled = true
	all := true
	for other := range r.calls {
		if !other.cancelled {
			all = false
		}
	}
	r.mu.Unlock()
	if all {
		r.vm.Interrupt("cancelled")
		r.Close()
		return
	}
	r.loop.RunOnLoop(func(vm *goja.Runtime) {
		if c.controller != nil {
			abort(vm, c.controller)
		}
	})
}

func (r *Runtime) finish(c *call) {
	r.mu.Lock()
	delete(r.calls, c)
	r.lastUsed = time.Now()
	idle := len(r.calls) == 0 && !r.closed
	r.mu.Unlock()
	if idle && r.onIdle != nil {
		r.onIdle()
	}
}

// Close stops the runtime: pending host requests are cancelled, the loop terminates, the pool slot is freed.
func (r *Runtime) Close() { r.shut(false) }

// shut closes the runtime (only when no call is in flight, if onlyIdle) and reports whether it did.
func (r *Runtime) shut(onlyIdle bool) bool {
	r.mu.Lock()
	if r.closed || (onlyIdle && len(r.calls) > 0) {
		r.mu.Unlock()
		return false
	}
	r.closed = true
	r.mu.Unlock()
	r.stop()
	if r.vm != nil {
		r.vm.Interrupt("closed")
	}
	go r.loop.Terminate()
	if r.onClose != nil {
		r.onClose(r)
	}
	return true
}

// Closed reports whether the runtime can no longer serve calls.
func (r *Runtime) Closed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

func (r *Runtime) idleSince() (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lastUsed, !r.closed && len(r.calls) == 0
}
