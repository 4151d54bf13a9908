package org.rrp.workflow.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.http.Answer;
import org.rrp.workflow.WholeAppTest;
import org.rrp.workflow.security.Api;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The figures as Cockpit serves them: the plugin is registered (Cockpit lists it and serves its script), managers and
 * coordinators read every question as JSON, CSV and SVG, and nobody else reads anything.
 */
@WholeAppTest
class FiguresPluginTest {

  static final String FIGURES = "/camunda/api/cockpit/plugin/rrp-figures/default/figures/";

  @LocalServerPort
  int port;

  @Test
  void cockpitServesThePluginsScript() {
    Api.Session manager = new Api(port).login("max");

    Answer plugins = manager.get("/camunda/api/cockpit/plugin/rrp-figures/static/app/plugin.js");

    assertThat(plugins.status()).isEqualTo(200);
    assertThat(plugins.body()).contains("cockpit.dashboard").contains("cockpit.route").contains("rrp-figures");
  }

  @Test
  void managersAndCoordinatorsReadEveryQuestion() {
    for (String user : List.of("max", "cora")) {
      Api.Session session = new Api(port).login(user);
      for (String question : Figures.QUESTIONS) {
        Answer json = session.get(FIGURES + question + "?period=this-school-year");
        assertThat(json.status()).as(user + " " + question).isEqualTo(200);
        assertThat(json.object()).containsEntry("question", question).containsKey("tables");
        assertThat(session.get(FIGURES + question + ".csv?period=this-term").body()).startsWith("\"" + json.object().get("title"));
        assertThat(session.get(FIGURES + question + ".svg?period=this-term&table=0").body()).startsWith("<svg").contains("<title>");
      }
      assertThat(session.get(FIGURES + "areas").object().get("areas")).asList().hasSize(4);
    }
  }

  @Test
  void advisorsAndReferrersAreRefused() {
    for (String user : List.of("alex", "rosa")) {
      Api.Session session = new Api(port).login(user);
      assertThat(session.get(FIGURES + "demand").status()).as(user).isIn(401, 403);
      assertThat(session.get(FIGURES + "demand.csv").status()).as(user).isIn(401, 403);
      assertThat(session.get(FIGURES + "areas").status()).as(user).isIn(401, 403);
    }
  }

  @Test
  void aBadPeriodOrAreaIsAnsweredWithASentence() {
    Api.Session manager = new Api(port).login("max");

    Answer badPeriod = manager.get(FIGURES + "demand?period=range&from=2026-13-01&to=2026-12-01");
    Answer badArea = manager.get(FIGURES + "demand?area=area-atlantis");

    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.object()).isEqualTo(Map.of("message", "The date from is not a date (expected YYYY-MM-DD)."));
    assertThat(badArea.status()).isEqualTo(400);
    assertThat(badArea.body()).doesNotContain("atlantis");

    for (String far : List.of("%2B999999995-01-01", "-999999999-01-01", "20260-01-01")) {
      Answer refused = manager.get(FIGURES + "demand?period=range&from=" + far + "&to=2026-12-01");
      assertThat(refused.status()).as(far).isEqualTo(400);
      assertThat(refused.object()).as(far).isEqualTo(Map.of("message", "The date from is not a date (expected YYYY-MM-DD)."));
    }
    for (String table : List.of("abc", "1e3", "99999999999", "-1")) {
      Answer refused = manager.get(FIGURES + "demand.svg?period=this-term&table=" + table);
      assertThat(refused.status()).as(table).isEqualTo(400);
      assertThat((String) refused.object().get("message")).as(table).startsWith("The table must be a number from 0 to")
          .doesNotContain(table);
    }
  }
}
