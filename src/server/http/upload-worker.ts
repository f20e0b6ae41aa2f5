/**
 * The parse worker (a `node:worker_threads` thread started by `upload.ts`): takes a file's bytes and the limits, reads
 * the table with `parseTable` and posts back the rows, or the reason it could not. The server's event loop never
 * parses a spreadsheet; a file that would need more memory than the worker is given ends the worker, not the server.
 */
import { parentPort } from 'node:worker_threads';
import { parseTable, RowLimitError, TableFileError, type ParseOptions } from './upload-parse';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  options: ParseOptions;
}

export type ParseReply =
  | { id: number; ok: true; table: Awaited<ReturnType<typeof parseTable>> }
  | { id: number; ok: false; reason: 'rows'; limit: number }
  | { id: number; ok: false; reason: 'file'; message: string }
  | { id: number; ok: false; reason: 'internal'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (req: ParseRequest) => {
    parseTable(req.bytes, req.options).then(
      (table) => port.postMessage({ id: req.id, ok: true, table } satisfies ParseReply),
      (err: unknown) => {
        const reply: ParseReply =
          err instanceof RowLimitError
            ? { id: req.id, ok: false, reason: 'rows', limit: err.limit }
            : err instanceof TableFileError
              ? { id: req.id, ok: false, reason: 'file', message: err.message }
              : { id: req.id, ok: false, reason: 'internal', message: err instanceof Error ? err.message : String(err) };
        port.postMessage(reply);
      },
    );
  });
  port.postMessage('ready');
}
