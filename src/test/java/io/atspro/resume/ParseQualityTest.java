package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders the known corpus in every layout as PDF and DOCX under target/resume-corpus, reads each file back through
 * extraction and parsing, and scores the result field by field. The bar: overall recall of at least 0.90.
 */
class ParseQualityTest {

    private static final double REQUIRED_RECALL = 0.90;
    private static final Path OUTPUT = Path.of("target", "resume-corpus");

    private final ResumeTextExtractor extractor = new ResumeTextExtractor();
    private final ResumeParser parser = new ResumeParser();

    @Test
    void corpusIsParsedWithHighRecall() throws IOException {
        Files.createDirectories(OUTPUT);
        List<ResumeData> corpus = CorpusResumes.all();
        FieldScores all = new FieldScores();
        Map<DocumentFormat, FieldScores> byFormat = new EnumMap<>(DocumentFormat.class);
        Map<ResumeLayout, FieldScores> byLayout = new EnumMap<>(ResumeLayout.class);
        int documents = 0;

        for (int i = 0; i < corpus.size(); i++) {
            ResumeData known = corpus.get(i);
            for (ResumeLayout layout : ResumeLayout.values()) {
                List<ResumeLayout.Block> blocks = layout.render(known);
                for (DocumentFormat format : List.of(DocumentFormat.PDF, DocumentFormat.DOCX)) {
                    byte[] file = format == DocumentFormat.PDF
                            ? PdfResumeRenderer.render(blocks, layout.font)
                            : DocxResumeRenderer.render(blocks, layout.wordLists);
                    String name = String.format(Locale.ROOT, "resume-%02d-%s.%s", i + 1,
                            layout.name().toLowerCase(Locale.ROOT), format.name().toLowerCase(Locale.ROOT));
                    Files.write(OUTPUT.resolve(name), file);

                    ExtractedText text = extractor.extract(new ByteArrayInputStream(file), format);
                    ResumeData parsed = parser.parse(text.text());
                    all.score(name, known, parsed);
                    byFormat.computeIfAbsent(format, f -> new FieldScores()).score(name, known, parsed);
                    byLayout.computeIfAbsent(layout, l -> new FieldScores()).score(name, known, parsed);
                    documents++;
                }
            }
        }

        System.out.println("Resume parsing quality over " + documents + " documents (" + corpus.size()
                + " resumes x " + ResumeLayout.values().length + " layouts x PDF/DOCX)");
        System.out.println(all.table());
        byFormat.forEach((format, scores) -> System.out.println(summary(format.name(), scores)));
        byLayout.forEach((layout, scores) -> System.out.println(summary(layout.name(), scores)));
        System.out.println("First misses:");
        all.misses().stream().limit(40).forEach(miss -> System.out.println("  " + miss));

        assertThat(all.overall().recall()).as("overall recall").isGreaterThanOrEqualTo(REQUIRED_RECALL);
    }

    private static String summary(String label, FieldScores scores) {
        FieldScores.Tally overall = scores.overall();
        return String.format(Locale.ROOT, "%-14s precision %.3f  recall %.3f", label, overall.precision(), overall.recall());
    }
}
