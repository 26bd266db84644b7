package io.atspro.recommendation;

import io.atspro.embedding.Embedder;
import io.atspro.embedding.EmbeddingConfig;
import io.atspro.identity.ProfileService;
import io.atspro.identity.SkillService;
import io.atspro.identity.UserChanged;
import io.atspro.identity.Views;
import io.atspro.job.JobService;
import io.atspro.posting.CatalogService;
import io.atspro.posting.PostingCriteria;
import io.atspro.posting.PostingFacts;
import io.atspro.posting.PostingSummary;
import io.atspro.posting.PostingVectors;
import io.atspro.posting.PostingVectorsChanged;
import io.atspro.resume.ResumeChanged;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeService;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.task.TaskQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Postings for the caller: the catalog's nearest postings to their vector (resume and profile), ranked by the
 * blend of {@link Recommender} with their preferences, without what they applied to, track, dismissed or muted.
 * The ranked list is cached per user; pages are read from it.
 */
@ApplicationScoped
public class RecommendationService {

    static final String USER_TASK = "user_embed";
    static final int MAX_MUTES = 200;

    private final CatalogService catalog;
    private final ResumeService resumes;
    private final ProfileService profiles;
    private final SkillService skills;
    private final JobService jobs;
    private final Embedder embedder;
    private final EmbeddingConfig embeddingConfig;
    private final RecommendationConfig config;
    private final RecommendationCache cache;
    private final RecommendationStore store;
    private final TaskQueue tasks;
    private final DataSource dataSource;
    private final Clock clock;
    private final Recommender recommender = new Recommender();
    private final UserText userText = new UserText();

