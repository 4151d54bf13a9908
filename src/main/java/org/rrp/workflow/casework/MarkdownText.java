package org.rrp.workflow.casework;

/**
 * Text a person typed, made safe to place inside Markdown the server writes for a form's text component (form-js
 * renders it as GitHub-flavoured Markdown, links and images included). Every ASCII punctuation character gets a
 * backslash, which CommonMark reads as that character itself: no link, image, emphasis, heading, list or HTML can
 * be made of it, and with {@code :}, {@code .} and {@code @} escaped a bare address is not turned into a link.
 * A line break becomes a space, so the text stays on the line it was placed in.
 */
public final class MarkdownText {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private MarkdownText() {
  }

  /** The text, read literally where it is placed in Markdown; empty for none. */
  public static String literal(Object typed) {
    if (typed == null) {
      return "";
    }
    String text = typed.toString();
    StringBuilder literal = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (PUNCTUATION.indexOf(c) >= 0) {
        literal.append('\\').append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        literal.append(' ');
      } else {
        literal.append(c);
      }
    }
    return literal.toString();
  }
}
