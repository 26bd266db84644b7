package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSnifferTest {

    @TempDir
    Path directory;

    @Test
    void recognisesPdfByItsHeader() throws IOException {
        assertThat(ResumeTextExtractor.sniff(SampleDocuments.pdf("Jane"))).isEqualTo(DocumentFormat.PDF);
        assertThat(ResumeTextExtractor.sniff(bytes("%PDF-1.4\n"))).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void aZipIsOnlyADocxCandidateUntilItsEntriesAreSeen() throws IOException {
        byte[] docx = SampleDocuments.docxWithTableListAndLink();

        assertThat(ResumeTextExtractor.sniff(Arrays.copyOf(docx, 64))).isEqualTo(DocumentFormat.DOCX_CANDIDATE);
        assertThat(ResumeTextExtractor.sniff(write("resume.docx", docx))).isEqualTo(DocumentFormat.DOCX);
        assertThat(ResumeTextExtractor.sniff(write("archive.docx", SampleDocuments.plainZip()))).isNull();
    }

    @Test
    void refusesImagesExecutablesAndOtherBinaries() {
        assertThat(ResumeTextExtractor.sniff(SampleDocuments.PNG_HEAD)).isNull();
        assertThat(ResumeTextExtractor.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).isNull();
        assertThat(ResumeTextExtractor.sniff(bytes("GIF89a\u0001\u0000"))).isNull();
        assertThat(ResumeTextExtractor.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isNull();
        assertThat(ResumeTextExtractor.sniff(bytes("MZ\u0090\u0000\u0003\u0000"))).isNull();
        assertThat(ResumeTextExtractor.sniff(new byte[] {'a', 'b', 0, 'c'})).isNull();
        assertThat(ResumeTextExtractor.sniff(new byte[] {(byte) 0xC3, 0x28, 'a'})).isNull();
        assertThat(ResumeTextExtractor.sniff(new byte[0])).isNull();
    }

    @Test
    void recognisesJsonOnlyWhenItParses() {
        assertThat(ResumeTextExtractor.sniff(bytes("  {\"basics\": {\"name\": \"Jane\"}}"))).isEqualTo(DocumentFormat.JSON);
        assertThat(ResumeTextExtractor.sniff(bytes("[1, 2]"))).isEqualTo(DocumentFormat.JSON);
        assertThat(ResumeTextExtractor.sniff(bytes("{not json at all}"))).isEqualTo(DocumentFormat.TXT);
        assertThat(ResumeTextExtractor.sniff(bytes("{\"a\": 1} and then prose"))).isEqualTo(DocumentFormat.TXT);
    }

    @Test
    void aHeadMayEndInTheMiddleOfJsonButAWholeFileMayNot() throws IOException {
        byte[] cut = bytes("{\"basics\": {\"name\": \"Ja");

        assertThat(ResumeTextExtractor.sniff(cut)).isEqualTo(DocumentFormat.JSON);
        assertThat(ResumeTextExtractor.sniff(write("resume.json", cut))).isEqualTo(DocumentFormat.TXT);
    }

    @Test
    void recognisesTextAndMarkdownWithAMarkdownFileName() throws IOException {
        byte[] markdown = bytes("# Jane Doe\n\n## Skills\n- Java\n");

        assertThat(ResumeTextExtractor.sniff(markdown)).isEqualTo(DocumentFormat.TXT);
        assertThat(ResumeTextExtractor.sniff(markdown, "resume.md")).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(ResumeTextExtractor.sniff(markdown, "RESUME.Markdown")).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(ResumeTextExtractor.sniff(bytes("Jane Doe\nEngineer\n"), "resume.md")).isEqualTo(DocumentFormat.TXT);
        assertThat(ResumeTextExtractor.sniff(write("resume.md", markdown))).isEqualTo(DocumentFormat.MARKDOWN);
    }

    @Test
    void aHeadMayEndInTheMiddleOfACharacter() {
        byte[] head = Arrays.copyOf(bytes("Zoë"), 3);

        assertThat(ResumeTextExtractor.sniff(head)).isEqualTo(DocumentFormat.TXT);
    }

    @Test
    void aTextFileWithBinaryFurtherOnIsNotText() throws IOException {
        byte[] content = new byte[20_000];
        Arrays.fill(content, (byte) 'a');
        content[15_000] = 0;

        assertThat(ResumeTextExtractor.sniff(Arrays.copyOf(content, ResumeTextExtractor.sniffLength())))
                .isEqualTo(DocumentFormat.TXT);
        assertThat(ResumeTextExtractor.sniff(write("resume.txt", content))).isNull();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
