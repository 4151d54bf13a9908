package org.rrp.workflow.figures;

import java.util.List;

/**
 * The answer to one of the managers' questions, for a period and (optionally) one area: tables of labelled figures,
 * each figure a count, a number of working days, or "fewer than N" where a count is too small to publish.
 */
record Report(String question, String title, String period, String from, String to, String area, List<Table> tables) {

  /**
   * One table: its rows' labels and their figures as shown; {@code chartValues} holds the numbers a chart draws
   * (null where a figure is withheld), for the table's last column.
   */
  record Table(String title, List<String> columns, List<List<String>> rows, List<Integer> chartValues) {
  }
}
