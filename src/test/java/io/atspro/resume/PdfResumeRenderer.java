package io.atspro.resume;

import io.atspro.resume.ResumeLayout.Block;
import io.atspro.resume.ResumeLayout.Bullet;
import io.atspro.resume.ResumeLayout.Heading;
import io.atspro.resume.ResumeLayout.Line;
import io.atspro.resume.ResumeLayout.Row;
import io.atspro.resume.ResumeLayout.Title;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/** Draws layout blocks onto single-column A4/Letter-like pages with the Standard 14 fonts, wrapping long lines. */
final class PdfResumeRenderer {

    private static final float MARGIN = 56;
    private static final float BODY_SIZE = 10;
    private static final float LEADING = 1.35f;
    private static final float BULLET_INDENT = 14;

    static {
        QuietPdfBoxLogs.apply();
    }

    private final PDType1Font regular;
    private final PDType1Font bold;
    private final PDType1Font italic;
    private final PDDocument document = new PDDocument();
    private final PDRectangle pageSize = PDRectangle.LETTER;
    private PDPageContentStream content;
    private float y;

    private PdfResumeRenderer(ResumeLayout.Font font) {
        boolean times = font == ResumeLayout.Font.TIMES;
        regular = new PDType1Font(times ? FontName.TIMES_ROMAN : FontName.HELVETICA);
        bold = new PDType1Font(times ? FontName.TIMES_BOLD : FontName.HELVETICA_BOLD);
        italic = new PDType1Font(times ? FontName.TIMES_ITALIC : FontName.HELVETICA_OBLIQUE);
    }

    static byte[] render(List<Block> blocks, ResumeLayout.Font font) throws IOException {
        return new PdfResumeRenderer(font).draw(blocks, null);
    }

    /** A PDF that opens only with {@code userPassword}. */
    static byte[] renderEncrypted(List<Block> blocks, String userPassword) throws IOException {
        return new PdfResumeRenderer(ResumeLayout.Font.HELVETICA).draw(blocks, userPassword);
    }

    private byte[] draw(List<Block> blocks, String userPassword) throws IOException {
        try (document) {
            newPage();
            for (Block block : blocks) {
                drawBlock(block);
            }
            content.close();
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void drawBlock(Block block) throws IOException {
        if (block instanceof Title title) {
            space(4);
            paragraph(title.text(), bold, 18, 0);
            space(2);
        } else if (block instanceof Heading heading) {
            space(8);
            paragraph(heading.text(), bold, 12, 0);
            space(2);
        } else if (block instanceof Line line) {
            paragraph(line.text(), line.bold() ? bold : line.italic() ? italic : regular, BODY_SIZE, 0);
        } else if (block instanceof Bullet bullet) {
            drawBullet(bullet.text());
        } else if (block instanceof Row row) {
            lineBreak(BODY_SIZE);
            text(bold, BODY_SIZE, MARGIN, row.left());
            float width = width(regular, BODY_SIZE, row.right());
            text(regular, BODY_SIZE, pageSize.getWidth() - MARGIN - width, row.right());
        }
    }

    /** Text starting with a bullet character keeps it and indents its wrapped lines; other items get a drawn bullet. */
    private void drawBullet(String text) throws IOException {
        boolean hasMark = text.startsWith("• ") || text.startsWith("- ") || text.startsWith("* ");
        String mark = hasMark ? text.substring(0, 1) : "•";
        String body = hasMark ? text.substring(2) : text;
        List<String> lines = wrap(body, regular, BODY_SIZE, usableWidth() - BULLET_INDENT);
        for (int i = 0; i < lines.size(); i++) {
            lineBreak(BODY_SIZE);
            if (i == 0) {
                text(regular, BODY_SIZE, MARGIN + 2, mark);
            }
            text(regular, BODY_SIZE, MARGIN + BULLET_INDENT, lines.get(i));
        }
    }

    private void paragraph(String text, PDType1Font font, float size, float indent) throws IOException {
        for (String line : wrap(text, font, size, usableWidth() - indent)) {
            lineBreak(size);
            text(font, size, MARGIN + indent, line);
        }
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private void lineBreak(float size) throws IOException {
        y -= size * LEADING;
        if (y < MARGIN) {
            content.close();
            newPage();
            y -= size * LEADING;
        }
    }

    private void space(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(pageSize);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = pageSize.getHeight() - MARGIN;
    }

    private float usableWidth() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(font, size, candidate) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
