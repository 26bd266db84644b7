package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/**
 * Reading files as they are laid out: PDFs whose text stream is not in reading order, whose words are placed
 * without spaces, with running footers, sizes and hyperlinks; Word files with text boxes. The files are drawn here,
 * glyph run by glyph run, the way the producers of real resumes write them.
 */
class LayoutReadingTest {

    private static final PDType1Font REGULAR = new PDType1Font(FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(FontName.HELVETICA_BOLD);
    private static final float TOP = 760;

    private final ResumeTextExtractor extractor = new ResumeTextExtractor();
    private final ResumeParser parser = new ResumeParser();

    /** One run of text at a position on a page. */
    private record Run(float x, float y, float size, PDType1Font font, String text) {

        static Run at(float x, float y, String text) {
            return new Run(x, y, 10, REGULAR, text);
        }
    }

    @Test
    void aSidebarWrittenRowByRowIsReadColumnByColumn() throws IOException {
        String[] sidebar = {"SKILLS", "Java", "Kotlin", "PostgreSQL", "Docker", "Kubernetes", "Terraform", "Kafka",
            "Grafana", "Linux", "CERTIFICATIONS", "Certified Kubernetes", "Administrator", "AWS Solutions", "Architect",
            "INTERESTS", "Climbing", "Chess"};
        String[] main = {"EXPERIENCE", "Globex Corporation", "Senior Backend Engineer | 2020 – Present",
            "• Built the ledger service in Kotlin", "• Led the migration to Kubernetes", "• Cut cloud spend by a third",
            "Initech", "Software Engineer | 2016 – 2019", "• Wrote the billing pipeline", "• Ran the on-call rotation",
            "EDUCATION", "University of Leeds", "BSc Computer Science, 2016", "", "", "", "", ""};
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(40, TOP, 22, BOLD, "Jane Doe"));
        runs.add(Run.at(40, TOP - 26, "jane.doe@example.com"));
        for (int i = 0; i < sidebar.length; i++) {
            // the stream interleaves the columns, as page-layout programs write them
            runs.add(Run.at(40, TOP - 60 - 14 * i, sidebar[i]));
            if (!main[i].isEmpty()) {
                runs.add(Run.at(220, TOP - 60 - 14 * i, main[i]));
            }
        }

        ExtractedText text = extract(pdf(List.of(runs)));

        List<String> lines = text.text().lines().toList();
        assertThat(lines).containsSubsequence("SKILLS", "Java", "Kotlin", "PostgreSQL", "Docker", "Kubernetes",
                "Terraform", "Kafka", "Grafana", "Linux", "CERTIFICATIONS", "EXPERIENCE", "Globex Corporation");
        assertThat(text.warnings()).containsExactly(PdfTextReader.TWO_COLUMNS);
        ResumeData resume = parser.parse(text).data();
        assertThat(resume.skills()).containsExactly("Java", "Kotlin", "PostgreSQL", "Docker", "Kubernetes", "Terraform",
                "Kafka", "Grafana", "Linux");
        assertThat(resume.workExperience()).extracting(ResumeData.WorkExperience::company,
                ResumeData.WorkExperience::position).containsExactly(
                        tuple("Globex Corporation", "Senior Backend Engineer"),
                        tuple("Initech", "Software Engineer"));
    }

    @Test
    void aLabelValueTableIsReadRowByRow() throws IOException {
        String[][] rows = {{"Date of Birth", ": 25 July 1990"}, {"Nationality", ": Indian"},
            {"Languages Known", ": English, Tamil"}, {"Marital Status", ": Married"}, {"Mobile", ": +91 98765 43210"}};
        List<Run> runs = new ArrayList<>();
        runs.add(Run.at(56, TOP, "PERSONAL DETAILS"));
        for (int i = 0; i < rows.length; i++) {
            runs.add(Run.at(56, TOP - 20 - 14 * i, rows[i][0]));
            runs.add(Run.at(220, TOP - 20 - 14 * i, rows[i][1]));
        }

        ExtractedText text = extract(pdf(List.of(runs)));

        assertThat(text.warnings()).isEmpty();
        assertThat(text.text().lines().toList()).contains("Nationality\t: Indian", "Mobile\t: +91 98765 43210");
    }

