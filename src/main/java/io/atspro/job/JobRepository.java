package io.atspro.job;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    Optional<Job> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Optional<Job> lockOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    Optional<Job> ofPosting(String userId, UUID postingId) {
        return find("userId = ?1 and postingId = ?2", userId, postingId).firstResultOptional();
    }

    boolean postingSaved(String userId, UUID postingId) {
        return count("userId = ?1 and postingId = ?2", userId, postingId) > 0;
    }

    /** Filters by status, company (contains, any case) and words of title, company or description. */
    @SuppressWarnings("unchecked")
    Page<Job> search(String userId, String status, String company, String text, PageRequest request) {
        StringBuilder where = new StringBuilder(" WHERE user_id = :user");
        if (status != null) {
            where.append(" AND status = :status");
        }
        if (company != null) {
            where.append(" AND lower(parsed_data ->> 'company') LIKE :company ESCAPE '\\'");
        }
        if (text != null) {
            where.append(" AND (search @@ websearch_to_tsquery('simple', :text) OR search @@ websearch_to_tsquery('english', :text))");
        }
        Query rows = getEntityManager().createNativeQuery("SELECT * FROM jobs" + where
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset", Job.class);
        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM jobs" + where);
        for (Query query : List.of(rows, count)) {
            query.setParameter("user", userId);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (company != null) {
                query.setParameter("company", "%" + company.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (text != null) {
                query.setParameter("text", text);
            }
        }
        rows.setParameter("limit", request.size()).setParameter("offset", request.offset());
        return new Page<>(rows.getResultList(), request.page(), request.size(), ((Number) count.getSingleResult()).longValue());
    }

    java.util.Set<UUID> trackedPostings(String userId) {
        return new java.util.HashSet<>(getEntityManager().createQuery(
                "select j.postingId from Job j where j.userId = ?1 and j.postingId is not null", UUID.class)
                .setParameter(1, userId).getResultList());
    }
}
