package io.atspro.posting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
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
        Map<String, String> metadata) {

    public NormalizedPosting {
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
                sourceUrl, metadata);
    }

    /**
     * SHA-256 (hex) over the fields a user cares about, in a fixed order. Excludes postedAt, sourceUrl and
     * metadata so that a re-read of an unchanged posting hashes the same.
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        for (Object field : new Object[] {externalId, title, companyName, locationRaw, city, state, country,
                workArrangement, employmentType, plain(salaryMin), plain(salaryMax), salaryCurrency, salaryInterval,
                description, applyUrl}) {
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
