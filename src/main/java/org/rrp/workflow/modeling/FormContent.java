package org.rrp.workflow.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a deployed Camunda Form may show. Tasklist renders a form's components in the person's browser, next to the
 * case's data, so a form that loads content from elsewhere could show another site inside a task, or send the case's
 * data to an address it names (an image source may be an expression of the form's variables). The webapps' content
 * security policy already keeps the browser from loading frames and images from other sites; a deployment is refused
 * as well, so that what a coordinator deploys is what the browser shows:
 * <ul>
 *   <li>no {@code iframe} component, and no {@code html} component (markup of its own);</li>
 *   <li>an {@code image} only embedded in the form (a {@code data:image/...} source), never from an address or an
 *   expression;</li>
 *   <li>no {@code javascript:} link in a text, and no image in a text but an embedded one.</li>
 * </ul>
 * Each problem is one sentence naming the file and the component's id, never what the component holds.
 */
final class FormContent {

  private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
  private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*]\\((?!<?data:image/)");
  private static final Pattern HTML_IMAGE = Pattern.compile("<img[^>]*src=(?![\"']?data:image/)");

  private FormContent() {
  }

  static List<String> problems(String file, JsonNode form) {
    List<String> problems = new ArrayList<>();
    FormTexts.walk(form.path("components"), component -> check(file, component, problems));
    return problems;
  }

  /**
   * Whether a text holds a {@code javascript:} link, however it is written: HTML entities and percent-escapes read,
   * and the pieces of an expression or a template put together ({@code "java" + "script:"}). form-js's own sanitiser
   * drops such a link's address when it renders the text; the check refuses it before.
   */
  static boolean linksToScript(String text) {
    String read = HtmlUtils.htmlUnescape(text.replaceAll("(?i)&colon;", ":"));
    read = PERCENT.matcher(read).replaceAll(escape ->
        Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    read = HtmlUtils.htmlUnescape(read).replaceAll("[\\s\\p{Cc}\\p{Cf}\"'+{}\\\\]", "").toLowerCase(Locale.ROOT);
    return read.contains("javascript:") || read.contains("vbscript:");
  }

  /** Whether a text shows an image from an address (Markdown {@code ![..](..)} or an {@code <img>}), not embedded. */
  static boolean showsImageFromAnAddress(String text) {
    String read = HtmlUtils.htmlUnescape(text).replaceAll("[\\s\\p{Cc}\\p{Cf}\\\\]", "").toLowerCase(Locale.ROOT);
    return MARKDOWN_IMAGE.matcher(read).find() || HTML_IMAGE.matcher(read).find();
  }

  private static void check(String file, JsonNode component, List<String> problems) {
    String type = component.path("type").asText("");
    String where = file + ": the component " + component.path("id").asText("without an id");
    switch (type) {
      case "iframe" -> problems.add(where + " (iframe) shows another page inside the form: link to it in a text instead.");
      case "html" -> problems.add(where + " (html) writes its own markup: use a text component instead.");
      case "image" -> {
        if (!component.path("source").asText("").toLowerCase(Locale.ROOT).startsWith("data:image/")) {
          problems.add(where + " (image) is loaded from an address or an expression: embed the picture in the form"
              + " instead.");
        }
      }
      case "text" -> {
        if (linksToScript(component.path("text").asText(""))) {
          problems.add(where + " (text) holds a javascript: link: link only to web addresses.");
        }
        if (showsImageFromAnAddress(component.path("text").asText(""))) {
          problems.add(where + " (text) shows an image from an address: embed the picture in the form instead.");
        }
      }
      default -> {
      }
    }
  }
}
