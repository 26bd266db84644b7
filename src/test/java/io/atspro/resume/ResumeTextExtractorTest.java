package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResumeTextExtractorTest {

    private final ResumeTextExtractor extractor = new ResumeTextExtractor();

    @Test
    void readsPdfText() throws IOException {
        byte[] pdf = SampleDocuments.pdf("Jane Doe", "Senior Engineer at Acme Corp", "Jan 2020 – Present");

        ExtractedText text = extractor.extract(new ByteArrayInputStream(pdf), DocumentFormat.PDF);

        assertThat(text.text()).contains("Jane Doe", "Senior Engineer at Acme Corp", "Jan 2020 – Present");
        assertThat(text.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void readsDocxParagraphsTablesListsAndLinksInOrder() throws IOException {
        byte[] docx = SampleDocuments.docxWithTableListAndLink();

        ExtractedText text = extractor.extract(new ByteArrayInputStream(docx), DocumentFormat.DOCX);

        assertThat(text.text().lines().toList()).containsExactly("Jane Doe", "My GitHub (https://github.com/janedoe)",
                "Experience", "Acme Corp | Senior Engineer | Jan 2020 – Present", "• Shipped the thing");
    }

    @Test
    void readsMarkdownAsPlainText() {
        String markdown = "# Jane Doe\n\n[LinkedIn](https://linkedin.com/in/jd) | **Berlin**\n\n## Skills\n\n- Java\\_EE\n";

        ExtractedText text = extractor.extract(utf8(markdown), DocumentFormat.MARKDOWN);

        assertThat(text.text()).isEqualTo("Jane Doe\n\nLinkedIn (https://linkedin.com/in/jd) | Berlin\n\nSkills\n\n- Java_EE\n");
    }

    @Test
    void returnsJsonWholeAfterCheckingIt() {
        assertThat(extractor.extract(utf8(" {\"basics\": {\"name\": \"Jane\"}}\n"), DocumentFormat.JSON).text())
                .isEqualTo("{\"basics\": {\"name\": \"Jane\"}}");
        assertFailure(() -> extractor.extract(utf8("{\"basics\": \n {\"name\" \"Jane\"}}"), DocumentFormat.JSON),
                Reason.UNREADABLE).hasMessageContaining("not valid JSON (line 2, column");
    }

    @Test
    void decodesLegacyTextWhenItIsNotUtf8() {
        byte[] windows1252 = "Chloé Dubois".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(extractor.extract(new ByteArrayInputStream(windows1252), DocumentFormat.TXT).text()).isEqualTo("Chloé Dubois");
    }

    // ---- robustness

    @ParameterizedTest
    @EnumSource(DocumentFormat.class)
    void refusesAnEmptyFile(DocumentFormat format) {
        assertFailure(() -> extractor.extract(new ByteArrayInputStream(new byte[0]), format), Reason.EMPTY)
                .hasMessage("The file is empty.");
    }

    @Test
    void refusesATextFileWithOnlyWhitespace() {
        assertFailure(() -> extractor.extract(utf8(" \n\t\n"), DocumentFormat.TXT), Reason.EMPTY)
                .hasMessage("The file contains no text.");
    }

    @Test
    void refusesATruncatedPdf() throws IOException {
        byte[] pdf = SampleDocuments.pdf("Jane Doe", "Senior Engineer at Acme Corp");
        byte[] half = Arrays.copyOf(pdf, pdf.length / 2);

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(half), DocumentFormat.PDF), Reason.UNREADABLE)
                .hasMessageContaining("incomplete or damaged");
    }

    @Test
    void refusesAPdfWhoseBodyIsGarbage() {
        byte[] garbage = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage ]]]\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(garbage), DocumentFormat.PDF), Reason.UNREADABLE)
                .hasMessage("The file is not a readable PDF (it may be damaged).");
    }

    @Test
    void refusesAPasswordProtectedPdf() throws IOException {
        byte[] pdf = SampleDocuments.passwordProtectedPdf("s3cret", "Jane Doe");

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(pdf), DocumentFormat.PDF), Reason.PASSWORD_PROTECTED)
                .hasMessageStartingWith("The PDF is password-protected");
    }

    @Test
    void refusesAPngPassedAsPdf() {
        assertFailure(() -> extractor.extract(new ByteArrayInputStream(SampleDocuments.PNG_HEAD), DocumentFormat.PDF),
                Reason.UNREADABLE).hasMessage("The file is not a readable PDF.");
    }

    @Test
    void refusesAPdfWithoutText() throws IOException {
        byte[] pdf = SampleDocuments.blankPdf(2);

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(pdf), DocumentFormat.PDF), Reason.NO_TEXT)
                .hasMessageContaining("scanned image");
    }

    @Test
    void readsOnlyTheFirstPagesOfALongPdf() throws IOException {
        ResumeTextExtractor onePage = new ResumeTextExtractor(
                new ResumeTextExtractor.Limits(1024 * 1024, 100_000, 1, Duration.ofSeconds(10)));
        String[] lines = new String[120];
        Arrays.setAll(lines, i -> "Line " + i);

        ExtractedText text = onePage.extract(new ByteArrayInputStream(SampleDocuments.pdf(lines)), DocumentFormat.PDF);

        assertThat(text.truncated()).isTrue();
        assertThat(text.text()).contains("Line 0").doesNotContain("Line 119");
    }

    @Test
    @Timeout(30)
    void refusesADocxZipBombQuicklyAndWithoutExpandingIt(@TempDir Path directory) throws IOException {
        Path bomb = SampleDocuments.zipBombDocx(directory, 200L * 1024 * 1024);
        assertThat(Files.size(bomb)).isLessThan(2L * 1024 * 1024);

        try (InputStream in = Files.newInputStream(bomb)) {
            assertFailure(() -> extractor.extract(in, DocumentFormat.DOCX), Reason.UNSAFE)
                    .hasMessageContaining("unsafe size");
        }
    }

    @Test
    @Timeout(30)
    void refusesADocxWhoseDocumentInflatesTooFarEvenWhenItsSizeLooksModest(@TempDir Path directory) throws IOException {
        Path bomb = SampleDocuments.zipBombDocx(directory, 20L * 1024 * 1024);

        try (InputStream in = Files.newInputStream(bomb)) {
            assertFailure(() -> extractor.extract(in, DocumentFormat.DOCX), Reason.UNSAFE)
                    .hasMessageContaining("unsafe size")
                    .rootCause().hasMessageStartingWith("Zip bomb detected!");
        }
    }

    @Test
    void refusesADocxThatIsNotOne() throws IOException {
        assertFailure(() -> extractor.extract(new ByteArrayInputStream(SampleDocuments.plainZip()), DocumentFormat.DOCX),
                Reason.UNREADABLE).hasMessage("The file is not a readable Word (.docx) document.");
        assertFailure(() -> extractor.extract(utf8("just text"), DocumentFormat.DOCX_CANDIDATE), Reason.UNREADABLE);
    }

    @Test
    void refusesALegacyOrEncryptedWordFile() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(ole2), DocumentFormat.DOCX), Reason.UNSUPPORTED)
                .hasMessageContaining(".doc");
    }

    @Test
    void readsA9point9MegabyteTextFileKeepingTheFirst2MillionCharacters() {
        int size = 9_900_000;
        byte[] text = new byte[size];
        byte[] line = "Experienced engineer with a passion for clean code.\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            text[i] = line[i % line.length];
        }

        ExtractedText extracted = extractor.extract(new ByteArrayInputStream(text), DocumentFormat.TXT);

        assertThat(extracted.truncated()).isTrue();
        assertThat(extracted.text()).hasSize(ResumeTextExtractor.Limits.DEFAULT.maxTextChars())
                .startsWith("Experienced engineer");
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        byte[] eleven = new byte[11 * 1024 * 1024];
        Arrays.fill(eleven, (byte) 'a');

        assertFailure(() -> extractor.extract(new ByteArrayInputStream(eleven), DocumentFormat.TXT), Reason.TOO_LARGE)
                .hasMessage("The file is larger than 10 MB.");
    }

    @Test
    void refusesAnUnsupportedFormat() {
        assertFailure(() -> extractor.extract(utf8("x"), null), Reason.UNSUPPORTED);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call)
                .isInstanceOf(ResumeExtractionException.class)
                .satisfies(e -> assertThat(((ResumeExtractionException) e).reason()).isEqualTo(reason));
    }
}
