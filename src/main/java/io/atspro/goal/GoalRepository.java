package io.atspro.goal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    Optional<Goal> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The goal, locked until the transaction ends: evaluations of one goal take turns, so each reach fires once. */
    Optional<Goal> lockOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    List<Goal> pageOfUser(String userId, int page, int size) {
        return find("userId", NEWEST_FIRST, userId).page(page, size).list();
    }

    long countOfUser(String userId) {
        return count("userId", userId);
    }

    List<Goal> activeOfUser(String userId) {
        return list("userId = ?1 and status = 'active'", NEWEST_FIRST, userId);
    }

    /** The active goals, locked (see {@link #lockOwned}). */
    List<Goal> lockActiveOfUser(String userId) {
        return find("userId = ?1 and status = 'active'", NEWEST_FIRST, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}

@ApplicationScoped
class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    private static final Sort IN_ORDER = Sort.ascending("createdAt").and("id");

    Optional<Milestone> findOwned(String userId, UUID goalId, UUID id) {
        return find("id = ?1 and goalId = ?2 and userId = ?3", id, goalId, userId).firstResultOptional();
    }

    List<Milestone> ofGoal(String userId, UUID goalId) {
        return list("userId = ?1 and goalId = ?2", IN_ORDER, userId, goalId);
    }

    List<Milestone> ofGoals(String userId, Collection<UUID> goalIds) {
        return goalIds.isEmpty() ? List.of() : list("userId = ?1 and goalId in ?2", IN_ORDER, userId, goalIds);
    }
}
