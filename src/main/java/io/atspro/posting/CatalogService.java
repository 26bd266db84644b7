package io.atspro.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.job.JobDetails;
import io.atspro.job.JobService;
import io.atspro.job.JobView;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The job-posting catalog: writes from scrape runs, search, one posting, saving a posting as a tracked job. */
@ApplicationScoped
public class CatalogService {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final CatalogWriter writer;
    private final PostingSearch search = new PostingSearch();
    private final JobService jobs;
    private final jakarta.enterprise.event.Event<CatalogChanged> changed;
    private final PostingEmbeddings embeddings;
    private final PostingVectors vectors;
    private final RankedSearch ranked;
    /** The search box's and the recommendations' reads: on the read replica when there is one. */
    private final CatalogReads reads;

    CatalogService(DataSource dataSource, ObjectMapper json, JobService jobs,
            jakarta.enterprise.event.Event<CatalogChanged> changed, PostingEmbeddings embeddings,
            PostingVectors vectors, CatalogReads reads,
            @ConfigProperty(name = "atspro.catalog.max-close-fraction", defaultValue = "0.8") double maxCloseFraction) {
        this.dataSource = dataSource;
        this.reads = reads;
        this.json = json;
        this.jobs = jobs;
        this.changed = changed;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.ranked = new RankedSearch(search, vectors);
        this.writer = new CatalogWriter(json, maxCloseFraction);
    }

    /** Writes a board's listing in one transaction: all of it or, on any failure, nothing. */
    @Transactional
    public CatalogWriter.Result write(UUID sourceId, String platform, List<NormalizedPosting> postings, Instant now,
            boolean completeListing) throws CatalogWriter.SuspiciousListingException {
        return write(sourceId, platform, postings, java.util.Set.of(), now, completeListing);
    }

