import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AnswerInput, answerProblem, isBlank, overfull, type Question } from '../../../core/surveys';
import { children, classes, guardians, surveyAnswers, surveyResponses } from '../../../db/schema';
import { handler } from '../define';
import { conflict, invalid, notFound } from '../errors';
import { id } from '../schemas';
import { ENTRY } from './access';
import { responseAudit } from './anonymity';
import { answersInput } from './inputs';
import { insertResponse, loadQuestions, loadRun, openRun, refreshInvited, responsesByClass, runClasses } from './records';

function validateAnswers(questions: Question[], answers: AnswerInput[]): AnswerInput[] {
  const byId = new Map(questions.map((q, i) => [q.id, { q, label: `第 ${i + 1} 题` }]));
  const seen = new Set<number>();
  const kept: AnswerInput[] = [];
  for (const a of answers) {
    const entry = byId.get(a.questionId);
    if (!entry) throw invalid('答卷中有不属于本问卷的题目，请刷新后重试', 'An answer belongs to another questionnaire.');
    if (seen.has(a.questionId)) throw invalid(`${entry.label}重复作答`);
    seen.add(a.questionId);
    if (isBlank(a)) continue;
    const problem = answerProblem(entry.q, a, entry.label);
    if (problem) throw invalid(problem);
    kept.push(a);
  }
  if (kept.length === 0) throw invalid('这份答卷没有任何答案，请至少填写一题', 'The response has no answers.');
  return kept;
}

export const responseHandlers = {
  /** One questionnaire: paper (with its printed number) or, in a named run, for a family. */
  'surveys.addResponse': handler({
    access: ENTRY,
    write: true,
    input: z.object({
      runId: id,
      classId: id,
      responseNo: z.number().int('问卷编号应为整数').min(1, '问卷编号应为正整数').max(99999, '问卷编号最大 99999').optional(),
      householdId: id.optional(),
      answers: answersInput,
    }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      if (!runClasses(ctx, run.id).some((c) => c.id === input.classId)) throw invalid('这个班级不在本次调查范围内');
      if (input.householdId !== undefined) {
        if (run.anonymous) throw invalid('匿名调查不能按家庭录入，答卷不得关联到家庭', 'An anonymous survey cannot be linked to a family.');
        const child = ctx.db
          .select({ id: children.id })
          .from(children)
          .where(and(eq(children.householdId, input.householdId), eq(children.classId, input.classId)))
          .get();
        if (!child) throw invalid('这个家庭在所选班级没有幼儿');
        const done = ctx.db
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(and(eq(surveyResponses.runId, run.id), eq(surveyResponses.householdId, input.householdId)))
          .get();
        if (done) throw conflict('这个家庭已经填写过本次调查');
      } else if (input.responseNo === undefined) {
        throw invalid('请填写问卷上印的编号', 'Enter the number printed on the questionnaire.');
      }
      if (input.responseNo !== undefined) {
        const taken = ctx.db
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(and(eq(surveyResponses.runId, run.id), eq(surveyResponses.responseNo, input.responseNo)))
          .get();
        if (taken) throw conflict(`编号 ${input.responseNo} 的问卷已经录入过了，请核对编号`, `Questionnaire ${input.responseNo} was already entered.`);
      }
      const answers = validateAnswers(loadQuestions(ctx, run.templateId), input.answers);
      refreshInvited(ctx, run.id);
      const tooMany = overfull([{ classId: input.classId }], responsesByClass(ctx, run.id), runClasses(ctx, run.id));
      if (tooMany) throw conflict(tooMany, 'More questionnaires than children in that class.');
      const response = insertResponse(
        ctx,
        {
          runId: run.id,
          classId: input.classId,
          source: input.householdId !== undefined ? 'named' : 'paper',
          responseNo: input.responseNo ?? null,
          householdId: input.householdId ?? null,
        },
        answers,
      );
      ctx.audit({
        action: 'survey.response.add',
        kind: 'record',
        entity: 'survey_response',
        entityId: response.id,
        summary: input.responseNo !== undefined ? `录入调查「${run.title}」第 ${input.responseNo} 号问卷` : `按家庭录入调查「${run.title}」答卷`,
        after: responseAudit(run, response, answers),
      });
      return { id: response.id, responseNo: response.responseNo };
    },
  }),

  /** Removes a wrongly entered questionnaire (it can then be entered again). */
  'surveys.deleteResponse': handler({
    access: ENTRY,
    write: true,
    input: z.object({ responseId: id }),
    run(ctx, input) {
      const response = ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, input.responseId)).get();
      if (!response) throw notFound('这份答卷', 'response');
      const run = openRun(ctx, response.runId);
      const answers = ctx.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, response.id)).all();
      ctx.db.delete(surveyResponses).where(eq(surveyResponses.id, response.id)).run();
      ctx.audit({
        action: 'survey.response.delete',
        kind: 'record',
        entity: 'survey_response',
        entityId: response.id,
        summary: `删除调查「${run.title}」${response.responseNo ? `第 ${response.responseNo} 号` : ''}答卷`,
        before: responseAudit(run, response, answers),
      });
      return { ok: true };
    },
  }),

  /** Named runs: find a family by a child's name, pinyin or initials. */
  'surveys.findHouseholds': handler({
    access: ENTRY,
    write: false,
    input: z.object({ runId: id, q: z.string().trim().min(1, '请输入幼儿姓名或拼音').max(30) }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      if (run.anonymous) throw invalid('匿名调查不能按家庭录入');
      const classIds = runClasses(ctx, run.id).map((c) => c.id);
      const like = `%${input.q.toLowerCase()}%`;
      const found = ctx.db
        .select({ childId: children.id, childName: children.name, householdId: children.householdId, classId: children.classId, className: classes.name })
        .from(children)
        .innerJoin(classes, eq(classes.id, children.classId))
        .where(
          and(
            inArray(children.classId, classIds),
            eq(children.status, 'enrolled'),
            or(sql`${children.name} like ${like}`, sql`${children.namePinyin} like ${like}`, sql`${children.nameInitials} like ${like}`),
          ),
        )
        .orderBy(asc(children.namePinyin))
        .limit(20)
        .all();
      const households = [...new Set(found.map((f) => f.householdId))];
      const people = households.length
        ? ctx.db.select({ householdId: guardians.householdId, name: guardians.name, relationship: guardians.relationship }).from(guardians).where(inArray(guardians.householdId, households)).all()
        : [];
      const answered = new Set(
        households.length
          ? ctx.db
              .select({ h: surveyResponses.householdId })
              .from(surveyResponses)
              .where(and(eq(surveyResponses.runId, run.id), inArray(surveyResponses.householdId, households)))
              .all()
              .map((r) => r.h)
          : [],
      );
      return found.map((f) => ({
        ...f,
        guardians: people.filter((p) => p.householdId === f.householdId).map((p) => `${p.name}（${p.relationship}）`),
        answered: answered.has(f.householdId),
      }));
    },
  }),

};
