package io.atspro.application;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class GeneratedContentRepository implements PanacheRepositoryBase<GeneratedContent, UUID> {

    Optional<GeneratedContent> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<GeneratedContent> pageOwned(String userId, String type, UUID applicationId, UUID jobId, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (type != null) {
            where.append(" and contentType = :type");
            params.and("type", type);
        }
        if (applicationId != null) {
            where.append(" and applicationId = :application");
            params.and("application", applicationId);
        }
        if (jobId != null) {
            where.append(" and jobId = :job");
            params.and("job", jobId);
        }
        PanacheQuery<GeneratedContent> query = find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return Pages.of(query, request);
    }
}
