package io.atspro.recommendation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Recommendations of catalog postings for a user. */
@ConfigMapping(prefix = "atspro.recommendations")
public interface RecommendationConfig {

    /** How long a user's ranked list stays in Redis when nothing it depends on changes. */
    @WithDefault("6H")
    Duration cacheTtl();

    /** Postings nearest to the user that the blend ranks (the rest are not looked at). */
    @WithDefault("200")
    int candidates();

    /** Ranked postings kept (and paged through) per user. */
    @WithDefault("100")
    int kept();

    /** The blended score from which a new posting is named in the morning briefing. */
    @WithDefault("0.55")
    double briefingThreshold();
}
