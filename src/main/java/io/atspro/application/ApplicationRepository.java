package io.atspro.application;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    static final Map<String, String> SORTABLE = Map.of("created_at", "createdAt", "updated_at", "updatedAt",
            "applied_at", "appliedAt", "company_name", "companyName", "status", "status");

    Optional<Application> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /**
     * For answering only: loaded read-only, so the session keeps no snapshot of it (no deep copy of the JSON
     * columns for dirty checking, which was a tenth of the ORM's time on GET /applications/{id}).
     */
    Optional<Application> readOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withHint(HibernateHints.HINT_READ_ONLY, true)
                .firstResultOptional();
    }

    Optional<Application> lockOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    Page<Application> search(String userId, List<String> statuses, String company, Instant from, Instant to,
                             String sort, boolean ascending, PageRequest request) {
        StringBuilder where = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (!statuses.isEmpty()) {
            where.append(" and status in :statuses");
            params.and("statuses", statuses);
        }
        if (company != null) {
            where.append(" and lower(companyName) like :company escape '\\'");
            params.and("company", "%" + company.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (from != null) {
            where.append(" and appliedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and appliedAt < :to");
            params.and("to", to);
        }
        Sort order = Sort.by(SORTABLE.get(sort), ascending ? Sort.Direction.Ascending : Sort.Direction.Descending,
                Sort.NullPrecedence.NULLS_LAST).and("id");
        PanacheQuery<Application> query = find(where.toString(), order, params).withHint(HibernateHints.HINT_READ_ONLY, true);
        return Pages.of(query, request, () -> count(where.toString(), params));
    }

    /** Applications of the user applied in [from, to). */
    long countAppliedBetween(String userId, Instant from, Instant to) {
        return count("userId = ?1 and appliedAt >= ?2 and appliedAt < ?3", userId, from, to);
    }
}

@ApplicationScoped
class StatusHistoryRepository implements PanacheRepositoryBase<StatusChange, UUID> {

    List<StatusChange> timeline(UUID applicationId) {
        return list("applicationId", Sort.ascending("createdAt").and("id"), applicationId);
    }

    /** Distinct applications of the user that moved to {@code status} in [from, to). */
    long countReachedBetween(String userId, String status, Instant from, Instant to) {
        return getEntityManager().createQuery("select count(distinct h.applicationId) from StatusChange h "
                        + "where h.userId = ?1 and h.toStatus = ?2 and h.createdAt >= ?3 and h.createdAt < ?4", Long.class)
                .setParameter(1, userId).setParameter(2, status).setParameter(3, from).setParameter(4, to)
                .getSingleResult();
    }
}

@ApplicationScoped
class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    Page<Feedback> pageOf(UUID applicationId, PageRequest request) {
        PanacheQuery<Feedback> query = find("applicationId", Sort.descending("createdAt").and("id"), applicationId);
        return Pages.of(query, request);
    }
}
