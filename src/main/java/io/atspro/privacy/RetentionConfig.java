package io.atspro.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The retention job: when it runs, how much it does per transaction, and how long each kind of row is kept. */
@ConfigMapping(prefix = "atspro.retention")
public interface RetentionConfig {

    /** Quartz cron (UTC) of the scheduled run; {@code off} leaves it to the admin endpoint (a Kubernetes CronJob). */
    @WithDefault("0 30 3 * * ?")
    String cron();

    /** Rows (or S3 objects) per batch; each batch is its own short transaction. */
    @WithDefault("500")
    int batchSize();

    /** An inactive catalog posting closed (or last seen) longer ago than this is deleted, unless referenced. */
    @WithDefault("365D")
    Duration postingAge();

    /** A browser session not used (or, never used, not created) for this long is deleted. */
    @WithDefault("30D")
    Duration browserSessionIdle();

    /** A completed task finished longer ago than this moves to {@code tasks_archive}. */
    @WithDefault("180D")
    Duration taskArchiveAge();

    /** An S3 object no row points at is deleted once it is older than this (uploads write S3 before the row). */
    @WithDefault("1D")
    Duration orphanObjectAge();
}
