import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTION_STATUSES, QUESTION_KINDS, RUN_STATUSES } from '../../core/surveys/types';
import { oneOf } from './checks';
import { households } from './families';
import { classes, semesters } from './kindergarten';
import { staff } from './staff';

/**
 * Parent satisfaction surveys (seed 001: 定期满意度调查 → 分析 → 改进 → 跟踪).
 * A template's questions are frozen once a run uses it, so runs of the same
 * template compare question by question.
 */
export const surveyTemplates = sqliteTable('survey_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** The copy of the built-in template (core/surveys/template.ts); at most one. */
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * kind: rating (1–5, `options` = the five labels) | single | multi (`options` =
 * choices) | text | nps (0–10, would you recommend us). Options as a JSON array.
 */
export const surveyQuestions = sqliteTable(
  'survey_questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: integer('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    position: integer('position').notNull(),
    section: text('section').notNull().default(''),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    options: text('options_json').notNull().default('[]'),
  },
  (t) => [uniqueIndex('survey_questions_position').on(t.templateId, t.position), check('survey_questions_kind', oneOf(t.kind, QUESTION_KINDS))],
);

/** One survey for a term and chosen classes. status: open | closed. */
export const surveyRuns = sqliteTable(
  'survey_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: integer('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    title: text('title').notNull(),
    semesterId: integer('semester_id')
      .notNull()
      .references(() => semesters.id),
    /** Anonymous runs store no household on any response. */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('survey_runs_template').on(t.templateId, t.createdAt), check('survey_runs_status', oneOf(t.status, RUN_STATUSES))],
);

/** The classes a run goes to, with the number of children there when it started (for the response rate). */
export const surveyRunClasses = sqliteTable(
  'survey_run_classes',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => surveyRuns.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    invited: integer('invited').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.classId] })],
);

/**
 * One filled-in questionnaire. source: paper (responseNo = the number printed
 * on the sheet) | named (householdId set; named runs only) | import
 * (sourceRef = the online service's serial number, so a file cannot be
 * imported twice).
 */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => surveyRuns.id),
    /** Null when the class is not known (an online export without a class question): counted in the run, in no class. */
    classId: integer('class_id').references(() => classes.id),
    source: text('source').notNull(),
    responseNo: integer('response_no'),
    sourceRef: text('source_ref'),
    householdId: integer('household_id').references(() => households.id),
    enteredBy: integer('entered_by').references(() => staff.id),
    enteredAt: text('entered_at').notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_no').on(t.runId, t.responseNo),
    uniqueIndex('survey_responses_ref').on(t.runId, t.sourceRef),
    uniqueIndex('survey_responses_household').on(t.runId, t.householdId),
    index('survey_responses_run_class').on(t.runId, t.classId),
  ],
);

/** value: the rating, the 0–10 score or the option index; a multiple choice has one row per option ticked. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: integer('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    value: integer('value'),
    text: text('text'),
  },
  (t) => [index('survey_answers_response').on(t.responseId), index('survey_answers_question').on(t.questionId)],
);

/** The principal's tags on free-text comments (e.g. 伙食, 接送), for grouping and search. */
export const surveyCommentTags = sqliteTable(
  'survey_comment_tags',
  {
    answerId: integer('answer_id')
      .notNull()
      .references(() => surveyAnswers.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.tag] })],
);

/** 持续改进: what is being done about a question's result. status: planned | in_progress | done. */
export const surveyActions = sqliteTable(
  'survey_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => surveyRuns.id),
    questionId: integer('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('survey_actions_run').on(t.runId), check('survey_actions_status', oneOf(t.status, ACTION_STATUSES))],
);

/**
 * How the columns of an exported questionnaire file were mapped, kept per
 * questionnaire and file layout (a hash of the header row), so choosing the
 * next export of the same survey brings the principal's mapping back.
 */
export const surveyImportMappings = sqliteTable(
  'survey_import_mappings',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    signature: text('signature').notNull(),
    /** { mapping, fileClass, labels } as the import step uses them. */
    settings: text('settings_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.signature] })],
);
