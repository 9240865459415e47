import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../../../core/sheets';
import { refusal } from './helpers';
import { zip } from '../../../fixtures/xlsx-parts';

describe('readZipDirectory', () => {
  it('lists entries with their declared sizes and where their data starts, inflating nothing', () => {
    const file = zip([
      { name: 'a.xml', data: '<a/>'.repeat(100) },
      { name: 'b.txt', data: 'hello', stored: true },
    ]);
    const entries = readZipDirectory(new Uint8Array(file));
    expect([...entries.keys()]).toEqual(['a.xml', 'b.txt']);
    expect(entries.get('a.xml')).toMatchObject({ method: 8, size: 400 });
    const b = entries.get('b.txt')!;
    expect(file.subarray(b.dataOffset, b.dataOffset + b.compressedSize).toString()).toBe('hello');
  });

  it('reports a declared size as declared (the reader holds the inflater to it)', () => {
    const entries = readZipDirectory(new Uint8Array(zip([{ name: 'x', data: 'x'.repeat(10_000), declaredSize: 10 }])));
    expect(entries.get('x')!.size).toBe(10);
  });

  it('refuses what is not a zip, saying what to do', () => {
    expect(refusal(() => readZipDirectory(new TextEncoder().encode('not a zip at all, just text')))).toBeTruthy();
    expect(refusal(() => readZipDirectory(new Uint8Array(10)))).toMatch(/另存为/);
    const truncated = zip([{ name: 'a', data: 'abc' }]).subarray(0, 40);
    expect(refusal(() => readZipDirectory(new Uint8Array(truncated)))).toBeTruthy();
  });

  it('recognises an old .xls or a password-protected workbook by its signature', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    expect(refusal(() => readZipDirectory(ole))).toMatch(/旧版 .xls 格式，或设置了打开密码/);
  });
});
