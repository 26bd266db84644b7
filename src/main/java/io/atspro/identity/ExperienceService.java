package io.atspro.identity;

import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The caller's work history (seed 001 user_experiences). */
@ApplicationScoped
@Transactional
public class ExperienceService {

    private final ExperienceRepository experiences;
    private final Clock clock;

    ExperienceService(ExperienceRepository experiences, Clock clock) {
        this.experiences = experiences;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.Experience> list(String userId, PageRequest page) {
        return experiences.pageOwned(userId, page).map(Views::experience);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.Experience get(String userId, UUID id) {
        return Views.experience(owned(userId, id));
    }

    public Views.Experience create(String userId, Requests.ExperienceRequest request) {
        UserExperience experience = new UserExperience();
        experience.userId = userId;
        experience.createdAt = clock.instant();
        apply(experience, request, experience.createdAt);
        experiences.persist(experience);
        return Views.experience(experience);
    }

    public Views.Experience update(String userId, UUID id, Requests.ExperienceRequest request) {
        UserExperience experience = owned(userId, id);
        apply(experience, request, clock.instant());
        return Views.experience(experience);
    }

    public void delete(String userId, UUID id) {
        experiences.delete(owned(userId, id));
    }

    private static void apply(UserExperience e, Requests.ExperienceRequest request, Instant now) {
        boolean current = Boolean.TRUE.equals(request.isCurrent());
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw new InvalidInputException("end_date", "must not be before start_date");
        }
        if (current && request.endDate() != null) {
            throw new InvalidInputException("end_date", "must be empty for a current position");
        }
        e.companyName = request.companyName().trim();
        e.jobTitle = request.jobTitle().trim();
        e.startDate = request.startDate();
        e.endDate = request.endDate();
        e.isCurrent = current;
        e.description = request.description();
        e.achievements = copy(request.achievements());
        e.technologiesUsed = copy(request.technologiesUsed());
        e.updatedAt = now;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private UserExperience owned(String userId, UUID id) {
        return experiences.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Experience"));
    }
}
