package org.rrp.workflow.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rrp.workflow.casework.CaseVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The application's emails, each a Mustache template in {@code src/main/resources/mail/<type>.mustache}: the first
 * line is the subject, the rest (after one blank line) the plain-text body, which ends with the shared
 * {@code {{> footer}}}. Every template may use {@code caseReference} and {@code tasklistUrl}. A name the template
 * uses but the model lacks fails the render (so a typo is found by the template tests, not by a reader); a null
 * value renders empty. Subjects carry the case reference, never a child's name.
 */
@Component
public class MailTemplates {

  static final String FOLDER = "mail/";

  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("")
      .emptyStringIsFalse(true).withLoader(MailTemplates::open);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();
  private final String tasklistUrl;

  MailTemplates(@Value("${rrp.tasklist-url}") String tasklistUrl) {
    this.tasklistUrl = tasklistUrl;
  }

  /** The notification of the given type (template name) to one recipient. */
  public Notification compose(String type, String caseReference, String recipientRole, String to, Map<String, ?> model) {
    Map<String, Object> values = new HashMap<>(model);
    values.putIfAbsent(CaseVariables.CASE_REFERENCE, caseReference);
    values.putIfAbsent("tasklistUrl", tasklistUrl);
    String text = templates.computeIfAbsent(type, name -> compiler.compile(open(name))).execute(values);
    int endOfSubject = text.indexOf('\n');
    if (endOfSubject < 0) {
      throw new IllegalStateException("The mail template " + type + " has no body after its subject line");
    }
    return new Notification(type, caseReference, recipientRole, to, text.substring(0, endOfSubject).strip(),
        text.substring(endOfSubject + 1).stripLeading());
  }

  /** A template's values as name, value pairs; a value may be null (it renders empty). */
  public static Map<String, Object> model(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> model = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      model.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return model;
  }

  private static Reader open(String name) {
    try {
      return new InputStreamReader(new ClassPathResource(FOLDER + name + ".mustache").getInputStream(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("No mail template " + name, e);
    }
  }
}
