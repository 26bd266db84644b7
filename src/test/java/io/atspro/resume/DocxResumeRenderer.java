package io.atspro.resume;

import io.atspro.resume.ResumeLayout.Block;
import io.atspro.resume.ResumeLayout.Bullet;
import io.atspro.resume.ResumeLayout.Heading;
import io.atspro.resume.ResumeLayout.Line;
import io.atspro.resume.ResumeLayout.Row;
import io.atspro.resume.ResumeLayout.Title;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Writes layout blocks as a Word document: styled paragraphs, real Word lists, and two-cell tables for rows. */
final class DocxResumeRenderer {

    private final XWPFDocument document = new XWPFDocument();
    private final boolean wordLists;
    private BigInteger bulletList;

    private DocxResumeRenderer(boolean wordLists) {
        this.wordLists = wordLists;
    }

    static byte[] render(List<Block> blocks, boolean wordLists) throws IOException {
        return new DocxResumeRenderer(wordLists).write(blocks);
    }

    private byte[] write(List<Block> blocks) throws IOException {
        try (document) {
            for (Block block : blocks) {
                writeBlock(block);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private void writeBlock(Block block) {
        if (block instanceof Title title) {
            run(document.createParagraph(), title.text(), true, false, 20);
        } else if (block instanceof Heading heading) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingBefore(200);
            run(paragraph, heading.text(), true, false, 13);
        } else if (block instanceof Line line) {
            run(document.createParagraph(), line.text(), line.bold(), line.italic(), 10);
        } else if (block instanceof Bullet bullet) {
            XWPFParagraph paragraph = document.createParagraph();
            if (wordLists) {
                paragraph.setNumID(bulletList());
            }
            run(paragraph, bullet.text(), false, false, 10);
        } else if (block instanceof Row row) {
            XWPFTable table = document.createTable(1, 2);
            table.removeBorders();
            XWPFTableRow tableRow = table.getRow(0);
            run(tableRow.getCell(0).getParagraphs().get(0), row.left(), true, false, 10);
            run(tableRow.getCell(1).getParagraphs().get(0), row.right(), false, false, 10);
        }
    }

    private BigInteger bulletList() {
        if (bulletList == null) {
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ONE);
            CTLvl level = abstractNum.addNewLvl();
            level.setIlvl(BigInteger.ZERO);
            level.addNewNumFmt().setVal(STNumberFormat.BULLET);
            level.addNewLvlText().setVal("•");
            XWPFNumbering numbering = document.createNumbering();
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
            bulletList = numbering.addNum(abstractId);
        }
        return bulletList;
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setItalic(italic);
        run.setFontSize(size);
    }
}
