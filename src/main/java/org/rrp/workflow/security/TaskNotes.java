package org.rrp.workflow.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.rrp.workflow.casework.FormInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a comment or an attachment on a task may hold, checked before the engine takes it. The engine takes a comment
 * of any length and an attachment's link of any scheme ({@code javascript:} included), stores an attachment's file
 * after reading the whole upload into memory, and answers a name longer than its column with the database's error.
 * An attachment is read here as the engine's REST layer reads it ({@link MultipartPayloadProvider}: one part a name,
 * the last one sent), so the checks see exactly what the engine would store.
 */
final class TaskNotes {

  /** The largest attachment upload taken: a document or a photograph of one, not an archive. */
  static final int ATTACHMENT_LIMIT = 10 * 1024 * 1024;
  /** A comment holds what a form's text area holds. */
  static final int COMMENT_LENGTH = 4000;
  /** The engine's columns: an attachment's name and type 255 characters, its description and link 4,000. */
  private static final int NAME_LENGTH = 255;
  private static final int TEXT_LENGTH = 4000;

  private TaskNotes() {
  }

  /** A comment: its message, filled in and within its length; nothing else is passed on. */
  record Comment(ObjectNode body, List<String> problems) {
  }

  static Comment comment(JsonNode sent) {
    List<String> problems = new ArrayList<>();
    JsonNode message = sent == null ? null : sent.get("message");
    if (message == null || message.isNull() || message.isTextual() && FormInput.isBlank(message.asText())) {
      problems.add("The comment must be filled in.");
    } else if (!message.isTextual()) {
      problems.add("The comment must be text.");
    } else if (message.asText().length() > COMMENT_LENGTH) {
      problems.add("The comment is longer than " + COMMENT_LENGTH + " characters.");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (problems.isEmpty()) {
      body.put("message", message.asText());
    }
    return new Comment(body, problems);
  }

  /**
   * The problems of an attachment's upload ({@code multipart/form-data}): a name, a link on the web or a file, each
   * text within its column. Empty when the engine may take it; a single problem when the upload cannot be read.
   */
  static List<String> attachmentProblems(byte[] upload, String contentType) {
    Optional<MultipartFormData> read = read(upload, contentType);
    if (read.isEmpty()) {
      return List.of("The attachment could not be read.");
    }
    MultipartFormData parts = read.get();
    List<String> problems = new ArrayList<>();
    String name = text(parts, "attachment-name");
    if (name == null || FormInput.isBlank(name)) {
      problems.add("The attachment's name must be filled in.");
    } else if (name.length() > NAME_LENGTH) {
      problems.add("The attachment's name is longer than " + NAME_LENGTH + " characters.");
    }
    String type = text(parts, "attachment-type");
    if (type != null && type.length() > NAME_LENGTH) {
      problems.add("The attachment's type is longer than " + NAME_LENGTH + " characters.");
    }
    String description = text(parts, "attachment-description");
    if (description != null && description.length() > TEXT_LENGTH) {
      problems.add("The attachment's description is longer than " + TEXT_LENGTH + " characters.");
    }
    MultipartFormData.FormPart content = parts.getNamedPart("content");
    String url = text(parts, "url");
    if (content == null) {
      if (url == null || FormInput.isBlank(url)) {
        problems.add("The attachment must be a file or a link.");
      } else if (url.length() > TEXT_LENGTH) {
        problems.add("The attachment's link is longer than " + TEXT_LENGTH + " characters.");
      } else if (!isWebAddress(url)) {
        problems.add("The attachment's link must be a web address (http or https).");
      }
    }
    return problems;
  }

  private static Optional<MultipartFormData> read(byte[] upload, String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle("content-type", contentType);
    try {
      return Optional.of(new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null, headers,
          new ByteArrayInputStream(upload)));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static String text(MultipartFormData parts, String name) {
    MultipartFormData.FormPart part = parts.getNamedPart(name);
    return part == null ? null : part.getTextContent();
  }

  /** A link the engine's clients may open: http or https, to a host. */
  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException unreadable) {
      return false;
    }
  }
}
