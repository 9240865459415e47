import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../core/families/id-number';
import { type DemoBackend, demoBackend } from './helpers';

// Characters that mark a given name of this generation as a woman's or a man's
// (名 only: the surname is the first character). Ambiguous ones (华, 文, 晓…) are left out.
const WOMANLY = [...'燕芬英兰梅娟婷静丽芳霞敏慧琴珍凤秀淑桂玉红雪晶莉萍娥艳倩玲娜翠'];
const MANLY = [...'强刚军国伟东杰峰磊涛鹏斌超勇林宝福胜生栋飞宇辉明'];
const WOMEN = ['母亲', '祖母', '外祖母'];
const MEN = ['父亲', '祖父', '外祖父'];

let demo: DemoBackend;
beforeAll(async () => {
  demo = await demoBackend();
});
afterAll(() => demo?.close());

interface Guardian {
  name: string;
  relationship: string;
  household_id: number;
}
interface Child {
  name: string;
  gender: 'M' | 'F';
  birth_date: string;
  id_number: string | null;
  household_id: number;
}
const guardians = (d: DemoBackend) => d.sqlite.prepare('SELECT name, relationship, household_id FROM guardians ORDER BY id').all() as Guardian[];
const children = (d: DemoBackend) => d.sqlite.prepare('SELECT name, gender, birth_date, id_number, household_id FROM children ORDER BY id').all() as Child[];

describe('the demo kindergarten looks like a real one', () => {
  it('gives mothers and grandmothers women’s names, fathers and grandfathers men’s', () => {
    const all = guardians(demo);
    expect(all.length).toBeGreaterThan(200);
    const misfits = all.filter((g) => {
      const given = [...g.name.slice(1)];
      if (WOMEN.includes(g.relationship)) return given.some((c) => MANLY.includes(c));
      if (MEN.includes(g.relationship)) return given.some((c) => WOMANLY.includes(c));
      return true; // every demo guardian is a parent or grandparent
    });
    expect(misfits.map((g) => `${g.name}（${g.relationship}）`)).toEqual([]);
    // Grandparents on both sides; the father's father carries the family name, the mother's father hers.
    expect(new Set(all.map((g) => g.relationship))).toEqual(new Set([...WOMEN, ...MEN]));
    const byHousehold = new Map<number, Guardian[]>();
    for (const g of all) byHousehold.set(g.household_id, [...(byHousehold.get(g.household_id) ?? []), g]);
    for (const family of byHousehold.values()) {
      const father = family.find((g) => g.relationship === '父亲')!;
      const mother = family.find((g) => g.relationship === '母亲')!;
      const grandpa = family.find((g) => g.relationship === '祖父');
      const maternal = family.find((g) => g.relationship === '外祖父');
      if (grandpa) expect(grandpa.name[0]).toBe(father.name[0]);
      if (maternal) expect(maternal.name[0]).toBe(mother.name[0]);
    }
  });

  it('gives every child a valid resident ID number that agrees with the birth date and gender on file', () => {
    const kids = children(demo);
    expect(kids).toHaveLength(120);
    for (const kid of kids) {
      const check = checkIdNumber(kid.id_number ?? '');
      expect(check, `${kid.name} ${kid.id_number}`).toMatchObject({ ok: true, birthDate: kid.birth_date, gender: kid.gender });
      expect(kid.id_number!.slice(0, 4)).toBe('3206'); // registered in Nantong
    }
    expect(new Set(kids.map((k) => k.id_number)).size).toBe(kids.length);
    // Siblings are in one household and the child's family name is the father's.
    const fathers = new Map(guardians(demo).filter((g) => g.relationship === '父亲').map((g) => [g.household_id, g.name]));
    for (const kid of kids) expect(kid.name[0]).toBe(fathers.get(kid.household_id)![0]);
  });

  it('is the same demo on every load', async () => {
    const again = await demoBackend();
    try {
      expect(children(again)).toEqual(children(demo));
      expect(guardians(again)).toEqual(guardians(demo));
    } finally {
      again.close();
    }
  });
});
