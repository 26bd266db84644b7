package io.atspro.resume;

import java.util.List;

/**
 * What a parser made of a resume's text: the structured data, and the warnings a client shows the user so they check
 * those parts ("No work experience section found", "Two columns detected: check the order of your jobs").
 */
public record ParsedResume(ResumeData data, List<String> warnings) {

    public ParsedResume {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
