package io.atspro.task;

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
class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    Optional<Task> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<Task> pageOwned(String userId, String status, String type, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.append(" and taskType = :type");
            params.and("type", type);
        }
        PanacheQuery<Task> query = find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return Pages.of(query, request);
    }
}
