package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The identity feature's repositories; package-private, nobody else queries these tables. */
final class Repositories {

    private Repositories() {
    }

    /** {@code %text%} for LIKE, with the pattern characters of the user's text escaped. */
    static String containsPattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}

@ApplicationScoped
class UserRepository implements PanacheRepositoryBase<User, String> {

    Page<User> search(String text, PageRequest request) {
        Sort order = Sort.descending("createdAt").and("id");
        PanacheQuery<User> query = text == null || text.isBlank()
                ? findAll(order)
                : find("lower(email) like :q escape '\\' or lower(name) like :q escape '\\'", order,
                        Parameters.with("q", Repositories.containsPattern(text.trim())));
        return Pages.of(query, request);
    }
}

@ApplicationScoped
class ProfileRepository implements PanacheRepositoryBase<UserProfile, UUID> {

    Optional<UserProfile> findByUser(String userId) {
        return find("userId", userId).firstResultOptional();
    }
}

@ApplicationScoped
class SettingsRepository implements PanacheRepositoryBase<UserSettings, UUID> {

    Optional<UserSettings> findByUser(String userId) {
        return find("userId", userId).firstResultOptional();
    }
}

@ApplicationScoped
class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    Optional<Subscription> findCurrent(String userId) {
        return find("userId = ?1 and status in ('active', 'trialing', 'past_due')", Sort.descending("startsAt"), userId)
                .firstResultOptional();
    }
}

@ApplicationScoped
class SkillRepository implements PanacheRepositoryBase<UserSkill, UUID> {

    Optional<UserSkill> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<UserSkill> pageOwned(String userId, PageRequest request) {
        return Pages.of(find("userId", Sort.descending("isPrimary").and("skillName").and("id"), userId), request);
    }

    boolean nameTaken(String userId, String skillName, UUID exceptId) {
        return exceptId == null
                ? count("userId = ?1 and lower(skillName) = lower(?2)", userId, skillName) > 0
                : count("userId = ?1 and lower(skillName) = lower(?2) and id <> ?3", userId, skillName, exceptId) > 0;
    }
}

@ApplicationScoped
class ExperienceRepository implements PanacheRepositoryBase<UserExperience, UUID> {

    Optional<UserExperience> findOwned(String userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<UserExperience> pageOwned(String userId, PageRequest request) {
        return Pages.of(find("userId",
                Sort.descending("isCurrent").and("startDate", Sort.Direction.Descending).and("id"), userId), request);
    }
}

@ApplicationScoped
class SessionRepository implements PanacheRepositoryBase<AuthSession, String> {

    Optional<AuthSession> findOwned(String userId, String id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    Page<AuthSession> pageOwned(String userId, PageRequest request) {
        return Pages.of(find("userId", Sort.descending("updatedAt").and("id"), userId), request);
    }
}
