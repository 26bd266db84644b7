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

    long countOfUser(String userId) {
        return count("userId", userId);
    }
}
