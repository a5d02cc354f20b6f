import type { ProtocolDrift } from '../draft/types';
import { driftWarning } from '../draft/drift';

/**
 * Says in plain words that ESPN sent something we could not read, with the counts. Nothing shows
 * while everything was readable; the rest of the popup keeps showing what could be read.
 */
export function DriftWarning({ drift }: { drift: ProtocolDrift }) {
  const warning = driftWarning(drift);
  if (warning === null) return null;
  return (
    <section class="drift-warning" role="alert" data-testid="drift-warning">
      <p class="drift-headline">{warning.headline}</p>
      <ul class="drift-details">
        {warning.details.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="drift-hint muted">Still following what can be read. “Export capture for a bug report” saves the recent frames, anonymized.</p>
    </section>
  );
}
