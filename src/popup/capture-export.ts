import type { DraftKey } from '../draft/types';
import { sendToWorker } from '../adapters/send-to-worker';
import { exportFileName } from '../export/file-name';
import { downloadText } from './download';

/**
 * Asks the worker for the anonymized capture of one draft's recent frames (they live in its
 * memory only) and saves it as a .jsonl file named for the draft.
 */
export async function downloadCapture(draftId: string, key: DraftKey, archivedAt: number | undefined): Promise<void> {
  const { text } = await sendToWorker('export-capture', { draftId });
  const exportedAt = Date.now();
  const utcOffsetMinutes = -new Date(exportedAt).getTimezoneOffset();
  const name = exportFileName({ key, kind: 'bug-report-capture', ext: 'jsonl', exportedAt, utcOffsetMinutes, archivedAt });
  downloadText(name, text, 'application/x-ndjson');
}