    /**
     * @param seenUnchanged postings still on the board that the connector did not read again (their listing stamp
     *                      was unchanged): kept open, not rewritten
     */
    @Transactional
    public CatalogWriter.Result write(UUID sourceId, String platform, List<NormalizedPosting> postings,
            java.util.Set<String> seenUnchanged, Instant now, boolean completeListing)
            throws CatalogWriter.SuspiciousListingException {
        try (Connection c = dataSource.getConnection()) {
            CatalogWriter.Result result = writer.write(c, sourceId, platform, postings, seenUnchanged, now,
                    completeListing);
            if (result.inserted() + result.updated() > 0) {
                changed.fire(new CatalogChanged(result.inserted(), result.updated()));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog write failed: " + e.getMessage(), e);
        }
    }

    /**
     * The listing stamps of the source's open postings by external id (postings of detail-reading boards carry
     * one in {@code metadata.listStamp}): what a run may skip reading again.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, String> listingStamps(UUID sourceId) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("SELECT external_id, "
                + "metadata->>'listStamp' FROM job_postings WHERE source_id = ? AND is_active "
                + "AND metadata->>'listStamp' IS NOT NULL")) {
            st.setObject(1, sourceId);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the source's listing stamps", e);
        }
    }

    /** The catalog ids of these postings of a platform, in the order given (those it has). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> postingIds(String platform, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, UUID> byExternal = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(
                "SELECT external_id, id FROM job_postings WHERE source_platform = ? AND external_id = ANY(?)")) {
            st.setString(1, platform);
            st.setArray(2, c.createArrayOf("text", externalIds.toArray()));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    byExternal.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read posting ids", e);
        }
        return externalIds.stream().map(byExternal::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The search box: a query that matches nothing falls back to similar titles and companies. On the primary: what
     * the caller wrote just before is found (a discovery searches the catalog right after its board search wrote to
     * it); users' searches ({@link #search(PostingCriteria, String, int, Mode)}) may be served by the read replica.
     */
    public PostingSearch.Result search(PostingCriteria criteria, String cursor, int limit) {
        return search(criteria, cursor, limit, true);
    }

    /** How a search ranks: by its words (full text), by meaning (vectors), or both merged. */
    public enum Mode {
        KEYWORD, SEMANTIC, HYBRID
    }

    /**
     * The search box in a mode. Semantic and hybrid need a query; when the embedding model is off or fails they
     * answer as keyword search does ({@code mode: keyword} in the result says so). Served by the read replica when
     * there is one ({@link CatalogReads}): a posting written a moment ago may show a moment later.
     */
    public PostingSearch.Result search(PostingCriteria criteria, String cursor, int limit, Mode mode) {
        if (mode == Mode.KEYWORD) {
            return searchBox(criteria, cursor, limit);
        }
        if (criteria.q() == null) {
            throw new io.atspro.shared.InvalidInputException("q", "is required for mode=" + mode.name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        float[] query = null;
        if (embeddings.enabled()) {
            try {
                query = embeddings.embedQuery(criteria.q());
            } catch (RuntimeException | LinkageError e) {
                org.jboss.logging.Logger.getLogger(CatalogService.class).warnf(
                        "Embedding a search query failed (%s); answering with keyword search", e.getMessage());
            }
        }
        if (query == null) {
            return searchBox(criteria, cursor, limit);
        }
        float[] embedded = query;
        try {
            return reads.read(c -> mode == Mode.SEMANTIC ? ranked.semantic(c, embedded, criteria, cursor, limit)
                    : ranked.hybrid(c, embedded, criteria, cursor, limit));
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog search failed: " + e.getMessage(), e);
        }
    }

    /**
     * The postings nearest to a vector among those the criteria allow, most similar first (recommendations). Served
     * by the read replica when there is one: the criteria's user-owned filter ({@code notAppliedBy}) may miss an
     * application of the last seconds, so callers exclude what the user tracks themselves.
     */
    public List<PostingVectors.Neighbour> nearest(float[] vector, PostingCriteria criteria, int k) {
        try {
            return reads.read(c -> vectors.nearest(c, vector, criteria, k));
        } catch (SQLException e) {
            throw new IllegalStateException("Nearest postings failed: " + e.getMessage(), e);
        }
    }

    /** These postings (those that exist), with their yearly salary and skills, by id. */
    public java.util.Map<UUID, PostingFacts> facts(java.util.Collection<UUID> ids) {
        return facts(ids, true);
    }

    /** {@link #facts}, without the description's snippet when {@code snippet} is false (cheaper: for ranking). */
    public java.util.Map<UUID, PostingFacts> facts(java.util.Collection<UUID> ids, boolean snippet) {
        try (Connection c = dataSource.getConnection()) {
            return PostingFacts.read(c, ids, snippet);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read postings: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #facts(java.util.Collection, boolean)}, served by the read replica when there is one: for reads that
     * follow no write of their caller (recommendation pages and rankings), which may then lag by the replica's lag.
     */
    public java.util.Map<UUID, PostingFacts> factsOnReplica(java.util.Collection<UUID> ids, boolean snippet) {
        try {
            return reads.read(c -> PostingFacts.read(c, ids, snippet));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read postings: " + e.getMessage(), e);
        }
    }

    /** Exactly what the criteria match (saved searches and their alerts). */
    public PostingSearch.Result match(PostingCriteria criteria, String cursor, int limit) {
        return search(criteria, cursor, limit, false);
    }

    private PostingSearch.Result search(PostingCriteria criteria, String cursor, int limit, boolean fuzzy) {
        try (Connection c = dataSource.getConnection()) {
            return search.search(c, criteria, cursor, limit, fuzzy);
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog search failed: " + e.getMessage(), e);
        }
    }

    /** The search box for users, served by the read replica when there is one. */
    private PostingSearch.Result searchBox(PostingCriteria criteria, String cursor, int limit) {
        try {
            return reads.read(c -> search.search(c, criteria, cursor, limit, true));
        } catch (SQLException e) {
            throw new IllegalStateException("Catalog search failed: " + e.getMessage(), e);
        }
    }

    public PostingDetail get(UUID id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("Posting"));
    }

    public Optional<PostingDetail> find(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT p.id, p.title, p.company_id, p.company_name, p.description, p.location_raw,
                            p.location_city, p.location_state, p.location_country, p.work_arrangement,
                            p.employment_type, p.experience_level, p.salary_min, p.salary_max, p.salary_currency,
                            p.salary_interval, p.posted_at, p.source_platform, p.external_id, p.source_url,
                            p.apply_url, p.is_active, p.first_seen_at, p.last_seen_at, p.closed_at, p.expires_date,
                            p.metadata::text, p.dedup_key, p.requirements, p.benefits, p.required_skills,
                            p.preferred_skills, c.name, c.domain, c.logo_url, c.career_page_url,
                            c.headquarters_city, c.headquarters_country
                     FROM job_postings p JOIN companies c ON c.id = p.company_id WHERE p.id = ?""")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int i = 1;
                UUID postingId = rs.getObject(i++, UUID.class);
                String title = rs.getString(i++);
                UUID companyId = rs.getObject(i++, UUID.class);
                String companyName = rs.getString(i++);
                String description = rs.getString(i++);
                String location = rs.getString(i++);
                String city = rs.getString(i++);
                String state = rs.getString(i++);
                String country = rs.getString(i++);
                String arrangement = rs.getString(i++);
                String employment = rs.getString(i++);
                String experience = rs.getString(i++);
                var salaryMin = rs.getBigDecimal(i++);
                var salaryMax = rs.getBigDecimal(i++);
                String currency = rs.getString(i++);
                String interval = rs.getString(i++);
                Instant postedAt = rs.getTimestamp(i++).toInstant();
                String platform = rs.getString(i++);
                String externalId = rs.getString(i++);
                String sourceUrl = rs.getString(i++);
                String applyUrl = rs.getString(i++);
                boolean active = rs.getBoolean(i++);
                Instant firstSeen = rs.getTimestamp(i++).toInstant();
                Instant lastSeen = rs.getTimestamp(i++).toInstant();
                var closed = rs.getTimestamp(i++);
                LocalDate expires = rs.getObject(i++, LocalDate.class);
                JsonNode metadata = json.readTree(rs.getString(i++));
                String dedupKey = rs.getString(i++);
                String requirements = rs.getString(i++);
                String benefits = rs.getString(i++);
                List<String> required = List.of((String[]) rs.getArray(i++).getArray());
                List<String> preferred = List.of((String[]) rs.getArray(i++).getArray());
                PostingDetail.Company company = new PostingDetail.Company(companyId, rs.getString(i++),
                        rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i));
                return Optional.of(new PostingDetail(postingId, title, companyId, companyName, description, location,
                        city, state, country, arrangement, employment, experience, salaryMin, salaryMax, currency,
                        interval, postedAt, platform, externalId, sourceUrl, applyUrl, active, firstSeen, lastSeen,
                        closed == null ? null : closed.toInstant(), expires, metadata,
                        otherListings(c, postingId, dedupKey), requirements, benefits, required, preferred, company));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Reading posting " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static List<PostingDetail.Listing> otherListings(Connection c, UUID id, String dedupKey)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, source_platform, apply_url, is_active "
                + "FROM job_postings WHERE dedup_key = ? AND id <> ? ORDER BY first_seen_at, id LIMIT 20")) {
            st.setString(1, dedupKey);
            st.setObject(2, id);
            List<PostingDetail.Listing> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new PostingDetail.Listing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4)));
                }
            }
            return out;
        }
    }

    /** Active postings whose apply-by date falls in [from, to] (deadline reminders). */
    public List<UUID> expiringBetween(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id FROM job_postings WHERE is_active AND expires_date BETWEEN ? AND ?")) {
            st.setObject(1, from);
            st.setObject(2, to);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read expiring postings", e);
        }
    }

    /** The apply-by dates of these postings (those that have one). */
    public java.util.Map<UUID, LocalDate> expiresDates(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, LocalDate> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id, expires_date FROM job_postings WHERE id = ANY(?) AND expires_date IS NOT NULL")) {
            st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read posting dates", e);
        }
    }

    /** A section's lines as list items (bullets stripped), within a job's list limits. */
    private static List<String> items(String section) {
        if (section == null) {
            return List.of();
        }
        return section.lines().map(l -> l.replaceFirst("^\\s*[-•*]\\s+", "").strip()).filter(l -> !l.isEmpty())
                .map(l -> truncate(l, JobDetails.Limits.ITEM)).limit(JobDetails.Limits.LIST).toList();
    }

    /** Starts tracking a catalog posting as one of the user's jobs (409 when it is tracked already). */
    @Transactional
    public JobView saveAsJob(String userId, UUID postingId) {
        PostingDetail p = get(postingId);
        List<String> location = p.location() == null ? List.of() : List.of(p.location());
        List<String> logistics = new ArrayList<>();
        if (p.workArrangement() != null) {
            logistics.add("Work arrangement: " + p.workArrangement());
        }
        if (p.employmentType() != null) {
            logistics.add("Employment type: " + p.employmentType().replace('_', ' '));
        }
        JobDetails details = new JobDetails(p.companyName(), p.title(), truncate(p.description(),
                JobDetails.Limits.DESCRIPTION), salary(p), List.of(), items(p.requirements()), logistics, location,
                items(p.benefits()), p.applyUrl() != null ? p.applyUrl() : p.sourceUrl());
        return jobs.saveFromCatalog(userId, postingId, details);
    }

    /** Closes every open posting of a removed source; their duplicates on other boards show instead. */
    @Transactional
    public int closeSource(UUID sourceId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return writer.closeSource(c, sourceId, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the postings of source " + sourceId, e);
        }
    }

    /** The user's job for this posting: the one they track, else a new one saved from it. 404 for no posting. */
    @Transactional
    public UUID trackedJobId(String userId, UUID postingId) {
        return jobs.jobOfPosting(userId, postingId).orElseGet(() -> saveAsJob(userId, postingId).id());
    }

    private static String salary(PostingDetail p) {
        if (p.salaryMin() == null && p.salaryMax() == null) {
            return null;
        }
        String range = p.salaryMin() != null && p.salaryMax() != null
                ? p.salaryMin().toPlainString() + "–" + p.salaryMax().toPlainString()
                : (p.salaryMin() != null ? p.salaryMin() : p.salaryMax()).toPlainString();
        return (p.salaryCurrency() == null ? "" : p.salaryCurrency() + " ") + range
                + (p.salaryInterval() == null ? "" : " per " + p.salaryInterval());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
