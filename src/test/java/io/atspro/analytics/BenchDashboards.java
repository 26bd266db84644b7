package io.atspro.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** Builds the service's {@link DashboardService} outside Quarkus, for the benchmark: the same SQL and cache code. */
public final class BenchDashboards {

    private BenchDashboards() {
    }

    public static DashboardService service(DataSource dataSource, RedisDataSource redis, RedisGuard guard,
                                           ObjectMapper json, Duration ttl) {
        AnalyticsConfig config = new AnalyticsConfig() {
            public Duration cacheTtl() {
                return ttl;
            }

            public int partitionsAhead() {
                return 3;
            }

            public boolean jobsEnabled() {
                return false;
            }

            public String partitionsCron() {
                return "";
            }

            public String rollupCron() {
                return "";
            }

            public String refreshStatsEvery() {
                return "";
            }
        };
        return new DashboardService(dataSource, redis, guard, json, config, Clock.systemUTC());
    }
}
