// Host globals installed in every runtime before the bundle: AbortController/AbortSignal (goja has none), a
// WeakMap that does not keep values alive through a live map (goja's holds them strongly), a console that goes
// to the plugin log, and the helper Go uses to call an async entry function. Plain ES2015, no bundler.
(function (g, host) {
  'use strict';

  function abortError(message) {
    let err = new Error(message || 'This operation was aborted');
    err.name = 'AbortError';
    return err;
  }

  let token = {};
  let STATE = typeof Symbol === 'function' ? Symbol('abortState') : '__abortState';

  function AbortSignal(key) {
    if (key !== token) {
      throw new TypeError('Illegal constructor');
    }
    Object.defineProperty(this, STATE, {
      value: { aborted: false, reason: undefined, listeners: [] },
    });
    this.onabort = null;
  }
  Object.defineProperty(AbortSignal.prototype, 'aborted', {
    get: function () {
      return this[STATE].aborted;
    },
  });
  Object.defineProperty(AbortSignal.prototype, 'reason', {
    get: function () {
      return this[STATE].reason;
    },
  });
  AbortSignal.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'abort' || !listener) {
      return;
    }
    let list = this[STATE].listeners;
    for (let i = 0; i < list.length; i++) {
      if (list[i].listener === listener) {
        return;
      }
    }
    let once = typeof options === 'object' && options !== null && !!options.once;
    list.push({ listener: listener, once: once });
  };
  AbortSignal.prototype.removeEventListener = function (type, listener) {
    if (type !== 'abort') {
      return;
    }
    let list = this[STATE].listeners;
    for (let i = 0; i < list.length; i++) {
      if (list[i].listener === listener) {
        list.splice(i, 1);
        return;
      }
    }
  };
  AbortSignal.prototype.throwIfAborted = function () {
    if (this[STATE].aborted) {
      throw this[STATE].reason;
    }
  };
  AbortSignal.prototype.dispatchEvent = function (event) {
    let self = this;
    let call = function (fn) {
      try {
        if (typeof fn === 'function') {
          fn.call(self, event);
        } else if (fn && typeof fn.handleEvent === 'function') {
          fn.handleEvent(event);
        }
      } catch (e) {
        host.log('error', 'abort listener threw: ' + (e && e.message ? e.message : String(e)));
      }
    };
    if (this.onabort) {
      call(this.onabort);
    }
    let list = this[STATE].listeners.slice();
    for (let i = 0; i < list.length; i++) {
      if (list[i].once) {
        this.removeEventListener('abort', list[i].listener);
      }
      call(list[i].listener);
    }
    return true;
  };
  AbortSignal.abort = function (reason) {
    let c = new AbortController();
    c.abort(reason);
    return c.signal;
  };
  AbortSignal.timeout = function (ms) {
    let c = new AbortController();
    g.setTimeout(function () {
      let err = new Error('The operation timed out');
      err.name = 'TimeoutError';
      c.abort(err);
    }, ms);
    return c.signal;
  };
  AbortSignal.any = function (signals) {
    let c = new AbortController();
    let list = Array.prototype.slice.call(signals);
    for (let i = 0; i < list.length; i++) {
      if (list[i].aborted) {
        c.abort(list[i].reason);
        return c.signal;
      }
    }
    list.forEach(function (s) {
      s.addEventListener(
        'abort',
        function () {
          c.abort(s.reason);
        },
        { once: true }
      );
    });
    return c.signal;
  };

  function AbortController() {
    Object.defineProperty(this, 'signal', { value: new AbortSignal(token), enumerable: true });
  }
  AbortController.prototype.abort = function (reason) {
    let signal = this.signal;
    let state = signal[STATE];
    if (state.aborted) {
      return;
    }
    state.aborted = true;
    state.reason = reason === undefined ? abortError() : reason;
    signal.dispatchEvent({ type: 'abort', target: signal, currentTarget: signal });
  };

  g.AbortSignal = AbortSignal;
  g.AbortController = AbortController;

  // WeakMap: the value lives on the key (a non-enumerable symbol property), so it is collected with the key.
  // goja's own WeakMap keeps every value reachable from the map, and a value that references its key then
  // keeps both alive for the map's whole life. Keys that cannot take a property (frozen) use goja's map.
  let NativeWeakMap = g.WeakMap;
  let counter = 0;
  let hasOwn = Object.prototype.hasOwnProperty;
  function isKey(k) {
    return (typeof k === 'object' && k !== null) || typeof k === 'function';
  }
  function HostWeakMap(entries) {
    if (!(this instanceof HostWeakMap)) {
      throw new TypeError("Constructor WeakMap requires 'new'");
    }
    counter++;
    Object.defineProperty(this, '__slot', { value: Symbol('WeakMap#' + counter) });
    Object.defineProperty(this, '__frozen', { value: new NativeWeakMap() });
    if (entries !== undefined && entries !== null) {
      let self = this;
      Array.from(entries).forEach(function (e) {
        self.set(e[0], e[1]);
      });
    }
  }
  HostWeakMap.prototype.set = function (key, value) {
    if (!isKey(key)) {
      throw new TypeError('Invalid value used as weak map key');
    }
    let slot = this.__slot;
    if (hasOwn.call(key, slot)) {
      let d = Object.getOwnPropertyDescriptor(key, slot);
      if (d.writable) {
        key[slot] = value;
        return this;
      }
    } else if (Object.isExtensible(key)) {
      Object.defineProperty(key, slot, { value: value, writable: true, configurable: true, enumerable: false });
      return this;
    }
    this.__frozen.set(key, value);
    return this;
  };
  HostWeakMap.prototype.get = function (key) {
    if (!isKey(key)) {
      return undefined;
    }
    if (this.__frozen.has(key)) {
      return this.__frozen.get(key);
    }
    return hasOwn.call(key, this.__slot) ? key[this.__slot] : undefined;
  };
  HostWeakMap.prototype.has = function (key) {
    return isKey(key) && (hasOwn.call(key, this.__slot) || this.__frozen.has(key));
  };
  HostWeakMap.prototype['delete'] = function (key) {
    if (!isKey(key)) {
      return false;
    }
    let removed = this.__frozen['delete'](key);
    if (hasOwn.call(key, this.__slot)) {
      let d = Object.getOwnPropertyDescriptor(key, this.__slot);
      if (d.configurable) {
        delete key[this.__slot];
        return true;
      }
      if (!removed) {
        // a key frozen after set: its slot can no longer be removed, so hide it behind the native map
        this.__frozen.set(key, undefined);
        this.__frozen['delete'](key);
      }
    }
    return removed;
  };
  if (typeof Symbol === 'function' && Symbol.toStringTag) {
    Object.defineProperty(HostWeakMap.prototype, Symbol.toStringTag, { value: 'WeakMap' });
  }
  g.WeakMap = HostWeakMap;

  function text(args) {
    return Array.prototype.map
      .call(args, function (a) {
        if (typeof a === 'string') {
          return a;
        }
        if (a instanceof Error) {
          return a.name + ': ' + a.message;
        }
        try {
          return JSON.stringify(a);
        } catch (e) {
          return String(a);
        }
      })
      .join(' ');
  }
  g.console = {
    debug: function () {
      host.log('debug', text(arguments));
    },
    log: function () {
      host.log('info', text(arguments));
    },
    info: function () {
      host.log('info', text(arguments));
    },
    warn: function () {
      host.log('warn', text(arguments));
    },
    error: function () {
      host.log('error', text(arguments));
    },
  };

  // Go calls an async function through this: the promise settles into one of two Go callbacks.
  Object.defineProperty(g, '__hostCall', {
    value: function (fn, arg, signal, ok, fail) {
      Promise.resolve()
        .then(function () {
          return fn(arg, signal);
        })
        .then(
          function (v) {
            ok(typeof v === 'string' ? v : JSON.stringify(v === undefined ? null : v));
          },
          function (e) {
            let name = e && e.name ? String(e.name) : 'Error';
            let message = e && e.message !== undefined ? String(e.message) : String(e);
            fail(name, message);
          }
        );
    },
  });
  Object.defineProperty(g, '__hostAbortError', { value: abortError });
})(globalThis, globalThis.host);