    @Test
    void textFramesWrittenOutOfOrderAreReadTopToBottom() throws IOException {
        List<Run> runs = List.of(new Run(56, TOP, 20, BOLD, "Jane Doe"),
                // a layout program wrote the second job's frame before the first's
                Run.at(56, TOP - 120, "Initech | 2016 – 2019"), Run.at(56, TOP - 134, "Software Engineer"),
                Run.at(56, TOP - 148, "• Wrote the billing pipeline"),
                Run.at(56, TOP - 40, "EXPERIENCE"), Run.at(56, TOP - 60, "Globex Corporation | 2020 – Present"),
                Run.at(56, TOP - 74, "Senior Backend Engineer"), Run.at(56, TOP - 88, "• Built the ledger service"));

        ExtractedText text = extract(pdf(List.of(runs)));

        assertThat(text.text().lines().toList()).containsExactly("Jane Doe", "EXPERIENCE",
                "Globex Corporation | 2020 – Present", "Senior Backend Engineer", "• Built the ledger service",
                "Initech | 2016 – 2019", "Software Engineer", "• Wrote the billing pipeline");
        assertThat(text.warnings()).isEmpty();
    }

    @Test
    void aRightAlignedDateIsNotASecondColumn() throws IOException {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(Run.at(56, TOP - 30 * i, "Engineer at Company " + i));
            runs.add(Run.at(470, TOP - 30 * i, "201" + i + " – 201" + (i + 1)));
            runs.add(Run.at(56, TOP - 30 * i - 14, "• Shipped things that mattered to the business and its customers " + i));
        }

        ExtractedText text = extract(pdf(List.of(runs)));

