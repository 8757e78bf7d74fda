package bridge

import (
	"net/url"
	"sort"
	"strings"
)

// Redacted replaces a secret wherever it would appear.
const Redacted = "[redacted]"

// minSecretLen: shorter values are not redacted (they would mangle ordinary words); tokens are far longer.
const minSecretLen = 4

// Redactor removes an instance's secure values (as given and URL-encoded) from text.
type Redactor struct {
	secrets []string
}

// NewRedactor redacts every non-empty secure value.
func NewRedactor(secure map[string]string) *Redactor {
	seen := map[string]bool{}
	r := &Redactor{}
	for _, v := range secure {
		for _, s := range []string{v, url.QueryEscape(v), url.PathEscape(v), strings.ReplaceAll(url.QueryEscape(v), "+", "%20")} {
			if len(s) >= minSecretLen && !seen[s] {
				seen[s] = true
				r.secrets = append(r.secrets, s)
			}
		}
	}
	// longest first, so a secret containing another is removed whole
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
	return r
}

// String returns s without any secret.
func (r *Redactor) String(s string) string {
	if r == nil {
		return s
	}
	for _, secret := range r.secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, Redacted)
		}
	}
	return s
}

// Contains reports whether s holds a secret.
func (r *Redactor) Contains(s string) bool {
	if r == nil {
		return false
	}
	for _, secret := range r.secrets {
		if strings.Contains(s, secret) {
			return true
		}
	}
	return false
}
