package io.atspro.scraping;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class ScrapeRepositories {

    private ScrapeRepositories() {
    }

    @ApplicationScoped
    static class Sources implements PanacheRepositoryBase<ScrapeSource, UUID> {

        boolean exists(String platform, String board) {
            return count("platform = ?1 and board = ?2", platform, board) > 0;
        }

        /** Enabled sources of these platforms, the most recently read first. */
        @jakarta.transaction.Transactional
        List<ScrapeSource> enabledOf(java.util.Collection<String> platforms, int max) {
            if (platforms.isEmpty()) {
                return List.of();
            }
            return find("enabled = true and platform in ?1", Sort.descending("lastRunAt").and("id"), platforms)
                    .page(0, max).list();
        }

        /** Enabled sources due at {@code now}, locked; rows another replica holds are skipped. */
        @SuppressWarnings("unchecked")
        List<ScrapeSource> lockDue(Instant now, int max) {
            return getEntityManager().createNativeQuery("SELECT * FROM scrape_sources WHERE enabled AND next_run_at <= ?1 "
                    + "ORDER BY next_run_at LIMIT ?2 FOR UPDATE SKIP LOCKED", ScrapeSource.class)
                    .setParameter(1, now).setParameter(2, max).getResultList();
        }
    }

    @ApplicationScoped
    static class Runs implements PanacheRepositoryBase<ScrapeRun, UUID> {

        boolean openRunOf(UUID sourceId) {
            return count("sourceId = ?1 and status in ('queued', 'running')", sourceId) > 0;
        }

        List<ScrapeRun> ofSource(UUID sourceId, int page, int size) {
            return find("sourceId", Sort.descending("createdAt").and("id", Sort.Direction.Descending), sourceId)
                    .page(page, size).list();
        }

        long countOfSource(UUID sourceId) {
            return count("sourceId", sourceId);
        }
    }
}
