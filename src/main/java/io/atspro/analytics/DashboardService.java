package io.atspro.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The caller's dashboards: from the Redis cache when there, else computed in SQL and cached. */
@ApplicationScoped
public class DashboardService {

    private final DataSource dataSource;
    private final DashboardCache cache;
    private final DashboardQueries queries = new DashboardQueries();
    private final Clock clock;

    DashboardService(DataSource dataSource, RedisDataSource redis, RedisGuard guard, ObjectMapper json,
                     AnalyticsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.cache = new DashboardCache(redis, guard, json, config.cacheTtl());
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    public DashboardViews.Pipeline pipeline(String userId) {
        return cached(userId, "pipeline", DashboardViews.Pipeline.class, c -> queries.pipeline(c, userId));
    }

    public DashboardViews.Weekly weekly(String userId, int weeks) {
        return cached(userId, "weekly:" + weeks, DashboardViews.Weekly.class,
                c -> queries.weekly(c, userId, weeks, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    public DashboardViews.ResponseRate responseRate(String userId, LocalDate since) {
        return cached(userId, "response-rate:" + since, DashboardViews.ResponseRate.class,
                c -> queries.responseRate(c, userId, since));
    }

    public DashboardViews.Outcomes bySource(String userId) {
        return cached(userId, "by-source", DashboardViews.Outcomes.class, c -> queries.bySource(c, userId));
    }

    public DashboardViews.Outcomes byCompany(String userId, int limit) {
        return cached(userId, "by-company:" + limit, DashboardViews.Outcomes.class,
                c -> queries.byCompany(c, userId, limit));
    }

    public DashboardViews.ResumeOutcomes resumeVersions(String userId) {
        return cached(userId, "resume-versions", DashboardViews.ResumeOutcomes.class,
                c -> queries.resumeVersions(c, userId));
    }

    /** Drops every cached dashboard of the user (after a change that moves their figures). */
    public void invalidate(String userId) {
        cache.evict(userId);
    }

    private <T> T cached(String userId, String field, Class<T> type, Query<T> query) {
        return cache.get(userId, field, type).orElseGet(() -> {
            T fresh;
            try (Connection c = dataSource.getConnection()) {
                fresh = query.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException("Dashboard " + field + " failed: " + e.getMessage(), e);
            }
            cache.put(userId, field, fresh);
            return fresh;
        });
    }
}
