import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full toneless pinyin ("zhangsan") and
 * initials ("zs"). Names are short; polyphonic surnames use pinyin-pro's
 * surname mode so 单 reads shan, 曾 reads zeng.
 */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { full: clean.join(''), initials: clean.map((s) => s.charAt(0)).join('') };
}
