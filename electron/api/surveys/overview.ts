import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { BUILT_IN_TEMPLATE } from '../../../core/surveys';
import { classes, semesters, surveyRuns, surveyTemplates } from '../../../db/schema';
import { handler } from '../define';
import { ALL } from './access';

export const overviewHandlers = {
  /** The surveys screen: templates, runs with their response counts, and what a new run can choose from. */
  'surveys.overview': handler({
    access: ALL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const actor = ctx.actor!;
      const templates = ctx.db
        .select({
          id: surveyTemplates.id,
          name: surveyTemplates.name,
          description: surveyTemplates.description,
          builtIn: surveyTemplates.builtIn,
          questions: sql<number>`(select count(*) from survey_questions q where q.template_id = ${surveyTemplates.id})`,
          runs: sql<number>`(select count(*) from survey_runs r where r.template_id = ${surveyTemplates.id})`,
        })
        .from(surveyTemplates)
        .orderBy(asc(surveyTemplates.id))
        .all();
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
