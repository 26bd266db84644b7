package io.atspro.resume;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a parser made of a resume's text: the structured data, and the warnings a client shows the user so they check
 * those parts ("No work experience section found", "Two columns detected: check the order of your jobs"). Each
 * warning appears once, in the order first given.
 */
public record ParsedResume(ResumeData data, List<String> warnings) {

    /** The warning of a parse that {@link #foundAlmostNothing() found almost nothing}. */
    public static final String ALMOST_NOTHING = "Almost nothing could be read from this file: no work experience, "
            + "education or skills were found. Check that it is your resume, or fill these parts in by hand.";

    public ParsedResume {
        Objects.requireNonNull(data, "data");
        warnings = warnings == null ? List.of() : List.copyOf(new LinkedHashSet<>(warnings.stream()
                .filter(w -> w != null && !w.isBlank()).toList()));
    }

    /**
     * No work experience, no education and no skills: whatever name, contact details or summary were found, nothing
     * that matching, letters or skill gaps could use. The one definition of an (almost) empty parse.
     */
    public boolean foundAlmostNothing() {
        return data.workExperience().isEmpty() && data.education().isEmpty() && data.skills().isEmpty();
    }

    /** This parse with {@code earlier} warnings before its own (a repeated one is kept where it first appears). */
    public ParsedResume withWarningsFirst(List<String> earlier) {
        List<String> all = new ArrayList<>(earlier);
        all.addAll(warnings);
        return new ParsedResume(data, all);
    }

    /**
     * This parse as it is stored. One that found almost nothing stays a parse (what little was found, a name or an
     * email, is kept for the user to complete by hand, which a failed resume would throw away) but says so first: it
     * is never a silent empty success.
     */
    public ParsedResume flaggedWhenAlmostEmpty() {
        return foundAlmostNothing() ? withWarningsFirst(List.of(ALMOST_NOTHING)) : this;
    }
}
