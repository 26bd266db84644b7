package io.atspro.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "atspro.analytics")
public interface AnalyticsConfig {

    /**
     * How long a user's cached dashboards live in Redis at most. A status change drops them at once; creating,
     * editing or deleting an application announces no event, so those show after at most this long.
     */
    @WithDefault("60S")
    Duration cacheTtl();

    /** Monthly partitions of analytics_events kept ready beyond the current month. */
    @WithDefault("3")
    int partitionsAhead();

    /** Whether this pod runs the scheduled jobs (any number may: one runs at a time across replicas). */
    @WithDefault("true")
    boolean jobsEnabled();

    /** Quartz cron (UTC) of the partitions job. */
    @WithDefault("0 5 0 * * ?")
    String partitionsCron();

    /** Quartz cron (UTC) of the daily rollup of yesterday into user_analytics. */
    @WithDefault("0 20 0 * * ?")
    String rollupCron();

    /** How often user_application_stats is refreshed. */
    @WithDefault("15m")
    String refreshStatsEvery();
}
