import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportUsageError } from './errors.js';
import {
  detectEncoding,
  detectFileEncoding,
  readCsvHeader,
  readCsvRecords,
  type CsvRecord,
} from './csv.js';
import { tempDirs } from '../../test/support/temp-dir.js';

const tempDir = tempDirs();

async function writeTemp(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDir('truce-csv-'), name);
  await writeFile(path, content);
  return path;
}

async function records(path: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(path, encoding)) out.push(record);
  return out;
}

describe('encodings', () => {
  it('calls valid UTF-8 utf-8, with or without a byte order mark', () => {
    expect(detectEncoding(new TextEncoder().encode('Kyiv, Київ ’'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
  });

  it('calls anything else windows-1252', () => {
    expect(detectEncoding(new Uint8Array([0x49, 0x92, 0x6d]))).toBe('windows-1252');
    expect(detectEncoding(new Uint8Array([0xe2, 0x80]))).toBe('windows-1252');
  });

  it('decodes a Windows-1252 file so that its punctuation survives', async () => {
    const path = await writeTemp(
      'w.csv',
      new Uint8Array([...Buffer.from('a\nI'), 0x92, 0x6d, 0x0a]),
    );
    expect(await detectFileEncoding(path)).toBe('windows-1252');
    expect((await records(path, 'windows-1252'))[0]?.values).toEqual({ a: 'I’m' });
  });
});

describe('byte order marks', () => {
  it('drops a UTF-8 byte order mark from the first header name', async () => {
    const path = await writeTemp('bom.csv', '\ufeffid,date\n1,2022-01-01\n');
    expect(await detectFileEncoding(path)).toBe('utf-8');
    expect(await readCsvHeader(path, 'utf-8')).toEqual(['id', 'date']);
  });

  it('refuses UTF-16 with a usage error', async () => {
    const path = await writeTemp('u16.csv', Buffer.from('\ufeffid\n1\n', 'utf16le'));
    await expect(detectFileEncoding(path)).rejects.toThrow(ImportUsageError);
  });
});

describe('records', () => {
  it('gives each record the physical line it starts on, across multi-line cells and blank lines', async () => {
    for (const nl of ['\n', '\r\n']) {
      const text = ['id,text', '1,"two', 'lines"', '', '2,plain', '3,"a', '', 'b"', '4,end'].join(
        nl,
      );
      const path = await writeTemp('lines.csv', text + nl);
      const got = (await records(path)).map((r) => [r.values['id'], r.line]);
      expect(got, JSON.stringify(nl)).toEqual([
        ['1', 2],
        ['2', 5],
        ['3', 6],
        ['4', 9],
      ]);
    }
  });

  it('keeps cells exactly as read, formula-like ones included', async () => {
    const path = await writeTemp('f.csv', 'a,b,c,d\n=1+1,+380, -x,@me\n');
    expect((await records(path))[0]?.values).toEqual({ a: '=1+1', b: '+380', c: ' -x', d: '@me' });
  });

  it('reports a record with the wrong number of cells as an error on the row', async () => {
    const path = await writeTemp('n.csv', 'a,b\n1,2,3\n4\n');
    const [long, short] = await records(path);
    expect(long?.problems).toEqual([
      { field: 'row', message: 'has 3 cells; the header has 2', severity: 'error' },
    ]);
    expect(long?.values).toEqual({ a: '1', b: '2', 'column 3': '3' });
    expect(short?.problems[0]?.message).toBe('has 1 cells; the header has 2');
  });

  it('turns an unclosed quote into one unreadable row instead of a crash', async () => {
    const path = await writeTemp('q.csv', 'a,b\n1,2\n3,"never closed\n4,5\n');
    const rows = await records(path);
    expect(rows.map((r) => [r.line, r.readable])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(rows[1]?.problems[0]?.message).toMatch(/quote opened here is never closed/);
    expect(rows[1]?.values['raw']).toContain('never closed');
  });

  it('names empty and repeated header cells so that no cell is lost', async () => {
    const path = await writeTemp('h.csv', 'a,,a\n1,2,3\n');
    expect(await readCsvHeader(path, 'utf-8')).toEqual(['a', 'column 2', 'a (2)']);
  });
});
