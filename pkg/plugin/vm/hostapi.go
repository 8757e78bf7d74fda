package vm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zones on hosts without a zoneinfo database (Windows, minimal images)

	"github.com/dop251/goja"
)

// hostObject builds the `host` global: request, now, log, zoneOffsetMinutes (SERVER-CONTRACT "Host API").
func (r *Runtime) hostObject(vm *goja.Runtime) *goja.Object {
	h := vm.NewObject()
	_ = h.Set("request", func(call goja.FunctionCall) goja.Value { return r.request(vm, call) })
	_ = h.Set("now", func() float64 { return float64(r.host.Now().UnixMilli()) })
	_ = h.Set("log", func(level, message string) { r.host.Log(level, message) })
	_ = h.Set("zoneOffsetMinutes", func(zone string, ms float64) int {
		offset, err := zoneOffsetMinutes(zone, ms)
		if err != nil {
			panic(jsError(vm, "RangeError", err.Error()))
		}
		return offset
	})
	return h
}

// request implements host.request(reqJson, signal?): a promise settled from a goroutine through the loop.
func (r *Runtime) request(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	reqJSON := call.Argument(0).String()
	promise, resolve, reject := vm.NewPromise()
	ctx, cancel := context.WithCancel(r.ctx)
	signal, _ := call.Argument(1).(*goja.Object)
	var unlisten func()
	if signal != nil {
		if signal.Get("aborted").ToBoolean() {
			cancel()
			_ = reject(jsError(vm, "AbortError", "The request was cancelled"))
			return vm.ToValue(promise)
		}
		listener := vm.ToValue(func(goja.FunctionCall) goja.Value { cancel(); return goja.Undefined() })
		if add, ok := goja.AssertFunction(signal.Get("addEventListener")); ok {
			_, _ = add(signal, vm.ToValue("abort"), listener)
			unlisten = func() {
				if remove, ok := goja.AssertFunction(signal.Get("removeEventListener")); ok {
					_, _ = remove(signal, vm.ToValue("abort"), listener)
				}
			}
		}
	}
	go func() {
		defer cancel()
		resp, err := r.safeRequest(ctx, reqJSON)
		aborted := ctx.Err() != nil && r.ctx.Err() == nil
		r.loop.RunOnLoop(func(vm *goja.Runtime) {
			if unlisten != nil {
				unlisten()
			}
			switch {
			case err != nil && aborted && errors.Is(err, context.Canceled):
				_ = reject(jsError(vm, "AbortError", err.Error()))
			case err != nil:
				name := "Error"
				var named interface{ JSName() string }
				if errors.As(err, &named) {
					name = named.JSName()
				}
				_ = reject(jsError(vm, name, err.Error()))
			default:
				_ = resolve(responseObject(vm, resp))
			}
		})
	}()
	return vm.ToValue(promise)
}

// responseObject is the response as a plain JavaScript object: { status, headers: { name: value }, body }.
func responseObject(vm *goja.Runtime, resp Response) *goja.Object {
	headers := vm.NewObject()
	for k, v := range resp.Headers {
		_ = headers.Set(k, v)
	}
	obj := vm.NewObject()
	_ = obj.Set("status", resp.Status)
	_ = obj.Set("headers", headers)
	_ = obj.Set("body", resp.Body)
	return obj
}

func (r *Runtime) safeRequest(ctx context.Context, reqJSON string) (resp Response, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the request failed inside the plugin: %v", p)
		}
	}()
	return r.host.Request(ctx, reqJSON)
}

func jsError(vm *goja.Runtime, name, message string) *goja.Object {
	obj, err := vm.New(vm.Get("Error"), vm.ToValue(message))
	if err != nil {
		return vm.NewGoError(errors.New(message))
	}
	_ = obj.Set("name", name)
	return obj
}

var zones sync.Map // zone name -> *time.Location

// zoneOffsetMinutes: minutes east of UTC of an IANA zone at an instant; "", "utc", "browser" are UTC.
func zoneOffsetMinutes(zone string, ms float64) (int, error) {
	switch strings.ToLower(zone) {
	case "", "utc", "browser":
		return 0, nil
	}
	loc, ok := zones.Load(zone)
	if !ok {
		l, err := time.LoadLocation(zone)
		if err != nil {
			return 0, fmt.Errorf("unknown time zone %q: use an IANA name such as Europe/Paris, or utc", zone)
		}
		loc, _ = zones.LoadOrStore(zone, l)
	}
	_, offset := time.UnixMilli(int64(ms)).In(loc.(*time.Location)).Zone()
	return offset / 60, nil
}
