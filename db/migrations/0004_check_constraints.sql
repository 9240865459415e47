PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attendance` (
	`child_id` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`child_id`, `date`),
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_status" CHECK("status" IN ('present', 'sick', 'personal', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_attendance`("child_id", "date", "status", "note", "recorded_by", "recorded_at") SELECT "child_id", "date", "status", "note", "recorded_by", "recorded_at" FROM `attendance`;--> statement-breakpoint
DROP TABLE `attendance`;--> statement-breakpoint
ALTER TABLE `__new_attendance` RENAME TO `attendance`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `attendance_date_child_status` ON `attendance` (`date`,`child_id`,`status`);--> statement-breakpoint
CREATE TABLE `__new_attendance_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` integer NOT NULL,
	`date` text NOT NULL,
	`old_status` text,
	`old_note` text DEFAULT '' NOT NULL,
	`new_status` text,
	`new_note` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`changed_by` integer,
	`changed_at` text NOT NULL,
	`after_settlement` integer DEFAULT false NOT NULL,
	`handled_at` text,
	`handled_by` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_changes_old_status" CHECK("old_status" IS NULL OR "old_status" IN ('present', 'sick', 'personal', 'other')),
	CONSTRAINT "attendance_changes_new_status" CHECK("new_status" IS NULL OR "new_status" IN ('present', 'sick', 'personal', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_attendance_changes`("id", "child_id", "date", "old_status", "old_note", "new_status", "new_note", "reason", "changed_by", "changed_at", "after_settlement", "handled_at", "handled_by") SELECT "id", "child_id", "date", "old_status", "old_note", "new_status", "new_note", "reason", "changed_by", "changed_at", "after_settlement", "handled_at", "handled_by" FROM `attendance_changes`;--> statement-breakpoint
DROP TABLE `attendance_changes`;--> statement-breakpoint
ALTER TABLE `__new_attendance_changes` RENAME TO `attendance_changes`;--> statement-breakpoint
CREATE INDEX `attendance_changes_child_date` ON `attendance_changes` (`child_id`,`date`);--> statement-breakpoint
CREATE INDEX `attendance_changes_settlement` ON `attendance_changes` (`after_settlement`,`handled_at`);--> statement-breakpoint
CREATE TABLE `__new_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_date` text NOT NULL,
	`last_date` text NOT NULL,
	`kind` text NOT NULL,
	`class_id` integer,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "closures_kind" CHECK("kind" IN ('suspension', 'own_holiday'))
);
--> statement-breakpoint
INSERT INTO `__new_closures`("id", "first_date", "last_date", "kind", "class_id", "reason", "created_by", "created_at") SELECT "id", "first_date", "last_date", "kind", "class_id", "reason", "created_by", "created_at" FROM `closures`;--> statement-breakpoint
DROP TABLE `closures`;--> statement-breakpoint
ALTER TABLE `__new_closures` RENAME TO `closures`;--> statement-breakpoint
CREATE TABLE `__new_child_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "child_status_changes_from" CHECK("from_status" IS NULL OR "from_status" IN ('enrolled', 'suspended', 'withdrawn', 'graduated')),
	CONSTRAINT "child_status_changes_to" CHECK("to_status" IN ('enrolled', 'suspended', 'withdrawn', 'graduated'))
);
--> statement-breakpoint
INSERT INTO `__new_child_status_changes`("id", "child_id", "from_status", "to_status", "effective_on", "reason", "recorded_by", "recorded_at") SELECT "id", "child_id", "from_status", "to_status", "effective_on", "reason", "recorded_by", "recorded_at" FROM `child_status_changes`;--> statement-breakpoint
DROP TABLE `child_status_changes`;--> statement-breakpoint
ALTER TABLE `__new_child_status_changes` RENAME TO `child_status_changes`;--> statement-breakpoint
CREATE INDEX `child_status_changes_child` ON `child_status_changes` (`child_id`);--> statement-breakpoint
CREATE TABLE `__new_children` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`name_initials` text DEFAULT '' NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`id_number` text,
	`class_id` integer NOT NULL,
	`enrolled_on` text NOT NULL,
	`status` text DEFAULT 'enrolled' NOT NULL,
	`status_since` text,
	`status_reason` text,
	`billing_mode` text DEFAULT 'monthly' NOT NULL,
	`meals` integer DEFAULT true NOT NULL,
	`boarding` integer DEFAULT false NOT NULL,
	`custody_agreed_on` text,
	`bus_agreed_on` text,
	`reduction_category` text,
	`reduction_note` text,
	`health_notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "children_status" CHECK("status" IN ('enrolled', 'suspended', 'withdrawn', 'graduated'))
);
--> statement-breakpoint
INSERT INTO `__new_children`("id", "household_id", "name", "name_pinyin", "name_initials", "gender", "birth_date", "id_number", "class_id", "enrolled_on", "status", "status_since", "status_reason", "billing_mode", "meals", "boarding", "custody_agreed_on", "bus_agreed_on", "reduction_category", "reduction_note", "health_notes", "created_at") SELECT "id", "household_id", "name", "name_pinyin", "name_initials", "gender", "birth_date", "id_number", "class_id", "enrolled_on", "status", "status_since", "status_reason", "billing_mode", "meals", "boarding", "custody_agreed_on", "bus_agreed_on", "reduction_category", "reduction_note", "health_notes", "created_at" FROM `children`;--> statement-breakpoint
DROP TABLE `children`;--> statement-breakpoint
ALTER TABLE `__new_children` RENAME TO `children`;--> statement-breakpoint
CREATE INDEX `children_class` ON `children` (`class_id`);--> statement-breakpoint
CREATE INDEX `children_household` ON `children` (`household_id`);--> statement-breakpoint
CREATE TABLE `__new_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer,
	`child_id` integer,
	`class_id` integer,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`content` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`handler_id` integer,
	`due_on` text,
	`reply` text DEFAULT '' NOT NULL,
	`closed_on` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "feedback_status" CHECK("status" IN ('open', 'in_progress', 'replied', 'closed'))
);
--> statement-breakpoint
INSERT INTO `__new_feedback`("id", "household_id", "child_id", "class_id", "received_on", "channel", "category", "content", "anonymous", "status", "handler_id", "due_on", "reply", "closed_on", "created_by", "created_at") SELECT "id", "household_id", "child_id", "class_id", "received_on", "channel", "category", "content", "anonymous", "status", "handler_id", "due_on", "reply", "closed_on", "created_by", "created_at" FROM `feedback`;--> statement-breakpoint
DROP TABLE `feedback`;--> statement-breakpoint
ALTER TABLE `__new_feedback` RENAME TO `feedback`;--> statement-breakpoint
CREATE INDEX `feedback_status` ON `feedback` (`status`);--> statement-breakpoint
CREATE INDEX `feedback_household` ON `feedback` (`household_id`);--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`staff_id` integer,
	`action` text NOT NULL,
	`kind` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`summary` text DEFAULT '' NOT NULL,
	`before_json` text,
	`after_json` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_log_kind" CHECK("kind" IN ('money', 'attendance', 'record', 'account', 'system'))
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "staff_id", "action", "kind", "entity", "entity_id", "summary", "before_json", "after_json") SELECT "id", "at", "staff_id", "action", "kind", "entity", "entity_id", "summary", "before_json", "after_json" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_staff` ON `audit_log` (`staff_id`);--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `__new_survey_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`title` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `survey_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `survey_questions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_actions_status" CHECK("status" IN ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
INSERT INTO `__new_survey_actions`("id", "run_id", "question_id", "title", "owner", "due_date", "status", "note", "created_at", "updated_at") SELECT "id", "run_id", "question_id", "title", "owner", "due_date", "status", "note", "created_at", "updated_at" FROM `survey_actions`;--> statement-breakpoint
DROP TABLE `survey_actions`;--> statement-breakpoint
ALTER TABLE `__new_survey_actions` RENAME TO `survey_actions`;--> statement-breakpoint
CREATE INDEX `survey_actions_run` ON `survey_actions` (`run_id`);--> statement-breakpoint
CREATE TABLE `__new_survey_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`position` integer NOT NULL,
	`section` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`options_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_questions_kind" CHECK("kind" IN ('rating', 'single', 'multi', 'text', 'nps'))
);
--> statement-breakpoint
INSERT INTO `__new_survey_questions`("id", "template_id", "position", "section", "kind", "text", "options_json") SELECT "id", "template_id", "position", "section", "kind", "text", "options_json" FROM `survey_questions`;--> statement-breakpoint
DROP TABLE `survey_questions`;--> statement-breakpoint
ALTER TABLE `__new_survey_questions` RENAME TO `survey_questions`;--> statement-breakpoint
CREATE UNIQUE INDEX `survey_questions_position` ON `survey_questions` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_survey_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`title` text NOT NULL,
	`semester_id` integer NOT NULL,
	`anonymous` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`semester_id`) REFERENCES `semesters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_runs_status" CHECK("status" IN ('open', 'closed'))
);
--> statement-breakpoint
INSERT INTO `__new_survey_runs`("id", "template_id", "title", "semester_id", "anonymous", "status", "created_by", "created_at") SELECT "id", "template_id", "title", "semester_id", "anonymous", "status", "created_by", "created_at" FROM `survey_runs`;--> statement-breakpoint
DROP TABLE `survey_runs`;--> statement-breakpoint
ALTER TABLE `__new_survey_runs` RENAME TO `survey_runs`;--> statement-breakpoint
CREATE INDEX `survey_runs_template` ON `survey_runs` (`template_id`,`created_at`);