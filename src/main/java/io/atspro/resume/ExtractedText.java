package io.atspro.resume;

/**
 * Text read from a resume file. {@code truncated} says only the beginning was kept: at most
 * {@link ResumeTextExtractor.Limits#maxTextChars()} characters, or the first pages of a long PDF.
 */
public record ExtractedText(String text, DocumentFormat format, boolean truncated) {
}
