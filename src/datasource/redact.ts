/**
 * Last line of defence: no token may reach a frame, notice or error. Sources never hold tokens (the proxy
 * adds them on the server), but provider error bodies can echo headers and users paste tokens into the
 * wrong field. Known token shapes and any setting whose name says it is a secret are masked.
 */
const TOKEN_PATTERNS: RegExp[] = [
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{16,}\b/g,
  // Grafana service account tokens (annotations and the data source bridge in server mode).
  /\bglsa_[A-Za-z0-9_]{20,}\b/g,
  // JSON Web Tokens (Argo CD account tokens are JWTs): header.payload.signature, each base64url.
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|token|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi,
];
const SECRET_NAME = /token|secret|password|passwd|api[-_]?key|credential|authorization/i;
const MASK = '[redacted]';

export type Redactor = (text: string) => string;

/** A redactor that also masks the values of secret-looking settings (strings of 6+ characters). */
export function createRedactor(settings: unknown): Redactor {
  const secrets = collectSecrets(settings, [], 0).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const secret of secrets) {
      out = out.split(secret).join(MASK);
    }
    for (const pattern of TOKEN_PATTERNS) {
      out = out.replace(pattern, (match, scheme?: string) =>
        typeof scheme === 'string' && /^(bearer|token|basic)$/i.test(scheme) ? `${scheme} ${MASK}` : MASK
      );
    }
    return out;
  };
}

function collectSecrets(value: unknown, out: string[], depth: number): string[] {
  if (depth > 6 || !value || typeof value !== 'object') {
    return out;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (typeof inner === 'string' && SECRET_NAME.test(key) && inner.length >= 6) {
      out.push(inner);
    } else if (inner && typeof inner === 'object') {
      collectSecrets(inner, out, depth + 1);
    }
  }
  return out;
}
