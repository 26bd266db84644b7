package io.atspro.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.skill.Lexicon;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one board's listing into the catalog on the caller's connection and transaction: companies by normalized
 * name, postings upserted by (source_platform, external_id) with content_hash telling updated from unchanged,
 * postings missing from a complete listing closed, and the primary posting of each duplicate group chosen again.
 * Plain JDBC with array parameters: one round trip per step whatever the listing's size.
 */
public final class CatalogWriter {

    /** What a write did. {@code newIds} are the postings the catalog did not have before. */
    public record Result(int found, int inserted, int updated, int unchanged, int closed, List<UUID> newIds) {
    }

    /** A listing that would close more of a source's postings than is believable; nothing was written. */
    public static final class SuspiciousListingException extends Exception {
        public SuspiciousListingException(String message) {
            super(message);
        }
    }

    private static final String UPSERT = """
            INSERT INTO job_postings AS p (company_id, source_id, source_platform, external_id, title, company_name,
                description, salary_min, salary_max, salary_currency, salary_interval, experience_level,
                employment_type, work_arrangement, location_raw, location_city, location_state, location_country,
                source_url, apply_url, posted_at, metadata, content_hash, dedup_key, expires_date, requirements,
                benefits, required_skills, preferred_skills, first_seen_at, last_seen_at, updated_at)
            SELECT u.company_id, ?, ?, u.external_id, u.title, u.company_name, u.description, u.salary_min,
                u.salary_max, u.salary_currency, u.salary_interval, u.experience_level, u.employment_type,
                u.work_arrangement, u.location_raw, u.location_city, u.location_state, u.location_country,
                u.source_url, u.apply_url, coalesce(u.posted_at, ?), u.metadata::jsonb, u.content_hash, u.dedup_key,
                u.expires_date, u.requirements, u.benefits, string_to_array(u.required_skills, chr(31)),
                string_to_array(u.preferred_skills, chr(31)), ?, ?, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                ?::text[], ?::text[])
                AS u(company_id, external_id, title, company_name, description, salary_min, salary_max,
                salary_currency, salary_interval, experience_level, employment_type, work_arrangement, location_raw,
                location_city, location_state, location_country, source_url, apply_url, posted_at, metadata,
                content_hash, dedup_key, expires_date, requirements, benefits, required_skills, preferred_skills)
            ON CONFLICT (source_platform, external_id) DO UPDATE SET
                company_id = excluded.company_id, source_id = excluded.source_id, title = excluded.title,
                company_name = excluded.company_name, description = excluded.description,
                salary_min = excluded.salary_min, salary_max = excluded.salary_max,
                salary_currency = excluded.salary_currency, salary_interval = excluded.salary_interval,
                experience_level = excluded.experience_level, employment_type = excluded.employment_type,
                work_arrangement = excluded.work_arrangement, location_raw = excluded.location_raw,
                location_city = excluded.location_city, location_state = excluded.location_state,
                location_country = excluded.location_country, source_url = excluded.source_url,
                apply_url = excluded.apply_url, metadata = excluded.metadata, content_hash = excluded.content_hash,
                dedup_key = excluded.dedup_key, last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at,
                is_active = true, closed_at = NULL, expires_date = excluded.expires_date,
                requirements = excluded.requirements, benefits = excluded.benefits,
                required_skills = excluded.required_skills, preferred_skills = excluded.preferred_skills
            WHERE p.content_hash <> excluded.content_hash OR NOT p.is_active
            RETURNING p.id, p.xmax = 0, p.dedup_key
            """;

    /** Joins a posting's skills into one text per row for the array-of-rows upsert (no skill contains it). */
    private static final String SKILL_SEPARATOR = "\u001f";

    private static final int PARALLEL_ENRICH = 1_000;

    private final ObjectMapper json;
    private final double maxCloseFraction;
    private final Lexicon lexicon = Lexicon.standard();

    /**
     * @param maxCloseFraction a complete listing that would close more than this share of a source's active
     *                         postings (when it has at least 10) is refused as broken rather than believed
     */
    public CatalogWriter(ObjectMapper json, double maxCloseFraction) {
        this.json = json;
        this.maxCloseFraction = maxCloseFraction;
    }

    /**
     * @param closeMissing true when {@code postings} is the board's complete listing: the source's postings not in
     *                     it are closed (inactive, expiring today)
     */
    public Result write(Connection c, UUID sourceId, String platform, List<NormalizedPosting> postings, Instant now,
            boolean closeMissing) throws SQLException, SuspiciousListingException {
        return write(c, sourceId, platform, postings, Set.of(), now, closeMissing);
    }

