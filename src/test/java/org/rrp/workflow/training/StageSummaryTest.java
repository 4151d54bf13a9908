package org.rrp.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.training.JourneyRecords.Stage;

/** What a stage asks, as the stage's forms show it: the catalogue's own text is read as written, never as markup. */
class StageSummaryTest {

  @Test
  void theCataloguesTextReadsLiterallyInTheSummary() {
    Stage stage = new Stage(1, "awareness", "Awareness", "2-day training [see](https://example.org/x)", 1, false,
        List.of("Share the video", "1. <b>Plan</b>"), List.of("Follow-up workshop"), false, null, 1, false, false);

    assertThat(JourneyService.summary(stage))
        .contains("**What it consists of:** 2\\-day training \\[see\\]\\(https\\:\\/\\/example\\.org\\/x\\)")
        .contains("**Commitments to evidence:** Share the video; 1\\. \\<b\\>Plan\\<\\/b\\>")
        .contains("**Follow-up workshops or sessions:** Follow\\-up workshop")
        .contains("**Timescale:** 1 term");
  }
}
