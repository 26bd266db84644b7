package io.atspro.resume;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ResumeRepository implements PanacheRepositoryBase<Resume, UUID> {

    Optional<Resume> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Optional<Resume> lockOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    Page<Resume> pageOwned(String userId, String status, PageRequest request) {
        Parameters params = Parameters.with("user", userId);
        String where = "userId = :user";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        PanacheQuery<Resume> query = find(where, Sort.descending("isActive").and("updatedAt", Sort.Direction.Descending).and("id"), params);
        return Pages.of(query, request);
    }

    /** Deactivates every other resume of the user; the partial unique index allows one active. */
    void deactivateOthers(String userId, UUID keep) {
        update("isActive = false where userId = ?1 and id <> ?2 and isActive = true", userId, keep);
        flush();
    }

    /** The active resume, else the most recently changed parsed or written one. */
    Optional<Resume> current(String userId) {
        return find("userId = ?1 and status in ('parsed', 'manual') and resumeData is not null",
                Sort.descending("isActive").and("updatedAt", Sort.Direction.Descending).and("id"), userId)
                .firstResultOptional();
    }
}
