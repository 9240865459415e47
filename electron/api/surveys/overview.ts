import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { BUILT_IN_TEMPLATE } from '../../../core/surveys';
import { classes, semesters, surveyQuestions, surveyRuns, surveyTemplates } from '../../../db/schema';
import { handler } from '../define';
import { ALL } from './access';

const countBy = (rows: { key: number; n: number }[]) => new Map(rows.map((r) => [r.key, r.n]));

export const overviewHandlers = {
  /** The surveys screen: templates, runs with their response counts, and what a new run can choose from. */
  'surveys.overview': handler({
    access: ALL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const actor = ctx.actor!;
      // Counted per template with GROUP BY: a correlated subquery written with ${surveyTemplates.id}
      // renders as a bare "id", which inside the subquery is the inner table's own id (every count was 1).
      const questionCounts = countBy(ctx.db.select({ key: surveyQuestions.templateId, n: count() }).from(surveyQuestions).groupBy(surveyQuestions.templateId).all());
      const runCounts = countBy(ctx.db.select({ key: surveyRuns.templateId, n: count() }).from(surveyRuns).groupBy(surveyRuns.templateId).all());
      const templates = ctx.db
        .select({ id: surveyTemplates.id, name: surveyTemplates.name, description: surveyTemplates.description, builtIn: surveyTemplates.builtIn })
        .from(surveyTemplates)
        .orderBy(asc(surveyTemplates.id))
        .all()
        .map((t) => ({ ...t, questions: questionCounts.get(t.id) ?? 0, runs: runCounts.get(t.id) ?? 0 }));
      const teacherClass = ctx.classScope.classId;
      const runs = ctx.db
        .select({
          id: surveyRuns.id,
          title: surveyRuns.title,
          templateId: surveyRuns.templateId,
          templateName: surveyTemplates.name,
          semester: semesters.name,
          anonymous: surveyRuns.anonymous,
          status: surveyRuns.status,
          createdAt: surveyRuns.createdAt,
          invited: sql<number>`(select coalesce(sum(invited), 0) from survey_run_classes c where c.run_id = ${surveyRuns.id} and (${teacherClass} is null or c.class_id = ${teacherClass}))`,
          responses: sql<number>`(select count(*) from survey_responses s where s.run_id = ${surveyRuns.id} and (${teacherClass} is null or s.class_id = ${teacherClass}))`,
        })
        .from(surveyRuns)
        .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyRuns.templateId))
        .innerJoin(semesters, eq(semesters.id, surveyRuns.semesterId))
        .orderBy(desc(surveyRuns.createdAt), desc(surveyRuns.id))
        .all();
      return {
        templates: actor.role === 'teacher' ? [] : templates,
        builtIn: { name: BUILT_IN_TEMPLATE.name, questions: BUILT_IN_TEMPLATE.questions.length, inUse: templates.some((t) => t.builtIn) },
        runs,
        semesters: ctx.db.select({ id: semesters.id, name: semesters.name }).from(semesters).orderBy(asc(semesters.firstMonth)).all(),
        classes: ctx.db.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.archived, false)).orderBy(asc(classes.id)).all(),
        today: ctx.today(),
      };
    },
  }),

};
