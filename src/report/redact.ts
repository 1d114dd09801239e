/**
 * `--redact`: a copy of the result with personal data masked in every string,
 * so each formatter prints masked text without knowing about redaction.
 *
 * Every string is masked, not a chosen list of fields: evidence words reach a
 * result in many places (titles, finding words, gap messages, diagnostics,
 * toLift, the overall basis, even file names) and a new field must not leak
 * just because nobody added it here. Identifiers, enum values and dates never
 * look like personal data, so masking them changes nothing. Keys are masked
 * the same way (the result's own never look like personal data; a metric's
 * name is its author's words). Numbers, booleans and the shape of the result
 * are left exactly as they were.
 */
import type { ScoreResult } from '../model/index.js';
import { maskPersonalData } from '../validate/privacy.js';

function redactValue(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((entry) => redactValue(entry, mask));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      // Keys are masked too: an item's metrics are named by its author.
      let masked = mask(key);
      for (let n = 2; masked in out; n++) masked = `${mask(key)} (${n})`;
      out[masked] = redactValue(entry, mask);
    }
    return out;
  }
  return value;
}

/** A deep copy of `result` with every detected piece of personal data replaced by `[redacted <kind>]`. */
export function redactResult(result: ScoreResult, allow: readonly string[] = []): ScoreResult {
  const cache = new Map<string, string>();
  const mask = (text: string): string => {
    let masked = cache.get(text);
    if (masked === undefined) {
      masked = maskPersonalData(text, allow);
      cache.set(text, masked);
    }
    return masked;
  };
  return redactValue(result, mask) as ScoreResult;
}
