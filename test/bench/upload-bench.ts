/**
 * Web mode's way in, for reference beside the evidence rows: 2,000 files of 100 KB uploaded to
 * the real loopback bridge (`POST /upload/evidence`, token and Origin checked, streamed into the
 * same import service), one after another and 4 at a time as the app's upload queue sends small
 * files. Beside it, the same files imported by path in the same run (the desktop picker's way),
 * so the figure shows what HTTP adds. Everything lives in a temp folder deleted afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importEvidenceFile } from '../../main/evidence/import-file';
import { startBackendWebServer } from '../../main/web/backend-server';
import type { RunningWebServer } from '../../main/web/server';
import { createHarness, type Harness } from '../helpers/app-harness';
import type { BenchFigure } from './bench-results';
import { agencyDraft } from '../helpers/agency-fixture';

const FILES = 2000;
const SIZE = 100 * 1000;
const PDF_HEADER = Buffer.from('%PDF-1.7\n');

interface Setup {
  h: Harness;
  server: RunningWebServer;
  assessmentId: number;
}

async function setUp(root: string): Promise<Setup> {
  const h = createHarness(path.join(root, 'data'));
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
  const agency = await h.call('agencies:create', agencyDraft());
  const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'department')!;
  const assessmentId = (await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: set.hash })).id;
  return { h, server, assessmentId };
}

async function newItems(s: Setup, count: number): Promise<number[]> {
  const ids: number[] = [];
  const draft = { docNumber: '1/KH', issuedOn: null, issuer: 'UBND', docType: 'plan' as const, summary: 'Tài liệu' };
  for (let i = 0; i < count; i++) ids.push((await s.h.call('evidence:create', { assessmentId: s.assessmentId, code: null, draft })).item!.id);
  return ids;
}

function post(s: Setup, agent: http.Agent, itemId: number, name: string, body: Buffer): Promise<void> {
  const query = new URLSearchParams({ assessmentId: String(s.assessmentId), itemId: String(itemId), name, size: String(body.length) });
  const headers = { Origin: s.server.origin, 'X-PAR-Token': s.server.token, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.server.port, method: 'POST', path: `/upload/evidence?${query}`, headers, agent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => ((JSON.parse(text) as { ok: boolean }).ok ? resolve() : reject(new Error(text))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function rate(count: number, concurrency: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < count; i = next++) await one(i);
  }));
  return count / ((performance.now() - t0) / 1000);
}

async function measure(root: string, bodies: Buffer[], files: string[]): Promise<{ seq: number; four: number; byPath: number }> {
  const s = await setUp(root);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    const items = await newItems(s, FILES * 3);
    const seq = await rate(FILES, 1, (i) => post(s, agent, items[i]!, `tep-${i}.pdf`, bodies[i]!));
    const four = await rate(FILES, 4, (i) => post(s, agent, items[FILES + i]!, `tep-${i}.pdf`, Buffer.concat([bodies[i]!, Buffer.from([i % 251])])));
    const byPath = await rate(FILES, 4, (i) =>
      importEvidenceFile(s.h.ctx.db, s.h.ctx.dataDir, { itemId: items[2 * FILES + i]!, fileName: `tep-${i}.pdf`, source: files[i]!, now: s.h.ctx.now() }),
    );
    return { seq, four, byPath };
  } finally {
    agent.destroy();
    await s.server.close();
    s.h.dispose();
  }
}

export async function benchWebUpload(): Promise<BenchFigure[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-upload-'));
  try {
    const bodies = Array.from({ length: FILES }, () => Buffer.concat([PDF_HEADER, crypto.randomBytes(SIZE - PDF_HEADER.length)]));
    const sources = path.join(root, 'sources');
    fs.mkdirSync(sources);
    const files = bodies.map((b, i) => {
      const file = path.join(sources, `nguon-${i}.pdf`);
      fs.writeFileSync(file, Buffer.concat([b, Buffer.from('path')]));
      return file;
    });
    const { seq, four, byPath } = await measure(root, bodies, files);
    const name = 'web mode: upload 2,000 files of 100 KB through the loopback bridge';
    const limit = { unit: 'files/s', limitName: 'the same import by path, 4 at a time', limit: byPath };
    return [
      { name: `${name}, one after another`, value: seq, ...limit, ratio: seq / byPath, target: 'reference (HTTP + token checks on top of the import)' },
      { name: `${name}, 4 at a time (as the upload queue sends small files)`, value: four, ...limit, ratio: four / byPath, target: 'reference' },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
