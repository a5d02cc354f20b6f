/** Saves an anonymized capture of the recent socket frames, to attach to a bug report. */
export function CaptureButton({ onCapture }: { onCapture: () => void }) {
  return (
    <button type="button" class="capture" data-testid="export-capture" onClick={onCapture} title="Recent draft-room frames with member ids, tokens and chat removed (JSON Lines)">
      Export capture for a bug report
    </button>
  );
}