        assertThat(text.warnings()).isEmpty();
        assertThat(text.text().lines().toList()).startsWith("Engineer at Company 0\t2010 – 2011",
                "• Shipped things that mattered to the business and its customers 0");
    }

    @Test
    void wordsPlacedWithoutSpacesGetThemAndWideGapsSeparateColumns() throws IOException {
        List<Run> runs = List.of(Run.at(56, TOP, "Jane"), Run.at(84, TOP, "Doe"),
                Run.at(56, TOP - 20, "Acme"), Run.at(86, TOP - 20, "Corp"), Run.at(400, TOP - 20, "Berlin, Germany"));

        List<String> lines = extract(pdf(List.of(runs))).text().lines().toList();

        assertThat(lines).containsExactly("Jane Doe", "Acme Corp\tBerlin, Germany");
    }

    @Test
    void softHyphensPrintedAsDashesAndIconGlyphsAreRead() throws IOException {
        List<Run> runs = List.of(Run.at(56, TOP, "Site Reliability Engineer"),
                Run.at(400, TOP, "Mar. 2021 \u00AD Present"), Run.at(56, TOP - 14, "Back\u00ADend services"));

        List<String> lines = Text.lines(extract(pdf(List.of(runs))).text());

        assertThat(lines).containsExactly("Site Reliability Engineer | Mar. 2021 – Present", "Back-end services");
    }

    @Test
    void runningFootersAndPageNumbersAreDropped() throws IOException {
        List<Run> first = List.of(new Run(56, TOP, 20, BOLD, "Jane Doe"), Run.at(56, TOP - 30, "Experience"),
                Run.at(56, TOP - 44, "Engineer at Acme"), Run.at(56, 40, "Jane Doe · Curriculum Vitae · 1"));
        List<Run> second = List.of(Run.at(56, TOP, "Jane Doe · Curriculum Vitae · 2"), Run.at(56, TOP - 30, "Education"),
                Run.at(56, TOP - 44, "University of Somewhere"), Run.at(300, 40, "2"));

        List<String> lines = extract(pdf(List.of(first, second))).text().lines().toList();

        assertThat(lines).containsExactly("Jane Doe", "Experience", "Engineer at Acme", "Education",
                "University of Somewhere");
    }

    @Test
    void theNameIsTheLargestLineAtTheTopEvenBelowAnAddress() throws IOException {
        List<Run> runs = List.of(Run.at(56, TOP, "12 Harbour Road, Leith"), new Run(56, TOP - 30, 24, BOLD, "Amara Okafor"),
                Run.at(56, TOP - 50, "amara@example.org | +44 7700 900123"), Run.at(56, TOP - 80, "Experience"),
                Run.at(56, TOP - 94, "Nurse at St Mary's Hospital"));

        ResumeData resume = parser.parse(extract(pdf(List.of(runs)))).data();

        assertThat(resume.contactInfo().fullName()).isEqualTo("Amara Okafor");
        assertThat(resume.contactInfo().phone()).isEqualTo("+44 7700 900123");
    }

    @Test
    void hyperlinkTargetsBecomeProfileLinks() throws IOException {
        List<Run> runs = List.of(new Run(56, TOP, 22, BOLD, "Jane Doe"), Run.at(56, TOP - 30, "GitHub | LinkedIn"));
        byte[] file = pdf(List.of(runs), "https://github.com/janedoe", "https://www.linkedin.com/in/jane-doe");

        ResumeData resume = parser.parse(extract(file)).data();

        assertThat(resume.contactInfo().links()).extracting(ResumeData.Link::name, ResumeData.Link::url)
                .containsExactly(tuple("GitHub", "https://github.com/janedoe"),
                        tuple("LinkedIn", "https://www.linkedin.com/in/jane-doe"));
    }

    @Test
    void wordTextBoxesAreReadOnceWhereTheyAreAnchored() throws IOException {
        byte[] docx = docx("<w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p>"
                + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
                + "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>WORK EXPERIENCE</w:t></w:r></w:p></w:txbxContent>"
                + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>WORK EXPERIENCE</w:t></w:r>"
                + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
                + "<w:p><w:r><w:t>Senior Nurse</w:t><w:tab/><w:t>2019 – Present</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>St Mary's Hospital, London</w:t></w:r></w:p>");

        ExtractedText text = extractor.extract(new ByteArrayInputStream(docx), DocumentFormat.DOCX);

        assertThat(text.text().lines().filter(line -> !line.isBlank()).toList()).containsExactly("Jane Doe",
                "WORK EXPERIENCE", "Senior Nurse\t2019 – Present", "St Mary's Hospital, London");
        assertThat(parser.parse(text).data().workExperience()).singleElement().satisfies(job -> {
            assertThat(job.position()).isEqualTo("Senior Nurse");
            assertThat(job.company()).isEqualTo("St Mary's Hospital");
            assertThat(job.isCurrent()).isTrue();
        });
    }

    private ExtractedText extract(byte[] pdf) {
        return extractor.extract(new ByteArrayInputStream(pdf), DocumentFormat.PDF);
    }

    /** A PDF with a page per list of runs; {@code links} are hyperlink annotations on the first page. */
    private static byte[] pdf(List<List<Run>> pages, String... links) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (List<Run> runs : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Run run : runs) {
                        content.beginText();
                        content.setFont(run.font(), run.size());
                        content.newLineAtOffset(run.x(), run.y());
                        content.showText(run.text());
                        content.endText();
                    }
                }
            }
            float y = TOP - 30;
            for (int i = 0; i < links.length; i++) {
                PDAnnotationLink link = new PDAnnotationLink();
                link.setRectangle(new PDRectangle(56 + 60 * i, y, 50, 12));
                PDActionURI action = new PDActionURI();
                action.setURI(links[i]);
                link.setAction(action);
                document.getPage(0).getAnnotations().add(link);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A minimal DOCX whose body is {@code bodyXml}. */
    private static byte[] docx(String bodyXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/officeDocument\"/></Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
                    + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                    + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                    + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
                    + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                    + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                    + " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>" + bodyXml
                    + "</w:body></w:document>");
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
