import { describe, expect, it } from 'vitest';
import {
  autoMap,
  BUILT_IN_TEMPLATE,
  buildReview,
  change,
  distribution,
  lowestFirst,
  mean,
  type Question,
  questionStats,
  readImport,
  recommendationScore,
  runStats,
  suppressedGroups,
} from '../../../../core/surveys';

const q = (id: number, kind: Question['kind'], options: string[] = []): Question => ({ id, kind, options, section: '', text: `题${id}` });
const RATING = ['很不满意', '不满意', '一般', '满意', '非常满意'];

describe('distribution and mean', () => {
  it('counts every value of the scale, including the ones nobody chose', () => {
    expect(distribution([5, 4, 4, 1], 1, 5)).toEqual([1, 0, 0, 2, 1]);
    expect(distribution([0, 10, 10, 7], 0, 10)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
  });
  it('gives the mean to two decimals with the number of answers', () => {
    expect(mean([5, 4, 4])).toEqual({ mean: 4.33, n: 3 });
    expect(mean([1, 2])).toEqual({ mean: 1.5, n: 2 });
    expect(mean([])).toEqual({ mean: null, n: 0 });
  });
});

describe('recommendation score', () => {
  it('is % promoters (9–10) minus % detractors (0–6)', () => {
    // 3 promoters, 2 passives (7, 8), 3 detractors of 8 → (3 − 3) / 8 = 0
    expect(recommendationScore([10, 9, 9, 7, 8, 6, 0, 3]).score).toBe(0);
    // 2 promoters, 1 detractor of 3 → 33.3
    expect(recommendationScore([9, 10, 6])).toEqual({ n: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 });
    expect(recommendationScore([0, 0]).score).toBe(-100);
    expect(recommendationScore([]).score).toBeNull();
  });
  it('puts 7 and 8 in neither group', () => {
    expect(recommendationScore([7, 8, 7, 8]).score).toBe(0);
  });
});

describe('change between runs', () => {
  it('reports moves at or above the threshold as up or down, with the size', () => {
    expect(change(3.3, 3.9, 'rating')).toEqual({ direction: 'up', delta: 0.6 });
    expect(change(3.9, 3.5, 'rating')).toEqual({ direction: 'down', delta: -0.4 });
    expect(change(4.0, 4.2, 'rating')).toEqual({ direction: 'up', delta: 0.2 });
  });
  it('calls smaller moves unchanged but still gives their size', () => {
    expect(change(4.0, 4.15, 'rating')).toEqual({ direction: 'unchanged', delta: 0.15 });
    expect(change(20, 23.5, 'nps')).toEqual({ direction: 'unchanged', delta: 3.5 });
    expect(change(20, 12, 'nps')).toEqual({ direction: 'down', delta: -8 });
  });
  it('has nothing to say when either side is missing or hidden', () => {
    expect(change(null, 4, 'rating')).toBeNull();
    expect(change(4, undefined, 'rating')).toBeNull();
  });
});

describe('small-group suppression', () => {
  it('hides groups under five', () => {
    expect([...suppressedGroups([{ key: 'a', n: 20 }, { key: 'b', n: 3 }, { key: 'c', n: 4 }])].sort()).toEqual(['b', 'c']);
  });
  it('also hides the smallest other group when one small group could be worked out from the total', () => {
    const hidden = suppressedGroups([{ key: 'a', n: 20 }, { key: 'b', n: 3 }, { key: 'c', n: 9 }]);
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });
  it('hides nothing when every group is large enough, and ignores empty groups', () => {
    expect(suppressedGroups([{ key: 1, n: 5 }, { key: 2, n: 0 }]).size).toBe(0);
  });
  it('gives no distribution or mean for a question answered fewer than five times', () => {
    const s = questionStats(q(1, 'rating', RATING), [1, 2, 3, 4].map((r) => ({ responseId: r, questionId: 1, value: 5 })));
    expect(s).toMatchObject({ n: 4, hidden: true, mean: null, distribution: null });
  });
});

describe('review', () => {
  const questions = [q(1, 'rating', RATING), q(2, 'rating', RATING), q(3, 'nps'), q(4, 'multi', ['甲', '乙', '丙'])];
  // Class 10: six responses; class 20: two responses.
  const responses = [1, 2, 3, 4, 5, 6].map((id) => ({ id, classId: 10 })).concat([7, 8].map((id) => ({ id, classId: 20 })));
  const answers = responses.flatMap((r) => [
    { responseId: r.id, questionId: 1, value: r.id <= 6 ? 5 : 1 },
    { responseId: r.id, questionId: 2, value: 3 },
    { responseId: r.id, questionId: 3, value: r.id % 2 === 0 ? 10 : 5 },
    { responseId: r.id, questionId: 4, value: 0 },
    { responseId: r.id, questionId: 4, value: 2 },
  ]);
  const classes = [
    { id: 10, name: '苗苗班', invited: 12 },
    { id: 20, name: '星星班', invited: 10 },
  ];

  it('computes response rates, means, the recommendation score and lowest first', () => {
    const r = buildReview({ questions, classes, responses, answers }, null);
    expect(r.responses).toBe(8);
    expect(r.rate).toBe(36.4);
    expect(r.classes.map((c) => [c.responses, c.rate])).toEqual([
      [6, 50],
      [2, 20],
    ]);
    const stats = new Map(r.questions.map((s) => [s.questionId, s]));
    expect(stats.get(1)).toMatchObject({ n: 8, mean: 4, distribution: [2, 0, 0, 0, 6] });
    expect(stats.get(4)).toMatchObject({ n: 8, distribution: [8, 0, 8] });
    expect(r.recommendation).toMatchObject({ n: 8, promoters: 4, detractors: 4, score: 0 });
    expect(r.overall).toEqual({ mean: 3.5, n: 16, hidden: false });
    expect(r.lowestFirst).toEqual([2, 1]);
  });

  it('never returns the figures of a class with fewer than five responses, nor what would reveal them', () => {
    const r = buildReview({ questions, classes, responses, answers }, null);
    const small = r.classes.find((c) => c.classId === 20)!;
    expect(small.hidden).toBe(true);
    expect(small.cells.every((c) => c.hidden && c.value === null)).toBe(true);
    // The other class is hidden too: total minus it would give the small class away.
    expect(r.classes.find((c) => c.classId === 10)!.cells.every((c) => c.value === null)).toBe(true);
  });

  it('shows class figures when every class is large enough', () => {
    const big = responses.map((r) => ({ ...r, classId: r.id <= 4 ? 10 : 20 }));
    const r = buildReview({ questions, classes, responses: big, answers: answers.filter((a) => a.responseId <= 8) }, null);
    expect(r.classes.every((c) => !c.hidden)).toBe(false); // 4 + 4: both under five
    const more = [...big, ...[9, 10].map((id) => ({ id, classId: 10 })), ...[11, 12].map((id) => ({ id, classId: 20 }))];
    const moreAnswers = more.map((x) => ({ responseId: x.id, questionId: 1, value: x.classId === 10 ? 4 : 2 }));
    const r2 = buildReview({ questions, classes, responses: more, answers: moreAnswers }, null);
    expect(r2.classes.map((c) => c.cells.find((x) => x.questionId === 1)?.value)).toEqual([4, 2]);
  });

  it('compares each question with the previous run of the same questionnaire', () => {
    const previous = runStats(questions, answers.map((a) => (a.questionId === 2 ? { ...a, value: 4 } : a)));
    const r = buildReview({ questions, classes, responses, answers }, previous);
    expect(r.changes.find((c) => c.questionId === 2)).toEqual({ questionId: 2, previous: 4, current: 3, change: { direction: 'down', delta: -1 } });
    expect(r.changes.find((c) => c.questionId === 1)?.change?.direction).toBe('unchanged');
  });

  it('ranks the lowest-scoring questions first, hidden ones last', () => {
    const stats = runStats(questions, answers);
    expect(lowestFirst(questions, stats).map((x) => x.id)).toEqual([2, 1]);
  });
});

describe('the built-in template', () => {
  it('covers seed 001 dimensions, fees transparency and one 0–10 question', () => {
    const sections = new Set(BUILT_IN_TEMPLATE.questions.map((x) => x.section));
    for (const s of ['教育教学', '教师素质', '环境与卫生', '安全管理', '伙食营养', '家园沟通', '收费透明']) expect(sections.has(s)).toBe(true);
    expect(BUILT_IN_TEMPLATE.questions.filter((x) => x.kind === 'nps')).toHaveLength(1);
    expect(BUILT_IN_TEMPLATE.questions.filter((x) => x.kind === 'rating').every((x) => x.options.length === 5)).toBe(true);
  });
});

describe('reading exported spreadsheets', () => {
  const questions = [q(1, 'rating', RATING), q(2, 'nps'), q(3, 'multi', ['教学活动', '伙食', '安全']), q(4, 'text')];
  const ctx = { questions, classes: [{ id: 5, name: '苗苗班' }], existingSerials: new Set<string>() };
  const cell = (column: number, raw: string) => {
    const mapping = [{ question: 1 }, { question: 2 }, { question: 3 }, { question: 4 }];
    const cells = ['', '', '', ''];
    cells[column] = raw;
    return readImport([cells], [2], { mapping, fileClass: 5, labels: {} }, ctx).rows[0]!;
  };
  it('reads ratings as numbers, "5分" or labels; choices as labels joined with ┋', () => {
    expect(cell(0, '非常满意').answers).toEqual([{ questionId: 1, values: [5] }]);
    expect(cell(0, '4分').answers).toEqual([{ questionId: 1, values: [4] }]);
    expect(cell(0, '6').problems.join()).toContain('「6」不是已知的满意程度');
    expect(cell(1, '10').answers).toEqual([{ questionId: 2, values: [10] }]);
    expect(cell(2, '伙食┋安全').answers).toEqual([{ questionId: 3, values: [1, 2] }]);
    expect(cell(2, '游泳').problems.join()).toContain('不是这道题的选项');
    expect(cell(0, '(跳过)').notResponse).toBe('这一行没有任何答案');
  });
  it('maps headings to questions, the class and the serial number', () => {
    const headers = ['序号', '提交答卷时间', '1、您孩子所在的班级：', '2、题1', '3、题2（0-10分）'];
    expect(autoMap(headers, questions)).toEqual([{ field: 'serial' }, { field: 'ignore' }, { field: 'class' }, { question: 1 }, { question: 2 }]);
  });
  it('lists every problem of a row with its spreadsheet row number', () => {
    const { rows } = readImport(
      [
        ['1', '苗苗班', '5', '9'],
        ['2', '火星班', '7', '9'],
        ['1', '苗苗', '4', ''],
      ],
      [2, 3, 4],
      { mapping: [{ field: 'serial' }, { field: 'class' }, { question: 1 }, { question: 2 }], fileClass: null, labels: {} },
      ctx,
    );
    expect(rows[0]).toMatchObject({ row: 2, classId: 5, problems: [] });
    expect(rows[1]!.problems).toEqual(['班级「火星班」不在本次调查的班级中', '第 1 题：「7」不是已知的满意程度，请在上方“答案的写法”中指定它的意思']);
    expect(rows[2]!.problems).toEqual(['序号 1 在文件中重复']);
  });
});
