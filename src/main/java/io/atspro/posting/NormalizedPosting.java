package io.atspro.posting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One job posting as read from a board, normalized across platforms.
 *
 * @param workArrangement remote|hybrid|onsite|null
 * @param employmentType full_time|part_time|contract|internship|temporary|null
 * @param salaryInterval year|month|week|day|hour|null
 * @param description sanitized plain text (paragraph and bullet line breaks kept)
 * @param metadata platform-specific extras, sorted by key, never null
 * @param requirements the description's requirements section (or the board's own field), plain text, or null
 * @param benefits the description's benefits section (or the board's own field), plain text, or null
 * @param requiredSkills skills the requirements ask for (the skill lexicon's display names), never null
 * @param preferredSkills skills named as nice to have, never null
 * @param company what the payload says about the employer, never null (all fields may be null)
 */
public record NormalizedPosting(
        String externalId,
        String title,
        String companyName,
        String locationRaw,
        String city,
        String state,
        String country,
        String workArrangement,
        String employmentType,
        BigDecimal salaryMin,
        BigDecimal salaryMax,
        String salaryCurrency,
        String salaryInterval,
        String description,
        Instant postedAt,
        String applyUrl,
        String sourceUrl,
        Map<String, String> metadata,
        String requirements,
        String benefits,
        List<String> requiredSkills,
        List<String> preferredSkills,
        CompanyFacts company) {

    /** A posting without sections, skills or company facts (they are filled later, see {@link PostingSections}). */
    public NormalizedPosting(String externalId, String title, String companyName, String locationRaw, String city,
            String state, String country, String workArrangement, String employmentType, BigDecimal salaryMin,
            BigDecimal salaryMax, String salaryCurrency, String salaryInterval, String description, Instant postedAt,
            String applyUrl, String sourceUrl, Map<String, String> metadata) {
        this(externalId, title, companyName, locationRaw, city, state, country, workArrangement, employmentType,
                salaryMin, salaryMax, salaryCurrency, salaryInterval, description, postedAt, applyUrl, sourceUrl,
                metadata, null, null, List.of(), List.of(), CompanyFacts.NONE);
    }

    public NormalizedPosting {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        preferredSkills = preferredSkills == null ? List.of() : List.copyOf(preferredSkills);
        company = company == null ? CompanyFacts.NONE : company;
        TreeMap<String, String> copy = new TreeMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        metadata = Collections.unmodifiableMap(copy);
    }

    /** The same posting under the employer's name (Lever and Ashby payloads carry only the board token). */
    public NormalizedPosting withCompanyName(String name) {
        return new NormalizedPosting(externalId, title, name, locationRaw, city, state, country, workArrangement,
                employmentType, salaryMin, salaryMax, salaryCurrency, salaryInterval, description, postedAt, applyUrl,
                sourceUrl, metadata, requirements, benefits, requiredSkills, preferredSkills, company);
    }

    /** The same posting with its requirements and benefits text and its skills. */
    public NormalizedPosting withSections(String requirementsText, String benefitsText, List<String> required,
            List<String> preferred) {
        return new NormalizedPosting(externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, salaryMin, salaryMax, salaryCurrency, salaryInterval, description,
                postedAt, applyUrl, sourceUrl, metadata, requirementsText, benefitsText, required, preferred, company);
    }

    /** The same posting with this salary. */
    public NormalizedPosting withSalary(BigDecimal min, BigDecimal max, String currency, String interval) {
        return new NormalizedPosting(externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, min, max, currency, interval, description, postedAt, applyUrl,
                sourceUrl, metadata, requirements, benefits, requiredSkills, preferredSkills, company);
    }

    /** The same posting with these employer facts. */
    public NormalizedPosting withCompany(CompanyFacts facts) {
        return new NormalizedPosting(externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, salaryMin, salaryMax, salaryCurrency, salaryInterval, description,
                postedAt, applyUrl, sourceUrl, metadata, requirements, benefits, requiredSkills, preferredSkills,
                facts);
    }

    /** The same posting with one more metadata entry (a null value removes nothing and adds nothing). */
    public NormalizedPosting withMetadata(String key, String value) {
        Map<String, String> copy = new TreeMap<>(metadata);
        if (value != null) {
            copy.put(key, value);
        }
        return new NormalizedPosting(externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, salaryMin, salaryMax, salaryCurrency, salaryInterval, description,
                postedAt, applyUrl, sourceUrl, copy, requirements, benefits, requiredSkills, preferredSkills, company);
    }

    /**
     * SHA-256 (hex) over the fields a user cares about, in a fixed order. Excludes postedAt, sourceUrl, metadata
     * and the company facts so that a re-read of an unchanged posting hashes the same, and the skills, which are
     * read from the text it does cover (so they are computed only for postings whose hash changed).
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        for (Object field : new Object[] {externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, plain(salaryMin), plain(salaryMax), salaryCurrency, salaryInterval,
                description, applyUrl, requirements, benefits}) {
            String s = field == null ? "\u0000" : field.toString();
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
