package io.atspro.identity;

import io.atspro.shared.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The one profile row of a user (seed 000 profiles, 001/004 user_profiles, 003 User extras). */
@Entity
@Table(name = "user_profiles")
public class UserProfile {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false, unique = true, updatable = false)
    public String userId;

    /** Encrypted at rest (AES-GCM, {@link EncryptedString}); plaintext only in memory. */
    @Convert(converter = EncryptedString.class)
    public String phone;
    public String location;
    public String locationCity;
    public String locationState;
    public String locationCountry;
    public String title;
    public String bio;
    public String linkedinUrl;
    public String githubUrl;
    public String portfolioUrl;
    public Integer yearsExperience;
    public String experienceLevel;
    public boolean willingToRelocate;
    public String preferredWorkType;
    public Integer targetSalaryMin;
    public Integer targetSalaryMax;

    @Column(nullable = false, length = 3)
    public String targetSalaryCurrency = "USD";

    public Integer dailyApplicationGoal;
    public String coverLetterTemplate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> jobPreferences = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> preferredLocations = new ArrayList<>();

    public UUID activeResumeId;
    public boolean onboardingCompleted;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
