package io.atspro.posting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class SavedSearchRepository implements PanacheRepositoryBase<SavedSearch, UUID> {

    Optional<SavedSearch> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    List<SavedSearch> ofUser(String userId, int page, int size) {
        return find("userId", Sort.descending("createdAt").and("id", Sort.Direction.Descending), userId)
                .page(page, size).list();
    }

    /** Every active saved search, oldest first (a run's alerts). */
    List<SavedSearch> active() {
        return list("isActive", Sort.by("createdAt").and("id"), true);
    }

    List<SavedSearch> activeOf(String userId) {
        return list("userId = ?1 and isActive = true", Sort.by("createdAt").and("id"), userId);
    }

    long countOfUser(String userId) {
        return count("userId", userId);
    }
}
