import { describe, expect, it } from 'vitest';
import { cleanText, textProblem } from '../../../core/text';

describe('what stored text may hold', () => {
  it('accepts ordinary names, notes with line breaks, and characters outside the BMP', () => {
    for (const ok of ['林小雨', '欧阳子墨', 'Ann-Marie O’Neil', '𠮷野家', '🙂 好']) expect(textProblem(ok)).toBeNull();
    expect(textProblem('第一行\n第二行\t缩进', true)).toBeNull();
  });

  it('refuses control characters, line breaks in one-line fields, direction overrides and broken characters', () => {
    expect(textProblem('林\u0000小雨')).toContain('控制字符');
    expect(textProblem('林\u001b[31m')).toContain('控制字符');
    expect(textProblem('第一行\n第二行')).toContain('控制字符');
    expect(textProblem('林小雨\u202egnp.exe')).toContain('文字方向');
    expect(textProblem('\u2066林\u2069')).toContain('文字方向');
    expect(textProblem('林\ud800')).toContain('残缺字符');
    expect(textProblem('\udc00林')).toContain('残缺字符');
  });

  it('drops the invisible characters copy and paste brings along', () => {
    expect(cleanText('\ufeff 林小雨\u200b ')).toBe('林小雨');
  });
});
