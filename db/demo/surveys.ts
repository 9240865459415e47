import { asc, eq } from 'drizzle-orm';
import { BUILT_IN_TEMPLATE } from '../../core/surveys/template';
import type { Db } from '../open';
import {
  children,
  classes,
  semesters,
  staff,
  surveyActions,
  surveyAnswers,
  surveyCommentTags,
  surveyQuestions,
  surveyResponses,
  surveyRunClasses,
  surveyRuns,
  surveyTemplates,
} from '../schema';
import { type Random, seededRandom } from './random';

/**
 * Two runs of the built-in questionnaire in the autumn term: one a month in
 * (closed, with improvement actions on food and replies) and the mid-term
 * one (open), where food got better and replies did not. Two small classes
 * answered too little to be shown, so the review shows its privacy rule.
 */
const COMMENTS = [
  '希望午餐能多一些蔬菜，孩子回家说菜太少。',
  '老师非常有耐心，孩子很喜欢上幼儿园。',
  '接送时门口太拥挤，建议错峰放学。',
  '班级群里的通知有时太晚，希望提前一天发。',
  '户外活动时间可以再多一些。',
  '收费明细很清楚，谢谢。',
  '孩子午睡时被子有点薄，天冷了请注意。',
  '希望多组织一些亲子活动。',
  '留言问老师问题，两三天才回复。',
  '饭菜比上个月好多了，孩子吃得多了。',
  '卫生间地面有时比较湿滑，注意安全。',
  '希望每周能看到孩子在园的照片。',
  '英语兴趣班的安排能否提前告知家长？',
  '保健医生很负责，孩子发烧时及时通知了我们。',
  '园门口保安很认真，登记严格，放心。',
  '希望伙食表每周公布。',
];
const TAGS: Record<number, string[]> = { 0: ['伙食'], 2: ['接送', '安全'], 3: ['沟通'], 8: ['沟通'], 9: ['伙食'], 15: ['伙食'] };

/** Typical means per question (built-in template order); the two runs differ where the story needs it. */
const PREVIOUS_MEANS = [4.3, 4.2, 4.5, 4.6, 4.0, 4.2, 4.1, 3.3, 4.0, 3.9, 0, 4.4, 0, 8.2, 0];
const CURRENT_MEANS = [4.3, 4.3, 4.5, 4.6, 4.1, 4.2, 4.2, 3.9, 4.0, 3.5, 0, 4.4, 0, 8.4, 0];

function rating(rng: Random, mean: number): number {
  return Math.min(5, Math.max(1, Math.round(mean + (rng.next() - 0.5) * 2.2)));
}

function nps(rng: Random, mean: number): number {
  return Math.min(10, Math.max(0, Math.round(mean + (rng.next() - 0.5) * 5)));
}

