package io.atspro.storage;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    Optional<Document> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    List<Document> findByResume(String userId, UUID resumeId) {
        return list("userId = ?1 and resumeId = ?2", userId, resumeId);
    }

    Page<Document> pageOwned(String userId, String kind, UUID resumeId, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (resumeId != null) {
            where.append(" and resumeId = :resume");
            params.and("resume", resumeId);
        }
        PanacheQuery<Document> query = find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return Pages.of(query, request);
    }

    /** Which of these storage keys a document row holds. */
    Set<String> existingKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select d.storageKey from Document d where d.storageKey in :keys", String.class)
                .setParameter("keys", keys).getResultList());
    }
}
