// The results cache of one instance: the frames of an identical query over the same range (to the minute), kept
// a short while and bounded in bytes, so every user and alert rule asking the same thing shares one computation.
package plugin

import (
	"container/list"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

type resultEntry struct {
	key     string
	frames  data.Frames
	size    int
	expires time.Time
}

type resultCache struct {
	mu       sync.Mutex
	ttl      time.Duration
	maxBytes int
	bytes    int
	order    *list.List // front = most recently used
	entries  map[string]*list.Element
	now      func() time.Time
}

func newResultCache(ttl time.Duration, maxBytes int, now func() time.Time) *resultCache {
	return &resultCache{ttl: ttl, maxBytes: maxBytes, order: list.New(), entries: map[string]*list.Element{}, now: now}
}

// get returns the frames cached under key, relabelled with refID.
func (c *resultCache) get(key, refID string) (data.Frames, bool) {
	if c.ttl <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*resultEntry)
	if c.now().After(e.expires) {
		c.remove(el)
		return nil, false
	}
	c.order.MoveToFront(el)
	out := make(data.Frames, len(e.frames))
	for i, f := range e.frames {
		copied := *f
		copied.RefID = refID
		out[i] = &copied
	}
	return out, true
}

// put keeps frames whose encoded size is size bytes; larger than a quarter of the cache = not kept.
func (c *resultCache) put(key string, frames data.Frames, size int) {
	if c.ttl <= 0 || size > c.maxBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.remove(el)
	}
	c.entries[key] = c.order.PushFront(&resultEntry{key: key, frames: frames, size: size, expires: c.now().Add(c.ttl)})
	c.bytes += size
	for c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *resultCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	c.entries = map[string]*list.Element{}
	c.bytes = 0
}

func (c *resultCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*resultEntry)
	delete(c.entries, e.key)
	c.bytes -= e.size
}
