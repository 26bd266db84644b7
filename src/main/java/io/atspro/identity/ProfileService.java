package io.atspro.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The caller's user, profile, settings and subscription. */
@ApplicationScoped
@Transactional
public class ProfileService {

    static final int MAX_JSON_BYTES = 16 * 1024;

    private final UserRepository users;
    private final ProfileRepository profiles;
    private final SettingsRepository settings;
    private final SubscriptionRepository subscriptions;
    private final ProfileCache cache;
    private final Event<UserChanged> changed;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    ProfileService(UserRepository users, ProfileRepository profiles, SettingsRepository settings,
                   SubscriptionRepository subscriptions, ProfileCache cache, Event<UserChanged> changed,
                   ObjectMapper json, Validator validator, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.cache = cache;
        this.changed = changed;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.Me me(String userId) {
        ProfileCache.Lookup cached = cache.get(userId);
        return cached.me().orElseGet(() -> {
            Views.Me me = load(userId);
            cache.put(userId, me, cached.version());
            return me;
        });
    }

    /** Applies a JSON merge patch to the profile; nothing is written unless every field is valid. */
    public Views.Me patch(String userId, ObjectNode patch) throws JsonProcessingException {
        Requests.ProfileUpdate update = json.treeToValue(patch, Requests.ProfileUpdate.class);
        Set<ConstraintViolation<Requests.ProfileUpdate>> violations = validator.validate(update);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        UserProfile profile = profiles.findByUser(userId).orElseThrow(() -> new ResourceNotFoundException("Profile"));
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            apply(profile, fields.next(), update);
        }
        if (profile.targetSalaryMin != null && profile.targetSalaryMax != null
                && profile.targetSalaryMin > profile.targetSalaryMax) {
            throw new InvalidInputException("target_salary_min", "must not be greater than target_salary_max");
        }
        profile.updatedAt = clock.instant();
        changed.fire(new UserChanged(userId));
        return load(userId);
    }

    private void apply(UserProfile p, String field, Requests.ProfileUpdate u) {
        switch (field) {
            case "phone" -> p.phone = u.phone();
            case "location" -> p.location = u.location();
            case "location_city" -> p.locationCity = u.locationCity();
            case "location_state" -> p.locationState = u.locationState();
            case "location_country" -> p.locationCountry = u.locationCountry();
            case "title" -> p.title = u.title();
            case "bio" -> p.bio = u.bio();
            case "linkedin_url" -> p.linkedinUrl = u.linkedinUrl();
            case "github_url" -> p.githubUrl = u.githubUrl();
            case "portfolio_url" -> p.portfolioUrl = u.portfolioUrl();
            case "years_experience" -> p.yearsExperience = u.yearsExperience();
            case "experience_level" -> p.experienceLevel = u.experienceLevel();
            case "willing_to_relocate" -> p.willingToRelocate = required(field, u.willingToRelocate());
            case "preferred_work_type" -> p.preferredWorkType = u.preferredWorkType();
            case "target_salary_min" -> p.targetSalaryMin = u.targetSalaryMin();
            case "target_salary_max" -> p.targetSalaryMax = u.targetSalaryMax();
            case "target_salary_currency" -> p.targetSalaryCurrency = required(field, u.targetSalaryCurrency());
            case "daily_application_goal" -> p.dailyApplicationGoal = u.dailyApplicationGoal();
            case "cover_letter_template" -> p.coverLetterTemplate = u.coverLetterTemplate();
            case "job_preferences" -> p.jobPreferences = boundedJson(field, required(field, u.jobPreferences()));
            case "preferred_locations" -> p.preferredLocations = new ArrayList<>(required(field, u.preferredLocations()));
            case "onboarding_completed" -> p.onboardingCompleted = required(field, u.onboardingCompleted());
            default -> throw new InvalidInputException(field, "is not a known field");
        }
    }

    /** Points the profile at the user's active resume (null for none); the resume feature owns the choice. */
    public void setActiveResume(String userId, java.util.UUID resumeId) {
        UserProfile profile = profiles.findByUser(userId).orElseThrow(() -> new ResourceNotFoundException("Profile"));
        profile.activeResumeId = resumeId;
        profile.updatedAt = clock.instant();
        changed.fire(new UserChanged(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.Settings settings(String userId) {
        return Views.settings(settings.findByUser(userId).orElseThrow(() -> new ResourceNotFoundException("Settings")));
    }

    public Views.Settings replaceSettings(String userId, Requests.SettingsUpdate update) {
        UserSettings current = settings.findByUser(userId).orElseThrow(() -> new ResourceNotFoundException("Settings"));
        current.theme = update.theme();
        current.notifications = boundedJson("notifications", update.notifications());
        current.preferences = boundedJson("preferences", update.preferences());
        current.updatedAt = clock.instant();
        changed.fire(new UserChanged(userId));
        return Views.settings(current);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.SubscriptionView subscription(String userId) {
        return Views.subscription(subscriptions.findCurrent(userId)
                .orElseThrow(() -> new ResourceNotFoundException("Subscription")));
    }

    private Views.Me load(String userId) {
        User user = users.findByIdOptional(userId).orElseThrow(() -> new ResourceNotFoundException("User"));
        UserProfile profile = profiles.findByUser(userId).orElseThrow(() -> new ResourceNotFoundException("Profile"));
        return Views.me(user, profile);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }

    private Map<String, Object> boundedJson(String field, Map<String, Object> value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        try {
            if (json.writeValueAsBytes(value).length > MAX_JSON_BYTES) {
                throw new InvalidInputException(field, "must be at most " + MAX_JSON_BYTES / 1024 + " KB of JSON");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "must be a JSON object");
        }
        return new LinkedHashMap<>(value);
    }
}
