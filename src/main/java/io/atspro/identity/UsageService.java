package io.atspro.identity;

import io.atspro.shared.QuotaExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** Counts what users spend of their plan's monthly quotas (months in UTC) and refuses past the limit. */
@ApplicationScoped
public class UsageService {

    /** A quota: its counter's name, what users call it, and where the plan says its limit. */
    public enum Quota {
        AI_GENERATIONS("ai_generations", "generations", Plan.Limits::aiGenerations),
        MATCH_SCORES("match_scores", "match scores", Plan.Limits::matchScores),
        DISCOVERIES("discoveries", "job discoveries", Plan.Limits::discoveries);

        private final String metric;
        private final String label;
        private final Function<Plan.Limits, Integer> limit;

        Quota(String metric, String label, Function<Plan.Limits, Integer> limit) {
            this.metric = metric;
            this.label = label;
            this.limit = limit;
        }
    }

    /** Gives back a unit taken for work that then failed (a generation the writing service did not deliver). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refund(String userId, Quota quota) {
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        em.createNativeQuery("UPDATE usage_counters SET used = used - 1 WHERE user_id = ?1 AND metric = ?2 "
                        + "AND period_start = ?3 AND used > 0")
                .setParameter(1, userId).setParameter(2, quota.metric).setParameter(3, month).executeUpdate();
    }

    private final SubscriptionRepository subscriptions;
    private final EntityManager em;
    private final Clock clock;

    UsageService(SubscriptionRepository subscriptions, EntityManager em, Clock clock) {
        this.subscriptions = subscriptions;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Takes one unit of the quota in the caller's transaction (rolled back with it), or throws 429 with
     * the reset time. Atomic: concurrent requests cannot overspend.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(String userId, Quota quota) {
        Plan plan = subscriptions.findCurrent(userId).map(s -> Plan.of(s.plan)).orElse(Plan.FREE);
        Integer limit = quota.limit.apply(plan.limits());
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        if (limit == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> used = em.createNativeQuery("""
                INSERT INTO usage_counters (user_id, metric, period_start, used) VALUES (?1, ?2, ?3, 1)
                ON CONFLICT (user_id, metric, period_start) DO UPDATE SET used = usage_counters.used + 1
                WHERE usage_counters.used < ?4
                RETURNING used""")
                .setParameter(1, userId).setParameter(2, quota.metric).setParameter(3, month).setParameter(4, limit)
                .getResultList();
        if (used.isEmpty() || limit == 0) {
            LocalDate reset = month.plusMonths(1);
            long seconds = Math.max(1, Duration.between(clock.instant(), reset.atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds());
            throw new QuotaExceededException("Your " + plan.code() + " plan allows " + limit + " " + quota.label
                    + " a month and they are used up; the quota resets on " + reset, seconds);
        }
    }
}
