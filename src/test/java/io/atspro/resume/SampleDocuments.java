package io.atspro.resume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Small files for the extraction tests, built in memory. */
final class SampleDocuments {

    /** The first bytes of a real PNG: signature and IHDR chunk. */
    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    private SampleDocuments() {
    }

    static byte[] pdf(String... lines) throws IOException {
        List<ResumeLayout.Block> blocks = Arrays.stream(lines)
                .map(line -> (ResumeLayout.Block) new ResumeLayout.Line(line, false, false)).toList();
        return PdfResumeRenderer.render(blocks, ResumeLayout.Font.HELVETICA);
    }

    static byte[] passwordProtectedPdf(String password, String... lines) throws IOException {
        List<ResumeLayout.Block> blocks = Arrays.stream(lines)
                .map(line -> (ResumeLayout.Block) new ResumeLayout.Line(line, false, false)).toList();
        return PdfResumeRenderer.renderEncrypted(blocks, password);
    }

    static byte[] blankPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX with a heading paragraph, a table row, a Word list item and a hyperlink whose text hides its URL. */
    static byte[] docxWithTableListAndLink() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Jane Doe");
            XWPFParagraph links = document.createParagraph();
            XWPFHyperlinkRun link = links.createHyperlinkRun("https://github.com/janedoe");
            link.setText("My GitHub");
            document.createParagraph().createRun().setText("Experience");
            XWPFTable table = document.createTable(1, 3);
            table.getRow(0).getCell(0).setText("Acme Corp");
            table.getRow(0).getCell(1).setText("Senior Engineer");
            table.getRow(0).getCell(2).setText("Jan 2020 – Present");
            XWPFParagraph item = document.createParagraph();
            item.setNumID(BigInteger.ONE);
            item.createRun().setText("Shipped the thing");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A zip laid out like a DOCX whose document.xml inflates to {@code expandedBytes} of spaces. The entry is
     * streamed, so building it needs neither the expanded size in memory nor much disk.
     */
    static Path zipBombDocx(Path directory, long expandedBytes) throws IOException {
        Path file = directory.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml"
                     ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Target="word/document.xml"
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            writeSpaces(zip, expandedBytes);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** A valid zip without word/document.xml. */
    static byte[] plainZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "notes.txt", "hello");
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void writeSpaces(OutputStream out, long count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) ' ');
        for (long written = 0; written < count; written += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, count - written));
        }
    }
}
