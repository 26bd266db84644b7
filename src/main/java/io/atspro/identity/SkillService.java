package io.atspro.identity;

import io.atspro.shared.ConflictException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The caller's skills (seed 001 user_skills). A skill name appears once per user, whatever its case. */
@ApplicationScoped
@Transactional
public class SkillService {

    private final SkillRepository skills;
    private final Clock clock;

    SkillService(SkillRepository skills, Clock clock) {
        this.skills = skills;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.Skill> list(String userId, PageRequest page) {
        return skills.pageOwned(userId, page).map(Views::skill);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.Skill get(String userId, UUID id) {
        return Views.skill(owned(userId, id));
    }

    public Views.Skill create(String userId, Requests.SkillRequest request) {
        UserSkill skill = new UserSkill();
        skill.userId = userId;
        skill.createdAt = clock.instant();
        apply(skill, request, skill.createdAt);
        skills.persist(skill);
        return Views.skill(skill);
    }

    public Views.Skill update(String userId, UUID id, Requests.SkillRequest request) {
        UserSkill skill = owned(userId, id);
        apply(skill, request, clock.instant());
        return Views.skill(skill);
    }

    public void delete(String userId, UUID id) {
        skills.delete(owned(userId, id));
    }

    private void apply(UserSkill skill, Requests.SkillRequest request, Instant now) {
        String name = request.skillName().trim();
        if (skills.nameTaken(skill.userId, name, skill.id)) {
            throw new ConflictException("You already have the skill '" + name + "'");
        }
        skill.skillName = name;
        skill.skillCategory = request.skillCategory();
        skill.proficiencyLevel = request.proficiencyLevel();
        skill.yearsExperience = request.yearsExperience();
        skill.isPrimary = Boolean.TRUE.equals(request.isPrimary());
        skill.updatedAt = now;
    }

    private UserSkill owned(String userId, UUID id) {
        return skills.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Skill"));
    }
}
