package io.atspro.matching;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * How well a resume matches a job: a 0–100 score, the job's keywords found and not found in the resume (most
 * important first, then alphabetical), the resume's structural checks and concrete suggestions; and how close the
 * two are in meaning ({@code semanticSimilarity}, the cosine of their vectors, null when the embedding model is
 * off), which the keyword score does not see ("server-side" for "backend").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public record MatchResult(
        int score,
        List<String> keywordsMatched,
        List<String> keywordsMissing,
        List<SectionCheck> sectionChecks,
        List<String> suggestions,
        Double semanticSimilarity) {

    public MatchResult(int score, List<String> keywordsMatched, List<String> keywordsMissing,
            List<SectionCheck> sectionChecks, List<String> suggestions) {
        this(score, keywordsMatched, keywordsMissing, sectionChecks, suggestions, null);
    }

    /** The same result with the semantic similarity. */
    public MatchResult withSemanticSimilarity(Double similarity) {
        return new MatchResult(score, keywordsMatched, keywordsMissing, sectionChecks, suggestions, similarity);
    }

    public MatchResult {
        keywordsMatched = keywordsMatched == null ? List.of() : List.copyOf(keywordsMatched);
        keywordsMissing = keywordsMissing == null ? List.of() : List.copyOf(keywordsMissing);
        sectionChecks = sectionChecks == null ? List.of() : List.copyOf(sectionChecks);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
