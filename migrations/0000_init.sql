CREATE TABLE `analyses` (
	`id` text PRIMARY KEY NOT NULL,
	`dataset_id` text NOT NULL,
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`execution_plan` text,
	`result` text,
	`chart` text,
	`filtered_row_count` integer,
	`execution_time_ms` real,
	`success` integer NOT NULL,
	`error_message` text,
	`executed_at` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analyses_dataset_executed_idx` ON `analyses` (`dataset_id`,`executed_at`);--> statement-breakpoint
CREATE INDEX `analyses_user_idx` ON `analyses` (`user_id`);--> statement-breakpoint
CREATE INDEX `analyses_session_id_idx` ON `analyses` (`session_id`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`filename` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`file_path` text NOT NULL,
	`snapshot_path` text NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`column_count` integer DEFAULT 0 NOT NULL,
	`columns` text NOT NULL,
	`column_types` text NOT NULL,
	`profile` text NOT NULL,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`sha256` text DEFAULT '' NOT NULL,
	`uploaded_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_session_id_unique` ON `datasets` (`session_id`);--> statement-breakpoint
CREATE INDEX `datasets_user_uploaded_idx` ON `datasets` (`user_id`,`uploaded_at`);--> statement-breakpoint
CREATE INDEX `datasets_expires_at_idx` ON `datasets` (`expires_at`);--> statement-breakpoint
CREATE INDEX `datasets_status_idx` ON `datasets` (`status`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`username` text NOT NULL,
	`hashed_password` text NOT NULL,
	`full_name` text,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_lower_unique` ON `users` (lower("username"));