export function loadSurveyDemo(db: Db): { runs: number; responses: number } {
  const rng = seededRandom(20261109);
  const template = db
    .insert(surveyTemplates)
    .values({ name: BUILT_IN_TEMPLATE.name, description: BUILT_IN_TEMPLATE.description, builtIn: true, createdAt: '2026-09-20T02:00:00.000Z' })
    .returning()
    .get();
  const questions = BUILT_IN_TEMPLATE.questions.map((q, position) =>
    db
      .insert(surveyQuestions)
      .values({ templateId: template.id, position, section: q.section, kind: q.kind, text: q.text, options: JSON.stringify(q.options) })
      .returning()
      .get(),
  );
  const semester = db.select().from(semesters).orderBy(asc(semesters.firstMonth)).get()!;
  const principal = db.select().from(staff).where(eq(staff.role, 'principal')).get()!;
  const frontDesk = db.select().from(staff).where(eq(staff.role, 'front_desk')).get()!;
  const classRows = db.select().from(classes).orderBy(asc(classes.id)).all();
  const sizes = new Map<number, number>();
  for (const c of db.select({ classId: children.classId }).from(children).all()) sizes.set(c.classId, (sizes.get(c.classId) ?? 0) + 1);

  const runs = [
    { title: '2026秋季开学家长满意度调查', createdAt: '2026-09-28T01:00:00.000Z', status: 'closed', means: PREVIOUS_MEANS, perClass: [14, 18, 17, 16, 19] },
    { title: '2026秋季期中家长满意度调查', createdAt: '2026-11-09T01:00:00.000Z', status: 'closed', means: CURRENT_MEANS, perClass: [4, 19, 18, 17, 3] },
  ];
  let total = 0;
  const runIds: number[] = [];
  for (const spec of runs) {
    const run = db
      .insert(surveyRuns)
      .values({ templateId: template.id, title: spec.title, semesterId: semester.id, anonymous: true, status: spec.status, createdBy: principal.id, createdAt: spec.createdAt })
      .returning()
      .get();
    runIds.push(run.id);
    db.insert(surveyRunClasses)
      .values(classRows.map((c) => ({ runId: run.id, classId: c.id, invited: sizes.get(c.id) ?? 0 })))
      .run();
    let responseNo = 0;
    classRows.forEach((cls, classIndex) => {
      for (let i = 0; i < (spec.perClass[classIndex] ?? 0); i++) {
        responseNo++;
        const response = db
          .insert(surveyResponses)
          .values({ runId: run.id, classId: cls.id, source: 'paper', responseNo, enteredBy: frontDesk.id, enteredAt: spec.createdAt.replace('01:00', `0${2 + (i % 7)}:00`) })
          .returning()
          .get();
        total++;
        const answers: (typeof surveyAnswers.$inferInsert)[] = [];
        questions.forEach((q, qi) => {
          const mean = spec.means[qi] ?? 0;
          if (q.kind === 'rating' && !rng.chance(0.03)) answers.push({ responseId: response.id, questionId: q.id, value: rating(rng, mean) });
          if (q.kind === 'nps') answers.push({ responseId: response.id, questionId: q.id, value: nps(rng, mean) });
          if (q.kind === 'single') answers.push({ responseId: response.id, questionId: q.id, value: rng.int(0, 4) === 4 ? 4 : rng.int(0, 2) });
          if (q.kind === 'multi') {
            for (const option of [5, 6, 0, 1, 2, 3, 4, 7]) if (rng.chance(option === 5 || option === 6 ? 0.35 : 0.12)) answers.push({ responseId: response.id, questionId: q.id, value: option });
          }
          if (q.kind === 'text' && rng.chance(0.3)) {
            const index = rng.int(0, COMMENTS.length - 1);
            const answer = db.insert(surveyAnswers).values({ responseId: response.id, questionId: q.id, text: COMMENTS[index]! }).returning().get();
            for (const tag of TAGS[index] ?? []) db.insert(surveyCommentTags).values({ answerId: answer.id, tag }).run();
          }
        });
        if (answers.length) db.insert(surveyAnswers).values(answers).run();
      }
    });
  }

  const food = questions[7]!;
  const replies = questions[9]!;
  db.insert(surveyActions)
    .values([
      {
        runId: runIds[0]!,
        questionId: food.id,
        title: '调整午餐菜谱：每餐两种蔬菜，每周公布带量食谱',
        owner: '赵师傅（食堂）',
        dueDate: '2026-10-20',
        status: 'done',
        note: '10 月 12 日起执行，家委会试吃两次。',
        createdAt: '2026-10-08T02:00:00.000Z',
        updatedAt: '2026-10-20T08:00:00.000Z',
      },
      {
        runId: runIds[0]!,
        questionId: replies.id,
        title: '家长留言当天回复，班主任每天 17:00 前查看班级群',
        owner: '各班班主任',
        dueDate: '2026-11-30',
        status: 'in_progress',
        note: '',
        createdAt: '2026-10-08T02:10:00.000Z',
        updatedAt: '2026-10-08T02:10:00.000Z',
      },
    ])
    .run();
  return { runs: runs.length, responses: total };
}
