package io.atspro.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Seed 001 user_skills. */
@Entity
@Table(name = "user_skills")
public class UserSkill {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String skillName;

    public String skillCategory;
    public String proficiencyLevel;

    @Column(precision = 3, scale = 1)
    public BigDecimal yearsExperience;

    public boolean isPrimary;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
