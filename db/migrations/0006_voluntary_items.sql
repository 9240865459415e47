CREATE TABLE `agency_choices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` integer NOT NULL,
	`label` text NOT NULL,
	`opted_in` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agency_choices_child` ON `agency_choices` (`child_id`,`label`);--> statement-breakpoint
CREATE TABLE `vacation_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` integer NOT NULL,
	`month` text NOT NULL,
	`days` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vacation_bookings_days" CHECK("vacation_bookings"."days" >= 0 AND "vacation_bookings"."days" <= 31)
);
--> statement-breakpoint
CREATE INDEX `vacation_bookings_child` ON `vacation_bookings` (`child_id`,`month`);--> statement-breakpoint
ALTER TABLE `app_settings` ADD `how_to_pay` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE TRIGGER `agency_choices_no_update` BEFORE UPDATE ON `agency_choices` BEGIN SELECT RAISE(ABORT, 'opt-in history is append-only: agency_choices cannot be updated; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `agency_choices_no_delete` BEFORE DELETE ON `agency_choices` BEGIN SELECT RAISE(ABORT, 'opt-in history is append-only: agency_choices cannot be deleted; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `vacation_bookings_no_update` BEFORE UPDATE ON `vacation_bookings` BEGIN SELECT RAISE(ABORT, 'booking history is append-only: vacation_bookings cannot be updated; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `vacation_bookings_no_delete` BEFORE DELETE ON `vacation_bookings` BEGIN SELECT RAISE(ABORT, 'booking history is append-only: vacation_bookings cannot be deleted; add a new row instead'); END;
