CREATE TABLE `survey_import_mappings` (
	`template_id` integer NOT NULL,
	`signature` text NOT NULL,
	`settings_json` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`template_id`, `signature`),
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`class_id` integer,
	`source` text NOT NULL,
	`response_no` integer,
	`source_ref` text,
	`household_id` integer,
	`entered_by` integer,
	`entered_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `survey_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_survey_responses`("id", "run_id", "class_id", "source", "response_no", "source_ref", "household_id", "entered_by", "entered_at") SELECT "id", "run_id", "class_id", "source", "response_no", "source_ref", "household_id", "entered_by", "entered_at" FROM `survey_responses`;--> statement-breakpoint
DROP TABLE `survey_responses`;--> statement-breakpoint
ALTER TABLE `__new_survey_responses` RENAME TO `survey_responses`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_no` ON `survey_responses` (`run_id`,`response_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_ref` ON `survey_responses` (`run_id`,`source_ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_household` ON `survey_responses` (`run_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `survey_responses_run_class` ON `survey_responses` (`run_id`,`class_id`);