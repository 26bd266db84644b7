package io.atspro.resume;

/** The kinds of file a resume can be read from. */
public enum DocumentFormat {
    PDF,
    DOCX,
    TXT,
    MARKDOWN,
    JSON,
    /**
     * A zip archive, as a DOCX is, seen from its first bytes only: whether it holds {@code word/document.xml} takes
     * the whole file ({@link ResumeTextExtractor#sniff(java.nio.file.Path)}). Extracting it reads it as a DOCX.
     */
    DOCX_CANDIDATE
}
