CREATE TABLE `bill_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bill_id` integer NOT NULL,
	`kind` text NOT NULL,
	`item` text NOT NULL,
	`label` text NOT NULL,
	`period_first` text NOT NULL,
	`period_last` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`standard_id` integer,
	`clause` text,
	`reduction_category` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_id`) REFERENCES `fee_standards`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bill_lines_kind" CHECK("bill_lines"."kind" IN ('charge', 'reduction')),
	CONSTRAINT "bill_lines_amount" CHECK("bill_lines"."amount_fen" >= 0 AND "bill_lines"."unit_price_fen" >= 0 AND "bill_lines"."quantity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `bill_lines_bill` ON `bill_lines` (`bill_id`);--> statement-breakpoint
CREATE TABLE `bill_voids` (
	`bill_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`voided_by` integer,
	`voided_at` text NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`child_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`billing` text NOT NULL,
	`period_first` text NOT NULL,
	`period_last` text NOT NULL,
	`semester_id` integer,
	`revision` integer DEFAULT 1 NOT NULL,
	`replaces_bill_id` integer,
	`replace_reason` text,
	`replace_note` text DEFAULT '' NOT NULL,
	`due_on` text NOT NULL,
	`charges_fen` integer NOT NULL,
	`reductions_fen` integer NOT NULL,
	`credit_applied_fen` integer DEFAULT 0 NOT NULL,
	`total_due_fen` integer NOT NULL,
	`run_id` text,
	`issued_by` integer,
	`issued_at` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`semester_id`) REFERENCES `semesters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bills_billing" CHECK("bills"."billing" IN ('monthly', 'semester')),
	CONSTRAINT "bills_period_order" CHECK("bills"."period_first" <= "bills"."period_last"),
	CONSTRAINT "bills_amounts" CHECK("bills"."charges_fen" >= 0 AND "bills"."reductions_fen" >= 0 AND "bills"."credit_applied_fen" >= 0 AND "bills"."total_due_fen" >= 0),
	CONSTRAINT "bills_replace_reason" CHECK("bills"."replace_reason" IS NULL OR "bills"."replace_reason" IN ('attendance', 'reduction', 'standard', 'enrolment', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_number_unique` ON `bills` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `bills_child_period_revision` ON `bills` (`child_id`,`period_first`,`revision`);--> statement-breakpoint
CREATE UNIQUE INDEX `bills_replaces` ON `bills` (`replaces_bill_id`);--> statement-breakpoint
CREATE INDEX `bills_household` ON `bills` (`household_id`);--> statement-breakpoint
CREATE INDEX `bills_period` ON `bills` (`period_first`,`period_last`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fee_standards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item` text NOT NULL,
	`label` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`unit` text NOT NULL,
	`applies_from` text NOT NULL,
	`level` text,
	`enrolled_from` text,
	`override_clause` text,
	`override_note` text DEFAULT '' NOT NULL,
	`confirmed_by` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`confirmed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fee_standards_amount" CHECK("fee_standards"."amount_fen" >= 0),
	CONSTRAINT "fee_standards_unit" CHECK("fee_standards"."unit" IN ('month', 'semester', 'day')),
	CONSTRAINT "fee_standards_item_kind" CHECK("fee_standards"."item" IN ('education', 'accommodation', 'meal', 'custody', 'bus', 'nursery', 'vacation_care', 'agency'))
);
--> statement-breakpoint
CREATE INDEX `fee_standards_item` ON `fee_standards` (`item`,`applies_from`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`operation` text NOT NULL,
	`staff_id` integer,
	`result_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`child_id` integer,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`entry_date` text NOT NULL,
	`item` text,
	`period_month` text,
	`bill_id` integer,
	`bill_line_id` integer,
	`payment_id` integer,
	`settlement_id` integer,
	`settlement_line_id` integer,
	`reverses_entry_id` integer,
	`clause` text,
	`description` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_line_id`) REFERENCES `bill_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settlement_line_id`) REFERENCES `settlement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_kind" CHECK("ledger_entries"."kind" IN ('charge', 'reduction', 'refund', 'payment', 'payout', 'reversal', 'correction'))
);
--> statement-breakpoint
CREATE INDEX `ledger_household` ON `ledger_entries` (`household_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_child` ON `ledger_entries` (`child_id`);--> statement-breakpoint
CREATE INDEX `ledger_bill` ON `ledger_entries` (`bill_id`);--> statement-breakpoint
CREATE INDEX `ledger_payment` ON `ledger_entries` (`payment_id`);--> statement-breakpoint
CREATE INDEX `ledger_period` ON `ledger_entries` (`period_month`);--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`payment_id` integer NOT NULL,
	`bill_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`payment_id`, `bill_id`),
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_allocations_amount" CHECK("payment_allocations"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_bill` ON `payment_allocations` (`bill_id`);--> statement-breakpoint
CREATE TABLE `payment_invoice_numbers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`invoice_no` text NOT NULL,
	`entered_by` integer,
	`entered_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment_voids` (
	`payment_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`voided_by` integer,
	`voided_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`household_id` integer NOT NULL,
	`direction` text NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`payer_name` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`received_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_direction" CHECK("payments"."direction" IN ('in', 'out')),
	CONSTRAINT "payments_method" CHECK("payments"."method" IN ('cash', 'wechat', 'alipay', 'bank', 'pos')),
	CONSTRAINT "payments_amount" CHECK("payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_no_unique` ON `payments` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `payments_household` ON `payments` (`household_id`);--> statement-breakpoint
CREATE INDEX `payments_paid_on` ON `payments` (`paid_on`);--> statement-breakpoint
CREATE TABLE `refund_preferences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`mode` text NOT NULL,
	`set_by` integer,
	`set_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "refund_preferences_mode" CHECK("refund_preferences"."mode" IN ('credit', 'payout'))
);
--> statement-breakpoint
CREATE INDEX `refund_preferences_household` ON `refund_preferences` (`household_id`);--> statement-breakpoint
CREATE TABLE `settlement_children` (
	`settlement_id` integer NOT NULL,
	`child_id` integer NOT NULL,
	`name` text NOT NULL,
	`class_name` text NOT NULL,
	`billing` text NOT NULL,
	`reason` text NOT NULL,
	`present_days` integer NOT NULL,
	`closure_days` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`previous_total_fen` integer,
	PRIMARY KEY(`settlement_id`, `child_id`),
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_children_child` ON `settlement_children` (`child_id`);--> statement-breakpoint
CREATE TABLE `settlement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`settlement_id` integer NOT NULL,
	`child_id` integer NOT NULL,
	`bill_id` integer,
	`item` text NOT NULL,
	`base_fen` integer NOT NULL,
	`refund_fen` integer NOT NULL,
	`previous_refund_fen` integer,
	`clause` text NOT NULL,
	`explanation` text NOT NULL,
	`inputs_json` text NOT NULL,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_lines_settlement` ON `settlement_lines` (`settlement_id`);--> statement-breakpoint
CREATE INDEX `settlement_lines_child` ON `settlement_lines` (`child_id`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`child_id` integer,
	`policy_id` text NOT NULL,
	`legal_working_days` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`source` text DEFAULT 'app' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`booked_by` integer,
	`booked_at` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "settlements_kind" CHECK("settlements"."kind" IN ('month', 'withdrawal', 'correction')),
	CONSTRAINT "settlements_source" CHECK("settlements"."source" IN ('app', 'cli'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlements_one_per_month` ON `settlements` (`month`) WHERE kind = 'month';--> statement-breakpoint
CREATE INDEX `settlements_child` ON `settlements` (`child_id`);--> statement-breakpoint
ALTER TABLE `children` ADD `health_notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_log` ADD `guardian_id` integer REFERENCES guardians(id);--> statement-breakpoint
ALTER TABLE `feedback` ADD `child_id` integer REFERENCES children(id);--> statement-breakpoint
ALTER TABLE `feedback` ADD `class_id` integer REFERENCES classes(id);--> statement-breakpoint
ALTER TABLE `feedback` ADD `due_on` text;--> statement-breakpoint
CREATE TRIGGER `bills_no_update` BEFORE UPDATE ON `bills` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bills cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `bills_no_delete` BEFORE DELETE ON `bills` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bills cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_lines_no_update` BEFORE UPDATE ON `bill_lines` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bill_lines cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_lines_no_delete` BEFORE DELETE ON `bill_lines` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bill_lines cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_voids_no_update` BEFORE UPDATE ON `bill_voids` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bill_voids cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_voids_no_delete` BEFORE DELETE ON `bill_voids` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: bill_voids cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_update` BEFORE UPDATE ON `payments` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payments cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payments cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_no_update` BEFORE UPDATE ON `payment_allocations` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_allocations cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_allocations_no_delete` BEFORE DELETE ON `payment_allocations` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_allocations cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_voids_no_update` BEFORE UPDATE ON `payment_voids` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_voids cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_voids_no_delete` BEFORE DELETE ON `payment_voids` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_voids cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_invoice_numbers_no_update` BEFORE UPDATE ON `payment_invoice_numbers` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_invoice_numbers cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_invoice_numbers_no_delete` BEFORE DELETE ON `payment_invoice_numbers` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: payment_invoice_numbers cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlements_no_update` BEFORE UPDATE ON `settlements` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlements cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlements_no_delete` BEFORE DELETE ON `settlements` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlements cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlement_children_no_update` BEFORE UPDATE ON `settlement_children` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlement_children cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlement_children_no_delete` BEFORE DELETE ON `settlement_children` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlement_children cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_no_update` BEFORE UPDATE ON `settlement_lines` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlement_lines cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_no_delete` BEFORE DELETE ON `settlement_lines` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: settlement_lines cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: ledger_entries cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: ledger_entries cannot be deleted; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `refund_preferences_no_update` BEFORE UPDATE ON `refund_preferences` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: refund_preferences cannot be updated; add a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER `refund_preferences_no_delete` BEFORE DELETE ON `refund_preferences` BEGIN SELECT RAISE(ABORT, 'money rows are append-only: refund_preferences cannot be deleted; add a reversing entry instead'); END;
