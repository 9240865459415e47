/**
 * Search over 5,000 families (5,000+ children, ~11,000 guardians) in a real
 * SQLite file through the real dispatcher: the first query builds the
 * in-memory index; later ones are what staff feel while typing, each beside
 * a plain scan of the same strings in an array. Target: under 10 ms per query. Run: npx tsx bench/search.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyinKeys } from '../core/search/pinyin';
import { seededRandom } from '../db/demo/random';
import { createBackend } from '../electron/backend';
import { compare } from './lib/floor';

interface Person {
  name: string;
  pinyin: string;
  initials: string;
  mobile: string;
}

const FAMILIES = 5000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '子轩浩宇俊熙宇航皓轩梓豪博文一鸣天佑沐阳晨阳宇泽睿哲明轩铭泽思远嘉懿子墨梓涵一诺欣怡诗涵雨桐可馨紫萱语嫣若曦思琪梦瑶雅琪佳怡心悦安琪建国志强海燕丽华伟明秀英国庆红梅永刚晓东春燕'.match(/../g)!;

const dir = mkdtempSync(join(tmpdir(), 'kd-bench-'));
const backend = createBackend({ dbPath: join(dir, 'bench.sqlite'), log: () => {} });
try {
  const demo = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!demo.ok) throw new Error(demo.error.message);
  const session = (demo.value as { session: string }).session;
  const { sqlite } = backend.database();
  const rng = seededRandom(5000);
  const classIds = sqlite.prepare('SELECT id FROM classes').pluck().all() as number[];
  const addHousehold = sqlite.prepare("INSERT INTO households (address) VALUES ('') RETURNING id").pluck();
  const addChild = sqlite.prepare(
    "INSERT INTO children (household_id, name, name_pinyin, name_initials, gender, birth_date, class_id, enrolled_on) VALUES (?, ?, ?, ?, 'M', '2022-01-01', ?, '2025-09-01')",
  );
  const addGuardian = sqlite.prepare(
    "INSERT INTO guardians (household_id, name, name_pinyin, name_initials, relationship, mobile) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const name = () => rng.pick(SURNAMES) + rng.pick(GIVEN);
  let mobile = 13_000_000_000;
  sqlite.transaction(() => {
    for (let i = 0; i < FAMILIES; i++) {
      const household = addHousehold.get() as number;
      for (let c = 0; c < (rng.chance(0.1) ? 2 : 1); c++) {
        const n = name();
        const k = pinyinKeys(n);
        addChild.run(household, n, k.full, k.initials, rng.pick(classIds));
      }
      for (const relationship of ['父亲', '母亲']) {
        const n = name();
        const k = pinyinKeys(n);
        mobile += rng.int(1, 400_000);
        addGuardian.run(household, n, k.full, k.initials, relationship, String(mobile));
      }
    }
  })();
  const children = sqlite.prepare('SELECT count(*) FROM children').pluck().get();
  const guardians = sqlite.prepare('SELECT count(*) FROM guardians').pluck().get();
  console.log(`families ${FAMILIES + 120}, children ${children}, guardians ${guardians}`);

  const search = async (q: string) => {
    const r = await backend.dispatcher.call({ name: 'families.search', input: { q, limit: 20 }, session });
    if (!r.ok) throw new Error(r.error.message);
  };
  const first = performance.now();
  await search('zs');
  console.log(`first query (builds the index): ${(performance.now() - first).toFixed(1)} ms`);
  // The floor: the same strings in a plain array, scanned with includes/startsWith — no ranking, no visibility, no API.
  const people = [
    ...(sqlite.prepare('SELECT name, name_pinyin AS pinyin, name_initials AS initials, \'\' AS mobile FROM children').all() as Person[]),
    ...(sqlite.prepare('SELECT name, name_pinyin AS pinyin, name_initials AS initials, mobile FROM guardians').all() as Person[]),
  ];
  // Every entry is looked at, as the search must (it ranks all matches before taking 20).
  const scan = (q: string) => people.filter((p) => p.name.includes(q) || p.pinyin.startsWith(q) || p.initials.startsWith(q) || p.mobile.includes(q)).slice(0, 20);
  const queries = ['z', 'zs', 'zhang', 'zhangzixuan', '张', '张子轩', 'wang', 'lhy', '5678', '139', '0001234'];
  for (const q of queries) await compare(`families.search ${JSON.stringify(q)}`, () => search(q), `array scan of ${people.length} people`, () => scan(q), 50);
  // A write invalidates the index; the next query pays for one rebuild.
  addGuardian.run(1, '新家长', 'xinjiazhang', 'xjz', '父亲', '13999999999');
  const rebuild = performance.now();
  await search('xjz');
  console.log(`after a change (rebuild): ${(performance.now() - rebuild).toFixed(1)} ms`);
} finally {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}
