package org.rrp.workflow.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.rrp.workflow.casework.EnglishDates;

/** A stage's certificate: one A4 landscape page naming the setting, the stage and the date (Apache PDFBox). */
@Service
class Certificates {

  static final DateTimeFormatter DATE = EnglishDates.DAY;

  private final String issuer;

  Certificates(@Value("${rrp.training.certificate-issuer}") String issuer) {
    this.issuer = issuer;
  }

  byte[] certificate(String settingName, String stageName, LocalDate completedOn) {
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(a4Landscape);
      document.addPage(page);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Certificate: " + printable(plain, stageName));
      info.setAuthor(printable(plain, issuer));
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.setLineWidth(3);
        content.addRect(30, 30, a4Landscape.getWidth() - 60, a4Landscape.getHeight() - 60);
        content.stroke();
        float y = a4Landscape.getHeight() - 140;
        centred(content, bold, 34, "Certificate of completion", a4Landscape, y);
        centred(content, plain, 16, "This certifies that", a4Landscape, y -= 60);
        centred(content, bold, 24, settingName, a4Landscape, y -= 40);
        centred(content, plain, 16, "has completed", a4Landscape, y -= 45);
        centred(content, bold, 22, stageName, a4Landscape, y -= 38);
        centred(content, plain, 16, "on " + completedOn.format(DATE), a4Landscape, y -= 45);
        centred(content, plain, 14, issuer, a4Landscape, 80);
      }
      document.save(pdf);
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The certificate could not be made", e);
    }
  }

  private static void centred(PDPageContentStream content, PDType1Font font, float size, String text, PDRectangle page,
      float y) throws IOException {
    String line = printable(font, text);
    float width = font.getStringWidth(line) / 1000 * size;
    float fitted = width > page.getWidth() - 100 ? size * (page.getWidth() - 100) / width : size;
    content.beginText();
    content.setFont(font, fitted);
    content.newLineAtOffset((page.getWidth() - font.getStringWidth(line) / 1000 * fitted) / 2, y);
    content.showText(line);
    content.endText();
  }

  /** The text with any character the standard font cannot show replaced, so an unusual name never fails. */
  static String printable(PDType1Font font, String text) {
    StringBuilder line = new StringBuilder();
    text.strip().codePoints().forEach(c -> {
      String ch = new String(Character.toChars(Character.isWhitespace(c) ? ' ' : c));
      try {
        font.encode(ch);
        line.append(ch);
      } catch (IOException | IllegalArgumentException e) {
        line.append('?');
      }
    });
    return line.toString();
  }
}
