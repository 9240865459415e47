CREATE TABLE `child_discounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` integer NOT NULL,
	`item` text NOT NULL,
	`rate` text,
	`amount_fen` integer,
	`from_month` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`reason` text NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "child_discounts_amount" CHECK("child_discounts"."amount_fen" IS NULL OR "child_discounts"."amount_fen" > 0),
	CONSTRAINT "child_discounts_one_kind" CHECK(NOT "child_discounts"."active" OR (("child_discounts"."rate" IS NULL) <> ("child_discounts"."amount_fen" IS NULL)))
);
--> statement-breakpoint
CREATE INDEX `child_discounts_child` ON `child_discounts` (`child_id`,`item`);--> statement-breakpoint
CREATE TRIGGER `child_discounts_no_update` BEFORE UPDATE ON `child_discounts` BEGIN SELECT RAISE(ABORT, 'discount history is append-only: child_discounts cannot be updated; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `child_discounts_no_delete` BEFORE DELETE ON `child_discounts` BEGIN SELECT RAISE(ABORT, 'discount history is append-only: child_discounts cannot be deleted; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `fee_standards_no_update` BEFORE UPDATE ON `fee_standards` BEGIN SELECT RAISE(ABORT, 'fee standard history is append-only: fee_standards cannot be updated; add a new row instead'); END;
--> statement-breakpoint
CREATE TRIGGER `fee_standards_no_delete` BEFORE DELETE ON `fee_standards` BEGIN SELECT RAISE(ABORT, 'fee standard history is append-only: fee_standards cannot be deleted; add a new row instead'); END;
