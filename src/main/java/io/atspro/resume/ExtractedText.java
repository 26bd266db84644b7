package io.atspro.resume;

import java.util.List;

/**
 * Text read from a resume file. {@code truncated} says only the beginning was kept: at most
 * {@link ResumeTextExtractor.Limits#maxTextChars()} characters, or the first pages of a long PDF. {@code warnings}
 * are what reading the layout noticed that the user should check ("Two columns detected"); {@code layout} is what
 * the file's fonts and links tell the parser.
 */
public record ExtractedText(String text, DocumentFormat format, boolean truncated, List<String> warnings,
                            LayoutHints layout) {

    public ExtractedText {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layout = layout == null ? LayoutHints.NONE : layout;
    }

    public ExtractedText(String text, DocumentFormat format, boolean truncated, List<String> warnings) {
        this(text, format, truncated, warnings, LayoutHints.NONE);
    }

    public ExtractedText(String text, DocumentFormat format, boolean truncated) {
        this(text, format, truncated, List.of(), LayoutHints.NONE);
    }
}
