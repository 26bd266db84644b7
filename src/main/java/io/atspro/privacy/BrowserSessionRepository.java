package io.atspro.privacy;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class BrowserSessionRepository implements PanacheRepositoryBase<BrowserSession, UUID> {

    /** The caller's session, unless it has expired. */
    Optional<BrowserSession> findLive(String userId, UUID id, Instant now) {
        return find("id = ?1 and userId = ?2 and expiresAt > ?3", id, userId, now).firstResultOptional();
    }

    Page<BrowserSession> pageLive(String userId, String platform, Instant now, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user and expiresAt > :now");
        Parameters params = Parameters.with("user", userId).and("now", now);
        if (platform != null) {
            where.append(" and platform = :platform");
            params.and("platform", platform);
        }
        return Pages.of(find(where.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), params),
                request);
    }
}
