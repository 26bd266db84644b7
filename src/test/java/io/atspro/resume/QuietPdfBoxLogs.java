package io.atspro.resume;

import java.util.logging.Level;
import java.util.logging.Logger;

/** PDFBox warns for every non-embedded Standard 14 font it maps to a system font; the corpus uses only those. */
final class QuietPdfBoxLogs {

    /** Held so the configured logger is not garbage-collected with its level. */
    private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    private QuietPdfBoxLogs() {
    }

    static void apply() {
        PDFBOX_FONTS.setLevel(Level.SEVERE);
    }
}
