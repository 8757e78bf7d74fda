package vm

import (
	"context"
	"sync"
	"time"
)

// Pool bounds the runtimes alive at once across every data source instance. When it is full, the runtime idle
// the longest is closed to make room (its instance starts a fresh one next time); when all are busy, New waits.
type Pool struct {
	max int

	mu     sync.Mutex
	used   int
	live   map[*Runtime]struct{}
	notify chan struct{}
}

// NewPool makes a pool of at most max runtimes (at least 1).
func NewPool(max int) *Pool {
	if max < 1 {
		max = 1
	}
	return &Pool{max: max, live: map[*Runtime]struct{}{}, notify: make(chan struct{})}
}

// New starts a runtime for prog and host, waiting for a free slot while ctx allows.
func (p *Pool) New(ctx context.Context, prog *Program, host Host) (*Runtime, error) {
	for {
		p.mu.Lock()
		if p.used < p.max {
			p.used++
			p.mu.Unlock()
			break
		}
		victim := p.oldestIdle()
		wait := p.notify
		p.mu.Unlock()
		if victim != nil && victim.shut(true) {
			continue
		}
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	rt, err := newRuntime(prog, host, p.release, p.wake)
	if err != nil {
		return nil, err // newRuntime closed it, which released the slot
	}
	p.mu.Lock()
	p.live[rt] = struct{}{}
	p.mu.Unlock()
	return rt, nil
}

// Live is the number of runtimes alive or starting.
func (p *Pool) Live() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.used
}

func (p *Pool) oldestIdle() *Runtime {
	var victim *Runtime
	var oldest time.Time
	for rt := range p.live {
		since, idle := rt.idleSince()
		if idle && (victim == nil || since.Before(oldest)) {
			victim, oldest = rt, since
		}
	}
	return victim
}

func (p *Pool) release(rt *Runtime) {
	p.mu.Lock()
	delete(p.live, rt)
	p.used--
	p.mu.Unlock()
	p.wake()
}

// wake tells waiting callers that a slot was freed or a runtime became idle.
func (p *Pool) wake() {
	p.mu.Lock()
	close(p.notify)
	p.notify = make(chan struct{})
	p.mu.Unlock()
}