    /**
     * @param seenUnchanged postings still on the board whose details were not read again because the catalog holds
     *                      them unchanged (detail-reading boards): kept open and seen, not rewritten
     */
    public Result write(Connection c, UUID sourceId, String platform, List<NormalizedPosting> postings,
            Set<String> seenUnchanged, Instant now, boolean closeMissing)
            throws SQLException, SuspiciousListingException {
        Map<String, NormalizedPosting> byId = new LinkedHashMap<>();
        for (NormalizedPosting posting : postings) {
            byId.putIfAbsent(posting.externalId(), posting);
        }
        List<NormalizedPosting> raw = new ArrayList<>(byId.values());
        // the hash of the posting as the board gave it: what enrichment derives from it (sections, skills, a salary
        // from the text) must not make an unchanged posting look changed on the next run
        String[] hashes = raw.stream().map(NormalizedPosting::contentHash).toArray(String[]::new);
        List<NormalizedPosting> listing = enrich(c, platform, raw, hashes);
        Set<String> allIds = new LinkedHashSet<>(byId.keySet());
        allIds.addAll(seenUnchanged);
        String[] externalIds = allIds.toArray(String[]::new);
        int skipped = allIds.size() - listing.size();

        int closing = 0;
        if (closeMissing && sourceId != null) {
            int[] open = openPostings(c, sourceId, externalIds);
            int active = open[0];
            closing = open[1];
            if (active >= 10 && closing > maxCloseFraction * active) {
                throw new SuspiciousListingException("The board listed " + listing.size() + " postings and would close "
                        + closing + " of this source's " + active + " open ones; refusing to believe it");
            }
        }

        Map<String, UUID> companies = companies(c, listing, now);
        companyFacts(c, listing, now);
        Set<String> touchedGroups = new LinkedHashSet<>();
        List<UUID> newIds = new ArrayList<>();
        List<UUID> written = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        if (!listing.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(UPSERT)) {
                bindUpsert(c, st, sourceId, platform, listing, hashes, companies, now);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        touchedGroups.add(rs.getString(3));
                        written.add(rs.getObject(1, UUID.class));
                        if (rs.getBoolean(2)) {
                            inserted++;
                            newIds.add(rs.getObject(1, UUID.class));
                        } else {
                            updated++;
                        }
                    }
                }
            }
        }
        if (externalIds.length > 0) {
            try (PreparedStatement st = c.prepareStatement("UPDATE job_postings SET last_seen_at = ? "
                    + "WHERE source_platform = ? AND external_id = ANY(?) AND last_seen_at < ?")) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setString(2, platform);
                st.setArray(3, c.createArrayOf("text", externalIds));
                st.setTimestamp(4, Timestamp.from(now));
                st.executeUpdate();
            }
        }
        int closed = 0;
        if (closeMissing && sourceId != null && closing > 0) {
            List<String> groups = close(c, sourceId, externalIds, now);
            closed = groups.size();
            touchedGroups.addAll(groups);
        }
        choosePrimaries(c, touchedGroups);
        addSearchTerms(c, written);
        return new Result(listing.size() + skipped, inserted, updated, listing.size() + skipped - inserted - updated,
                closed, List.copyOf(newIds));
    }

    /**
     * Closes every open posting of the source (a source that was removed): inactive, expiring today, and its
     * duplicates on other boards take its place in search. Returns how many closed.
     */
    public int closeSource(Connection c, UUID sourceId, Instant now) throws SQLException {
        List<String> groups = close(c, sourceId, new String[0], now);
        choosePrimaries(c, new LinkedHashSet<>(groups));
        return groups.size();
    }

    /** Closes the source's open postings not in {@code keep}; returns their duplicate groups, one per posting. */
    private static List<String> close(Connection c, UUID sourceId, String[] keep, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE job_postings SET is_active = false, "
                + "is_primary = false, closed_at = ?, expires_date = ?, updated_at = ? "
                + "WHERE source_id = ? AND is_active AND NOT (external_id = ANY(?)) RETURNING dedup_key")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC));
            st.setTimestamp(3, Timestamp.from(now));
            st.setObject(4, sourceId);
            st.setArray(5, c.createArrayOf("text", keep));
            List<String> groups = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    groups.add(rs.getString(1));
                }
            }
            return groups;
        }
    }

    /**
     * The listing with requirements, benefits and skills ({@link PostingSections}) filled in the postings the
     * catalog lacks, holds with another content hash, or holds closed: those the upsert writes. The others are left
     * as they are (the upsert skips them), so an unchanged board costs no skill reading.
     */
    private List<NormalizedPosting> enrich(Connection c, String platform, List<NormalizedPosting> listing,
            String[] hashes) throws SQLException {
        if (listing.isEmpty()) {
            return listing;
        }
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT external_id, content_hash FROM job_postings "
                + "WHERE source_platform = ? AND external_id = ANY(?) AND is_active")) {
            st.setString(1, platform);
            st.setArray(2, c.createArrayOf("text", listing.stream().map(NormalizedPosting::externalId).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        // reading skills costs ~0.3 ms a posting: a big listing (a first load) uses every core for it
        var indexes = java.util.stream.IntStream.range(0, listing.size());
        return (listing.size() >= PARALLEL_ENRICH ? indexes.parallel() : indexes).mapToObj(i -> {
            NormalizedPosting p = listing.get(i);
            return hashes[i].equals(stored.get(p.externalId())) ? p : PostingSections.enrich(p, lexicon);
        }).toList();
    }

    /**
     * The employer facts the listing gives (the first non-empty value per company and field; a domain from the
     * career page or job URLs when the payload names none and they are on the employer's own site) fill or replace
     * the companies' columns; a known value is never overwritten with an empty one.
     */
    private static void companyFacts(Connection c, List<NormalizedPosting> listing, Instant now) throws SQLException {
        Map<String, CompanyFacts> byCompany = new LinkedHashMap<>();
        for (NormalizedPosting p : listing) {
            CompanyFacts given = p.company();
            String domain = given.domain() != null ? given.domain()
                    : firstDomain(given.careerPageUrl(), p.applyUrl(), p.sourceUrl());
            CompanyFacts facts = new CompanyFacts(domain, given.logoUrl(), given.careerPageUrl(),
                    given.headquartersCity(), given.headquartersCountry());
            if (!facts.isEmpty()) {
                byCompany.merge(CatalogKeys.companyKey(p.companyName()), facts, CompanyFacts::orElse);
            }
        }
        if (byCompany.isEmpty()) {
            return;
        }
        int n = byCompany.size();
        String[][] columns = new String[6][n];
        int i = 0;
        for (Map.Entry<String, CompanyFacts> e : byCompany.entrySet()) {
            CompanyFacts f = e.getValue();
            columns[0][i] = e.getKey();
            columns[1][i] = fits(f.domain(), 255);
            columns[2][i] = fits(f.logoUrl(), 500);
            columns[3][i] = fits(f.careerPageUrl(), 500);
            columns[4][i] = fits(f.headquartersCity(), 100);
            columns[5][i] = fits(f.headquartersCountry(), 50);
            i++;
        }
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE companies c SET domain = coalesce(u.domain, c.domain), logo_url = coalesce(u.logo, c.logo_url),
                    career_page_url = coalesce(u.career, c.career_page_url),
                    headquarters_city = coalesce(u.city, c.headquarters_city),
                    headquarters_country = coalesce(u.country, c.headquarters_country), updated_at = ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS u(k, domain, logo, career, city, country)
                WHERE c.normalized_name = u.k AND (
                    coalesce(u.domain, c.domain) IS DISTINCT FROM c.domain
                    OR coalesce(u.logo, c.logo_url) IS DISTINCT FROM c.logo_url
                    OR coalesce(u.career, c.career_page_url) IS DISTINCT FROM c.career_page_url
                    OR coalesce(u.city, c.headquarters_city) IS DISTINCT FROM c.headquarters_city
                    OR coalesce(u.country, c.headquarters_country) IS DISTINCT FROM c.headquarters_country)""")) {
            st.setTimestamp(1, Timestamp.from(now));
            for (int col = 0; col < columns.length; col++) {
                st.setArray(col + 2, c.createArrayOf("text", columns[col]));
            }
            st.executeUpdate();
        }
    }

    private static String firstDomain(String... urls) {
        for (String url : urls) {
            String domain = CompanyFacts.domainOf(url);
            if (domain != null) {
                return domain;
            }
        }
        return null;
    }

    /** The value when it fits its column; a cut URL would be wrong, so a value too long is left out. */
    private static String fits(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    /** The source's open postings: {all, those missing from the listing}, in one scan. */
    private static int[] openPostings(Connection c, UUID sourceId, String[] externalIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE NOT "
                + "(external_id = ANY(?))) FROM job_postings WHERE source_id = ? AND is_active")) {
            st.setArray(1, c.createArrayOf("text", externalIds));
            st.setObject(2, sourceId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    /** One company row per normalized name; returns normalized name → id. */
    private static Map<String, UUID> companies(Connection c, List<NormalizedPosting> listing, Instant now)
            throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        for (NormalizedPosting posting : listing) {
            names.putIfAbsent(CatalogKeys.companyKey(posting.companyName()), posting.companyName().strip());
        }
        Map<String, UUID> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        Array keys = c.createArrayOf("text", names.keySet().toArray());
        try (PreparedStatement st = c.prepareStatement("INSERT INTO companies (name, normalized_name, created_at, "
                + "updated_at) SELECT n, k, ?, ? FROM unnest(?::text[], ?::text[]) AS u(n, k) "
                + "ON CONFLICT (normalized_name) DO NOTHING")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setTimestamp(2, Timestamp.from(now));
            st.setArray(3, c.createArrayOf("text", names.values().toArray()));
            st.setArray(4, keys);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT normalized_name, id FROM companies WHERE normalized_name = ANY(?)")) {
            st.setArray(1, keys);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    private void bindUpsert(Connection c, PreparedStatement st, UUID sourceId, String platform,
            List<NormalizedPosting> listing, String[] hashes, Map<String, UUID> companies, Instant now)
            throws SQLException {
        int n = listing.size();
        Object[][] columns = new Object[27][n];
        for (int i = 0; i < n; i++) {
            NormalizedPosting p = listing.get(i);
            columns[0][i] = companies.get(CatalogKeys.companyKey(p.companyName()));
            columns[1][i] = p.externalId();
            columns[2][i] = truncate(p.title(), 300);
            columns[3][i] = truncate(p.companyName().strip(), 255);
            columns[4][i] = p.description() == null ? "" : p.description();
            columns[5][i] = p.salaryMin();
            columns[6][i] = p.salaryMax();
            columns[7][i] = p.salaryCurrency();
            columns[8][i] = p.salaryInterval();
            columns[9][i] = CatalogKeys.experienceLevel(p.title());
            columns[10][i] = p.employmentType();
            columns[11][i] = p.workArrangement();
            columns[12][i] = p.locationRaw();
            columns[13][i] = truncate(p.city(), 100);
            columns[14][i] = truncate(p.state(), 100);
            columns[15][i] = truncate(p.country(), 100);
            columns[16][i] = p.sourceUrl() != null ? p.sourceUrl() : p.applyUrl();
            columns[17][i] = p.applyUrl();
            columns[18][i] = p.postedAt() == null ? null : Timestamp.from(p.postedAt());
            columns[19][i] = metadata(p.metadata());
            columns[20][i] = hashes[i];
            columns[21][i] = CatalogKeys.dedupKey(p.companyName(), p.title(), p.city(), p.state(), p.country(),
                    p.locationRaw());
            columns[22][i] = validThrough(p.metadata().get("validThrough"));
            columns[23][i] = p.requirements();
            columns[24][i] = p.benefits();
            columns[25][i] = String.join(SKILL_SEPARATOR, p.requiredSkills());
            columns[26][i] = String.join(SKILL_SEPARATOR, p.preferredSkills());
        }
        int i = 1;
        st.setObject(i++, sourceId);
        st.setString(i++, platform);
        st.setTimestamp(i++, Timestamp.from(now));
        st.setTimestamp(i++, Timestamp.from(now));
        st.setTimestamp(i++, Timestamp.from(now));
        st.setTimestamp(i++, Timestamp.from(now));
        String[] types = {"uuid", "text", "text", "text", "text", "numeric", "numeric", "text", "text", "text", "text",
            "text", "text", "text", "text", "text", "text", "text", "timestamptz", "text", "text", "text", "date", "text", "text",
            "text", "text"};
        for (int col = 0; col < columns.length; col++) {
            st.setArray(i++, c.createArrayOf(types[col], columns[col]));
        }
    }

    /** The board's "apply by" date (schema.org validThrough), when it gives one. */
    private static java.sql.Date validThrough(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return java.sql.Date.valueOf(LocalDate.parse(value.substring(0, 10)));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String metadata(Map<String, String> metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata map not serializable", e);
        }
    }

    /** Search shows one posting per duplicate group: the earliest seen active one. */
    private static void choosePrimaries(Connection c, Set<String> groups) throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE job_postings p SET is_primary = r.primary_now
                FROM (SELECT id, is_active AND row_number() OVER (PARTITION BY dedup_key
                          ORDER BY is_active DESC, first_seen_at, id) = 1 AS primary_now
                      FROM job_postings WHERE dedup_key = ANY(?)) r
                WHERE p.id = r.id AND p.is_primary <> r.primary_now
                """)) {
            st.setArray(1, c.createArrayOf("text", groups.toArray()));
            st.executeUpdate();
        }
    }

    /** The words of the written postings' titles and companies join the typo fallback's vocabulary. */
    private static void addSearchTerms(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO search_terms (term, ndoc)
                SELECT word, ndoc FROM ts_stat(format('SELECT headline FROM job_postings WHERE id = ANY(%L::uuid[])', ?))
                ON CONFLICT (term) DO UPDATE SET ndoc = search_terms.ndoc + excluded.ndoc""")) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < ids.size(); i++) {
                array.append(i > 0 ? "," : "").append(ids.get(i));
            }
            st.setString(1, array.append('}').toString());
            st.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
