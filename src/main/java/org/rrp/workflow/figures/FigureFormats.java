package org.rrp.workflow.figures;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.rrp.workflow.figures.Report.Table;

/** A report as a spreadsheet (CSV, every table one after another) and one of its tables as a bar chart (SVG). */
final class FigureFormats {

  static final int BAR_AREA = 360;
  static final int ROW = 26;
  static final int LABEL_WIDTH = 330;
  /**
   * RFC 4180 with every cell quoted: a spreadsheet program set to split on semicolons or tabs (as in many locales)
   * keeps a quoted cell whole, so no part of a name becomes a cell of its own (and a formula).
   */
  private static final CSVFormat SPREADSHEET = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?");

  private FigureFormats() {
  }

  /**
   * The report as a spreadsheet. A cell a spreadsheet program would otherwise read as a formula ({@link
   * #readAsFormula}; an area's or a reason's name comes from a decision table a coordinator deploys) gets a leading
   * apostrophe, which the program shows as text. Numbers stay numbers.
   */
  static String csv(Report report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, SPREADSHEET)) {
      csv.printRecord(asText(report.title(), report.period(), report.from(), report.to(), report.area()));
      for (Table table : report.tables()) {
        csv.println();
        csv.printRecord(asText(table.title()));
        csv.printRecord(asText(table.columns().toArray(String[]::new)));
        for (List<String> row : table.rows()) {
          csv.printRecord(asText(row.toArray(String[]::new)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object[] asText(String... cells) {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = readAsFormula(cells[i]) ? "'" + cells[i] : cells[i];
    }
    return safe;
  }

  /**
   * Whether a spreadsheet program could read the cell as a formula: it begins, after any spaces (which an import may
   * trim), with {@code = + - @} or their full-width forms, or with a tab or a line break; a number is not.
   */
  static boolean readAsFormula(String cell) {
    if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return false;
    }
    if ("\t\r\n".indexOf(cell.charAt(0)) >= 0) {
      return true;
    }
    String start = cell.replaceFirst("^[\\s\\p{Z}]+", "");
    return !start.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(start.charAt(0)) >= 0;
  }

  /** The table a chart is asked for ({@code table}, a number; the first when absent). */
  static int tableIndex(Report report, String table) {
    if (table == null || table.isBlank()) {
      return 0;
    }
    if (!table.strip().matches("\\d{1,3}")) {
      throw new IllegalArgumentException("The table must be a number from 0 to " + (report.tables().size() - 1) + ".");
    }
    return Integer.parseInt(table.strip());
  }

  /** A horizontal bar per row of the table; a withheld figure gets no bar and says why. */
  static String svg(Report report, int tableIndex) {
    if (tableIndex < 0 || tableIndex >= report.tables().size()) {
      throw new IllegalArgumentException("The table must be a number from 0 to " + (report.tables().size() - 1) + ".");
    }
    Table table = report.tables().get(tableIndex);
    int max = table.chartValues().stream().filter(value -> value != null).mapToInt(Integer::intValue).max().orElse(0);
    int height = 40 + ROW * table.rows().size();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.UK, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"13\">",
        LABEL_WIDTH + BAR_AREA + 120, height, LABEL_WIDTH + BAR_AREA + 120, height, escape(table.title())));
    svg.append("<title>").append(escape(table.title() + ", " + report.period() + ", " + report.area())).append("</title>");
    svg.append("<text x=\"0\" y=\"18\" font-weight=\"bold\">").append(escape(table.title())).append("</text>");
    for (int i = 0; i < table.rows().size(); i++) {
      List<String> row = table.rows().get(i);
      Integer value = table.chartValues().get(i);
      int y = 32 + i * ROW;
      svg.append(String.format(Locale.UK, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL_WIDTH - 8, y + 14,
          escape(row.get(0))));
      int width = value == null || value == 0 ? 0 : Math.max(1, Math.round((float) value * BAR_AREA / max));
      if (width > 0) {
        svg.append(String.format(Locale.UK, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#1565C0\"/>",
            LABEL_WIDTH, y, width));
      }
      svg.append(String.format(Locale.UK, "<text x=\"%d\" y=\"%d\">%s</text>", LABEL_WIDTH + width + 6, y + 14,
          escape(row.get(row.size() > 2 ? 2 : 1))));
    }
    return svg.append("</svg>").toString();
  }

  static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
