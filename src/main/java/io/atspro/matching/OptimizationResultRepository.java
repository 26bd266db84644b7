package io.atspro.matching;

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
class OptimizationResultRepository implements PanacheRepositoryBase<OptimizationResult, UUID> {

    Optional<OptimizationResult> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<OptimizationResult> pageOwned(String userId, UUID resumeId, UUID jobId, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user and resultType = 'score'");
        Parameters params = Parameters.with("user", userId);
        if (resumeId != null) {
            where.append(" and resumeId = :resume");
            params.and("resume", resumeId);
        }
        if (jobId != null) {
            where.append(" and jobId = :job");
            params.and("job", jobId);
        }
        PanacheQuery<OptimizationResult> query = find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return Pages.of(query, request);
    }
}
