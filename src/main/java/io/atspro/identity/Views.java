package io.atspro.identity;

import io.atspro.shared.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The identity feature's response bodies, and the mapping from entities. No entity crosses HTTP. */
// Registered for the native image: Views.Me is also read back from the Redis cache by Jackson.
@RegisterForReflection(targets = {Views.Me.class, Views.Profile.class, Views.Settings.class,
        Views.SubscriptionView.class, Plan.Limits.class, Views.Skill.class, Views.Experience.class,
        Views.Session.class, Views.AdminUser.class, Page.class})
public final class Views {

    private Views() {
    }

    /** {@code GET /me}: the user row and the profile together; {@code roles} come from the token. */
    public record Me(String id, String name, String email, boolean emailVerified, String image, Instant createdAt,
                     Instant updatedAt, Profile profile, Set<String> roles) {

        Me withRoles(Set<String> tokenRoles) {
            return new Me(id, name, email, emailVerified, image, createdAt, updatedAt, profile, tokenRoles);
        }
    }

    public record Profile(String phone, String location, String locationCity, String locationState,
                          String locationCountry, String title, String bio, String linkedinUrl, String githubUrl,
                          String portfolioUrl, Integer yearsExperience, String experienceLevel,
                          boolean willingToRelocate, String preferredWorkType, Integer targetSalaryMin,
                          Integer targetSalaryMax, String targetSalaryCurrency, Integer dailyApplicationGoal,
                          String coverLetterTemplate, Map<String, Object> jobPreferences,
                          List<String> preferredLocations, UUID activeResumeId, boolean onboardingCompleted,
                          Instant updatedAt) {
    }

    public record Settings(String theme, Map<String, Object> notifications, Map<String, Object> preferences,
                           Instant updatedAt) {
    }

    public record SubscriptionView(String plan, String status, Instant startsAt, Instant endsAt, boolean autoRenew,
                                   Plan.Limits limits) {
    }

    public record Skill(UUID id, String skillName, String skillCategory, String proficiencyLevel,
                        BigDecimal yearsExperience, boolean isPrimary, Instant createdAt, Instant updatedAt) {
    }

    public record Experience(UUID id, String companyName, String jobTitle, LocalDate startDate, LocalDate endDate,
                             boolean isCurrent, String description, List<String> achievements,
                             List<String> technologiesUsed, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "UserSession")
    public record Session(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String ipAddress,
                          String userAgent, boolean current) {
    }

    public record AdminUser(String id, String name, String email, boolean emailVerified, String image,
                            Instant createdAt, Instant updatedAt) {
    }

    static Me me(User user, UserProfile profile) {
        return new Me(user.id, user.name, user.email, user.emailVerified, user.image, utc(user.createdAt),
                utc(user.updatedAt), profile(profile), Set.of());
    }

    static Profile profile(UserProfile p) {
        return new Profile(p.phone, p.location, p.locationCity, p.locationState, p.locationCountry, p.title, p.bio,
                p.linkedinUrl, p.githubUrl, p.portfolioUrl, p.yearsExperience, p.experienceLevel, p.willingToRelocate,
                p.preferredWorkType, p.targetSalaryMin, p.targetSalaryMax, p.targetSalaryCurrency,
                p.dailyApplicationGoal, p.coverLetterTemplate, p.jobPreferences, p.preferredLocations,
                p.activeResumeId, p.onboardingCompleted, p.updatedAt);
    }

    static Settings settings(UserSettings s) {
        return new Settings(s.theme, s.notifications, s.preferences, s.updatedAt);
    }

    static SubscriptionView subscription(Subscription s) {
        return new SubscriptionView(s.plan, s.status, s.startsAt, s.endsAt, s.autoRenew, Plan.of(s.plan).limits());
    }

    static Skill skill(UserSkill s) {
        return new Skill(s.id, s.skillName, s.skillCategory, s.proficiencyLevel, s.yearsExperience, s.isPrimary,
                s.createdAt, s.updatedAt);
    }

    static Experience experience(UserExperience e) {
        return new Experience(e.id, e.companyName, e.jobTitle, e.startDate, e.endDate, e.isCurrent, e.description,
                List.copyOf(e.achievements), List.copyOf(e.technologiesUsed), e.createdAt, e.updatedAt);
    }

    static Session session(AuthSession s, String currentSessionId) {
        return new Session(s.id, utc(s.createdAt), utc(s.updatedAt), utc(s.expiresAt), s.ipAddress, s.userAgent,
                s.id.equals(currentSessionId));
    }

    static AdminUser adminUser(User u) {
        return new AdminUser(u.id, u.name, u.email, u.emailVerified, u.image, utc(u.createdAt), utc(u.updatedAt));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
