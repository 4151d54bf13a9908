package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person typed reads as itself in the server's Markdown: no link, image, markup or new line of its own. */
class MarkdownTextTest {

  @Test
  void everyAsciiPunctuationCharacterIsEscapedAndNothingElseChanges() {
    String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    StringBuilder escaped = new StringBuilder();
    punctuation.chars().forEach(c -> escaped.append('\\').append((char) c));

    assertThat(MarkdownText.literal(punctuation)).isEqualTo(escaped.toString());
    assertThat(MarkdownText.literal("Hollybank Primary 2")).isEqualTo("Hollybank Primary 2");
    assertThat(MarkdownText.literal("Ysgol Gymraeg Caerdydd \u2014 Ty\u0302 Co\u0302ch")).as("letters of any language")
        .isEqualTo("Ysgol Gymraeg Caerdydd \u2014 Ty\u0302 Co\u0302ch");
    assertThat(MarkdownText.literal("St Mary's (VA)")).isEqualTo("St Mary\\'s \\(VA\\)");
  }

  @Test
  void linksImagesAndMarkupAreTextNotMarkdown() {
    assertThat(MarkdownText.literal("[a link](https://example.org/phish)"))
        .isEqualTo("\\[a link\\]\\(https\\:\\/\\/example\\.org\\/phish\\)");
    assertThat(MarkdownText.literal("<a href=\"https://example.org/x\">a button</a>"))
        .isEqualTo("\\<a href\\=\\\"https\\:\\/\\/example\\.org\\/x\\\"\\>a button\\<\\/a\\>");
    assertThat(MarkdownText.literal("![x](/camunda/api/engine/engine/default/user)")).startsWith("\\!\\[x\\]\\(\\/");
    assertThat(MarkdownText.literal("**bold** # heading &amp;")).isEqualTo("\\*\\*bold\\*\\* \\# heading \\&amp\\;");
  }

  @Test
  void aBareAddressIsNotTurnedIntoALink() {
    // GitHub-flavoured Markdown links https://…, www.… and name@domain without brackets.
    for (String address : new String[] {"https://example.org/x", "www.example.org", "name@example.org"}) {
      String literal = MarkdownText.literal(address);
      assertThat(literal).as(address).doesNotContain("://").doesNotContain("www.").doesNotContain("e@")
          .doesNotContainPattern("[a-z]\\.[a-z]");
    }
  }

  @Test
  void aLineBreakBecomesASpaceSoTheTextCannotStartABlockOfItsOwn() {
    assertThat(MarkdownText.literal("Hollybank\n# Primary\r\n- one\u2028two\tthree"))
        .isEqualTo("Hollybank \\# Primary  \\- one two three");
  }

  @Test
  void nothingTypedIsEmpty() {
    assertThat(MarkdownText.literal(null)).isEmpty();
    assertThat(MarkdownText.literal("")).isEmpty();
  }
}
