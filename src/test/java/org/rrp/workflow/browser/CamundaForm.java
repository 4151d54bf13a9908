package org.rrp.workflow.browser;

import static org.rrp.workflow.browser.Browser.xpathLiteral;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js) as a person fills it in: fields found by the label they see, not by ids. Scoped to the
 * whole form or to one row of a list (participants, actions).
 */
final class CamundaForm {

  private final Browser browser;
  private final SearchContext scope;

  private CamundaForm(Browser browser, SearchContext scope) {
    this.browser = browser;
    this.scope = scope;
  }

  /** The form on screen (task or start form), once it has rendered. */
  static CamundaForm shown(Browser browser) {
    return new CamundaForm(browser, browser.visible(By.cssSelector("form.fjs-form")));
  }

  /** The label whose text (without the required '*') starts with the given words. */
  private WebElement label(String label) {
    return scope.findElement(By.xpath(".//label[starts-with(normalize-space(.), " + xpathLiteral(label) + ")]"));
  }

  /** The input a label is for: text fields, text areas, the date or time half of a date-time field. */
  WebElement input(String label) {
    return scope.findElement(By.id(label(label).getAttribute("for")));
  }

  /** The whole field a label belongs to (its input, its description, its error). */
  WebElement field(String label) {
    return label(label).findElement(By.xpath("./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  CamundaForm text(String label, String value) {
    WebElement input = input(label);
    browser.scrollTo(input);
    input.clear();
    input.sendKeys(value);
    return this;
  }

  String valueOf(String label) {
    return input(label).getDomProperty("value");
  }

  /** Picks an option of a select field by the text shown. */
  CamundaForm select(String label, String option) {
    WebElement field = field(label);
    browser.click(field.findElement(By.cssSelector(".fjs-input-group")));
    browser.click(field.findElement(By.xpath(".//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.) = "
        + xpathLiteral(option) + "]")));
    return this;
  }

  /** Picks one answer of a radio group. */
  CamundaForm choose(String label, String option) {
    browser.click(field(label).findElement(By.xpath(".//label[normalize-space(.) = " + xpathLiteral(option) + "]/input")));
    return this;
  }

  /** Ticks a checkbox (it was not ticked). */
  CamundaForm tick(String label) {
    WebElement box = label(label).findElement(By.xpath("./input[@type='checkbox']"));
    if (!box.isSelected()) {
      browser.click(box);
    }
    return this;
  }

  /** Types a date the way the field asks for it: its placeholder (mm/dd/yyyy or dd/mm/yyyy) gives the order. */
  CamundaForm date(String label, LocalDate date) {
    WebElement input = input(label);
    String placeholder = input.getDomAttribute("placeholder");
    if (!"dd/mm/yyyy".equals(placeholder)) {
      throw new AssertionError("the date field '" + label + "' asks for " + placeholder + ", not dd/mm/yyyy");
    }
    String pattern = "dd/MM/yyyy";
    browser.scrollTo(input);
    input.clear();
    input.sendKeys(date.format(DateTimeFormatter.ofPattern(pattern, Locale.UK)), Keys.ENTER);
    return this;
  }

  /** Types a time in the field's clock: 24-hour unless its placeholder asks for am/pm. */
  CamundaForm time(String label, LocalTime time) {
    WebElement input = input(label);
    String placeholder = String.valueOf(input.getDomAttribute("placeholder")).toLowerCase(Locale.ROOT);
    String pattern = placeholder.contains("m ") || placeholder.endsWith("am") || placeholder.endsWith("pm") ? "hh:mm a" : "HH:mm";
    browser.scrollTo(input);
    input.clear();
    input.sendKeys(time.format(DateTimeFormatter.ofPattern(pattern, Locale.UK)).toUpperCase(Locale.ROOT), Keys.TAB);
    return this;
  }

  /** Row {@code index} (from 0) of a list field, adding rows with the list's add button until it exists. */
  CamundaForm row(String listLabel, int index) {
    WebElement list = scope.findElement(By.xpath(".//*[contains(@class, 'fjs-form-field-dynamiclist')][./label[starts-with(normalize-space(.), "
        + xpathLiteral(listLabel) + ")]]"));
    while (list.findElements(By.cssSelector(".fjs-repeat-row-container")).size() <= index) {
      int rows = list.findElements(By.cssSelector(".fjs-repeat-row-container")).size();
      browser.click(list.findElement(By.cssSelector(".fjs-repeat-render-add")));
      browser.until(driver -> list.findElements(By.cssSelector(".fjs-repeat-row-container")).size() > rows);
    }
    return new CamundaForm(browser, list.findElements(By.cssSelector(".fjs-repeat-row-container")).get(index));
  }

  /** The error form-js shows under a field, empty when none. */
  String errorOf(String label) {
    return field(label).findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
        .map(String::trim).filter(text -> !text.isEmpty()).findFirst().orElse("");
  }

  /** Every error form-js shows in the form. */
  List<String> errors() {
    return scope.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
        .map(String::trim).filter(text -> !text.isEmpty()).toList();
  }
}
