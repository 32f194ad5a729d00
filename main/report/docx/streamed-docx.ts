/**
 * Writes the report's .docx with its big tables streamed. docx packs the document with each
 * GridTable as a small placeholder (grid.ts); that small .docx is read back entry by entry, and
 * a new zip is written in the same order with word/document.xml streamed: the text around the
 * placeholders as docx wrote it, each table's XML a few rows at a time, deflated as it goes. The
 * whole document XML never exists as one string or one object tree. Public APIs only (docx's
 * Packer, yauzl, yazl).
 */
import { Readable } from 'node:stream';
import { Packer, type Document } from 'docx';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { GridTable } from './grid';

const DOCUMENT_PART = 'word/document.xml';
const PLACEHOLDER = /<w:tbl><parGrid id="(\d+)"\/><\/w:tbl>/g;

/** The entries of a (small, self-made) zip in order, inflated. */
function readEntries(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('zip'));
      const entries: { name: string; data: Buffer }[] = [];
      file.on('error', reject);
      file.on('end', () => resolve(entries));
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (openErr, stream) => {
          if (openErr || !stream) return reject(openErr ?? new Error('zip entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

/** document.xml as docx wrote it, each placeholder replaced by its table's chunks. */
export function* documentChunks(xml: string, tables: ReadonlyMap<number, GridTable>): Generator<string> {
  let at = 0;
  const used = new Set<number>();
  for (const match of xml.matchAll(PLACEHOLDER)) {
    const table = tables.get(Number(match[1]));
    if (!table) throw new Error(`report: no table for placeholder ${match[1]}`);
    used.add(table.gridId);
    yield xml.slice(at, match.index);
    yield* table.xmlChunks();
    at = match.index + match[0].length;
  }
  if (used.size !== tables.size) throw new Error('report: a table placeholder is missing from word/document.xml');
  yield xml.slice(at);
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The .docx bytes (the compressed file is small; what it holds is never built whole). */
export async function packWithStreamedTables(document: Document, tables: readonly GridTable[]): Promise<Buffer> {
  const entries = await readEntries(await Packer.toBuffer(document));
  const byId = new Map(tables.map((t) => [t.gridId, t]));
  const out = new yazl.ZipFile();
  const bytes = collect(out.outputStream);
  for (const { name, data } of entries) {
    if (name !== DOCUMENT_PART) {
      out.addBuffer(data, name);
      continue;
    }
    const chunks = documentChunks(data.toString('utf8'), byId);
    out.addReadStream(Readable.from((function* () {
      for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
    })()), name);
  }
  out.end();
  return bytes;
}