    RecommendationService(CatalogService catalog, ResumeService resumes, ProfileService profiles, SkillService skills,
            JobService jobs, Embedder embedder, EmbeddingConfig embeddingConfig, RecommendationConfig config,
            RecommendationCache cache, TaskQueue tasks, DataSource dataSource, Clock clock) {
        this.catalog = catalog;
        this.resumes = resumes;
        this.profiles = profiles;
        this.skills = skills;
        this.jobs = jobs;
        this.embedder = embedder;
        this.embeddingConfig = embeddingConfig;
        this.config = config;
        this.cache = cache;
        this.store = new RecommendationStore(dataSource);
        this.tasks = tasks;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    // --- reading

    public RecommendationViews.Page recommend(String userId, String cursor, int limit) {
        Cursor after = Cursor.parse(cursor);
        RecommendationViews.Ranked ranked = ranked(userId);
        List<RecommendationViews.Ranked.Entry> rest = new ArrayList<>();
        for (RecommendationViews.Ranked.Entry e : ranked.entries()) {
            if (after == null || e.score() < after.score()
                    || e.score() == after.score() && e.postingId().compareTo(after.postingId()) > 0) {
                rest.add(e);
            }
        }
        List<RecommendationViews.Ranked.Entry> shown = rest.subList(0, Math.min(limit, rest.size()));
        Map<UUID, PostingFacts> facts = catalog.factsOnReplica(shown.stream()
                .map(RecommendationViews.Ranked.Entry::postingId).toList(), true);
        List<RecommendationViews.Item> items = new ArrayList<>();
        for (RecommendationViews.Ranked.Entry e : shown) {
            PostingFacts f = facts.get(e.postingId());
            // a posting closed or removed since the list was made is left out
            if (f != null && f.summary().isActive()) {
                items.add(new RecommendationViews.Item(f.summary(), e.score(), e.reasons()));
            }
        }
        String next = rest.size() > limit ? new Cursor(shown.get(limit - 1).score(), shown.get(limit - 1).postingId())
                .encode() : null;
        return new RecommendationViews.Page(items, next, ranked.basedOn(), ranked.computedAt());
    }

    /** The caller's ranked list: cached, else computed (and cached). */
    RecommendationViews.Ranked ranked(String userId) {
        RecommendationCache.Lookup lookup = cache.get(userId);
        if (lookup.ranked().isPresent()) {
            return lookup.ranked().get();
        }
        RecommendationViews.Ranked ranked = compute(userId, config.candidates(), config.kept(), lookup.epoch(),
                lookup.version());
        cache.put(userId, ranked);
        return ranked;
    }

    /** Ranks up to {@code candidates} nearest postings and keeps the best {@code kept}. */
    RecommendationViews.Ranked compute(String userId, int candidates, int kept, long epoch, long version) {
        Instant now = clock.instant();
        Optional<Ranking> ranking = ranking(userId, candidates);
        if (ranking.isEmpty()) {
            return new RecommendationViews.Ranked(List.of(), "nothing", now, epoch, version);
        }
        List<Recommender.Scored> scored = recommender.rank(ranking.get().basis(), ranking.get().candidates(), now);
        List<RecommendationViews.Ranked.Entry> entries = scored.stream().limit(kept)
                .map(s -> new RecommendationViews.Ranked.Entry(s.candidate().posting().id(), s.score(), s.reasons()))
                .toList();
        return new RecommendationViews.Ranked(entries, ranking.get().basedOn(), now, epoch, version);
    }

    /** What a ranking starts from: the user's basis and the candidate postings, nearest first. */
    record Ranking(Recommender.Basis basis, List<Recommender.Candidate> candidates, String basedOn) {
    }

    /** The basis and candidates of a user; empty when there is nothing to rank from (or embeddings are off). */
    Optional<Ranking> ranking(String userId, int candidates) {
        if (!embeddingConfig.enabled()) {
            throw new ConflictException("Recommendations need the embedding model, which is off on this service");
        }
        Optional<ResumeData> resume = resumes.currentResume(userId);
        Views.Profile profile = profiles.me(userId).profile();
        UserText.Source source = source(userId, resume, profile);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        float[] vector = userVector(userId, source);
        Recommender.Basis basis = new Recommender.Basis(vector, source.skills(),
                preferences(profile, source));

        Set<UUID> excluded = new HashSet<>(store.dismissed(userId));
        excluded.addAll(jobs.trackedPostings(userId));
        List<RecommendationStore.Mute> mutes = store.mutes(userId);
        PostingCriteria criteria = new PostingCriteria(null, null, null, null, null, null, null,
                mutes.stream().filter(m -> m.kind().equals("company")).map(RecommendationStore.Mute::value).toList(),
                null, null, userId, false);
        List<PostingVectors.Neighbour> nearest = catalog.nearest(vector, criteria, candidates + excluded.size());
        // the catalog side from the read replica when there is one (CatalogService.nearest); the user's side
        // (dismissals, mutes, tracked postings) from the primary above: their latest changes count at once
        Map<UUID, PostingFacts> facts = catalog.factsOnReplica(nearest.stream()
                .map(PostingVectors.Neighbour::postingId).toList(), false);
        List<String> mutedTitles = mutes.stream().filter(m -> m.kind().equals("title"))
                .map(m -> m.value().toLowerCase(Locale.ROOT)).toList();
        List<Recommender.Candidate> out = new ArrayList<>();
        for (PostingVectors.Neighbour n : nearest) {
            PostingFacts f = facts.get(n.postingId());
            if (f == null || excluded.contains(n.postingId()) || mutedTitle(f.summary(), mutedTitles)) {
                continue;
            }
            out.add(new Recommender.Candidate(f.summary(), n.similarity(), f.skills(), f.salaryAnnualMax()));
            if (out.size() == candidates) {
                break;
            }
        }
        return Optional.of(new Ranking(basis, out, resume.isPresent() ? "resume" : "profile"));
    }

    private static boolean mutedTitle(PostingSummary p, List<String> mutedTitles) {
        String title = p.title() == null ? "" : p.title().toLowerCase(Locale.ROOT);
        return mutedTitles.stream().anyMatch(title::contains);
    }

    private static Recommender.Preferences preferences(Views.Profile p, UserText.Source source) {
        List<String> locations = new ArrayList<>(p.preferredLocations() == null ? List.of() : p.preferredLocations());
        if (locations.isEmpty()) {
            for (String own : new String[] {p.locationCity(), p.location()}) {
                if (own != null && !own.isBlank()) {
                    locations.add(own);
                    break;
                }
            }
        }
        String level = p.experienceLevel() != null ? p.experienceLevel()
                : p.yearsExperience() != null ? Recommender.levelOfYears(p.yearsExperience())
                : Recommender.levelOfResume(source.currentTitle(), source.yearsOfExperience());
        return new Recommender.Preferences(locations, p.willingToRelocate(), p.preferredWorkType(),
                p.targetSalaryMin(), p.targetSalaryCurrency(), level);
    }

    /** The user's vector: stored when it was made from the same text by the same model, else embedded now. */
    private float[] userVector(String userId, UserText.Source source) {
        String hash = hash(source);
        return store.userVector(userId, hash).orElseGet(() -> {
            float[] vector = embedder.embedAll(List.of(source.document())).get(0);
            store.storeUserVector(userId, hash, vector, clock.instant());
            return vector;
        });
    }

    /** Embeds the user's current text ahead of their next request (the background task after a resume change). */
    void refreshUserVector(String userId) {
        Optional<ResumeData> resume = resumes.currentResume(userId);
        Views.Profile profile;
        try {
            profile = profiles.me(userId).profile();
        } catch (ResourceNotFoundException e) {
            return; // erased meanwhile
        }
        UserText.Source source = source(userId, resume, profile);
        if (!source.isEmpty()) {
            userVector(userId, source);
        }
    }

    /** What the user's vector is made of: their current resume, profile and profile skills. */
    UserText.Source source(String userId, Optional<ResumeData> resume, Views.Profile profile) {
        List<String> profileSkills = skills.list(userId, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .map(Views.Skill::skillName).toList();
        return userText.of(resume.orElse(null), profile, profileSkills,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** {@link #source} of the user as stored now. */
    UserText.Source source(String userId) {
        return source(userId, resumes.currentResume(userId), profiles.me(userId).profile());
    }

    private static String hash(UserText.Source source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Embedder.MODEL.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(source.document().head()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(source.document().body()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines for the morning briefing: new postings (the last day) ranked at or above the threshold. */
    public List<String> briefingLines(String userId, int max) {
        if (!embeddingConfig.enabled()) {
            return List.of();
        }
        RecommendationViews.Ranked ranked = ranked(userId);
        List<RecommendationViews.Ranked.Entry> fresh = ranked.entries().stream()
                .filter(e -> e.score() >= config.briefingThreshold() && e.reasons().postedDaysAgo() <= 1)
                .limit(max).toList();
        Map<UUID, PostingFacts> facts = catalog.factsOnReplica(fresh.stream()
                .map(RecommendationViews.Ranked.Entry::postingId).toList(), true);
        List<String> lines = new ArrayList<>();
        for (RecommendationViews.Ranked.Entry e : fresh) {
            PostingFacts f = facts.get(e.postingId());
            if (f != null) {
                lines.add("Recommended: " + f.summary().title() + " at " + f.summary().companyName() + " ("
                        + Math.round(e.score() * 100) + " % match)");
            }
        }
        return lines;
    }

    // --- dismissals and mutes

    /**
     * Keeps a posting out of the caller's recommendations; {@code mute} ("company" or "title") also mutes its
     * company or title. 404 for no posting, 409 when it was dismissed already.
     */
    public Optional<RecommendationViews.Mute> dismiss(String userId, UUID postingId, String mute) {
        PostingFacts posting = catalog.facts(List.of(postingId)).get(postingId);
        if (posting == null) {
            throw new ResourceNotFoundException("Posting");
        }
        String muteValue = mute == null ? null
                : mute.equals("company") ? posting.summary().companyName() : posting.summary().title();
        Optional<RecommendationViews.Mute> created = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!store.dismiss(c, userId, postingId, clock.instant())) {
                    throw new ConflictException("The posting is dismissed already");
                }
                return muteValue == null ? Optional.<RecommendationViews.Mute>empty()
                        : addMute(c, userId, mute, muteValue, false);
            }
        });
        cache.drop(userId);
        return created;
    }

    public void undismiss(String userId, UUID postingId) {
        if (!store.undismiss(userId, postingId)) {
            throw new ResourceNotFoundException("Dismissal");
        }
        cache.drop(userId);
    }

    public List<RecommendationViews.Mute> mutes(String userId) {
        return store.mutes(userId).stream().map(RecommendationService::view).toList();
    }

    /** 409 when the same company or title is muted already, or the user has {@value #MAX_MUTES}. */
    public RecommendationViews.Mute mute(String userId, String kind, String value) {
        if (!kind.equals("company") && !kind.equals("title")) {
            throw new InvalidInputException("kind", "must be one of company, title");
        }
        RecommendationViews.Mute created = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return addMute(c, userId, kind, value.strip(), true).orElseThrow();
            }
        });
        cache.drop(userId);
        return created;
    }

    private Optional<RecommendationViews.Mute> addMute(Connection c, String userId, String kind, String value,
            boolean conflictIfExists) throws SQLException {
        if (store.muteCount(c, userId) >= MAX_MUTES) {
            throw new ConflictException("At most " + MAX_MUTES + " companies and titles can be muted");
        }
        Optional<RecommendationStore.Mute> mute = store.mute(c, userId, kind, value, clock.instant());
        if (mute.isEmpty() && conflictIfExists) {
            throw new ConflictException("That " + kind + " is muted already");
        }
        return mute.map(RecommendationService::view);
    }

    public void unmute(String userId, UUID id) {
        if (!store.unmute(userId, id)) {
            throw new ResourceNotFoundException("Mute");
        }
        cache.drop(userId);
    }

    private static RecommendationViews.Mute view(RecommendationStore.Mute m) {
        return new RecommendationViews.Mute(m.id(), m.kind(), m.value(), m.createdAt());
    }

    // --- what makes a cached list stale

    void onResumeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResumeChanged change) {
        cache.drop(change.userId());
        if (embeddingConfig.enabled()) {
            QuarkusTransaction.requiringNew().run(() -> tasks.submit(null, USER_TASK,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("user_id", change.userId())));
        }
    }

    void onUserChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged change) {
        cache.drop(change.userId());
    }

    void onVectorsChanged(@Observes PostingVectorsChanged change) {
        cache.newEpoch();
    }

    /** Where the next page starts: after (score, posting id). Opaque to clients. */
    record Cursor(double score, UUID postingId) {

        String encode() {
            String raw = "r:" + Double.doubleToLongBits(score) + ":" + postingId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 3 || !parts[0].equals("r")) {
                    throw new IllegalArgumentException("parts");
                }
                return new Cursor(Double.longBitsToDouble(Long.parseLong(parts[1])), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
