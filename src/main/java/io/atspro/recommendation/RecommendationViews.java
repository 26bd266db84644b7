package io.atspro.recommendation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atspro.posting.PostingSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the recommendation endpoints answer, and what the cache keeps. */
public final class RecommendationViews {

    private RecommendationViews() {
    }

    /**
     * Why a posting is recommended: cosine similarity of the user's and the posting's vectors; the posting's skills
     * the user has and has not; the stated preferences it meets and misses; the experience level its title or
     * board names; how many days ago it was posted.
     */
    @RegisterForReflection
    @Schema(name = "RecommendationReasons")
    public record Reasons(double similarity, List<String> matchedSkills, List<String> missingSkills,
            List<String> preferencesMet, List<String> preferencesMissed, String level, long postedDaysAgo) {
    }

    /** One recommended posting, its blended score (0–1) and why. */
    @Schema(name = "Recommendation")
    public record Item(PostingSummary posting, double score, Reasons reasons) {
    }

    /**
     * A page. {@code basedOn}: what the ranking read ({@code resume}, {@code profile}, or {@code nothing} when the
     * user has neither a usable resume nor a profile title or skills: no items then).
     */
    @Schema(name = "RecommendationPage")
    public record Page(List<Item> items, String nextCursor, String basedOn, Instant computedAt) {
    }

    /** A dismissed posting; {@code mute} is the mute the dismissal also created, when one was asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecommendationDismissal")
    public record Dismissal(UUID postingId, Mute mute) {
    }

    /** A muted company or job title. */
    @Schema(name = "RecommendationMute")
    public record Mute(UUID id, String kind, String value, Instant createdAt) {
    }

    /**
     * The ranked list as cached in Redis: posting ids, scores and reasons (the postings are read fresh);
     * {@code epoch} and {@code version}: the catalog's and the user's, when it was computed.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    public record Ranked(List<Entry> entries, String basedOn, Instant computedAt, long epoch, long version) {

        @RegisterForReflection
        public record Entry(UUID postingId, double score, Reasons reasons) {
        }
    }
}
