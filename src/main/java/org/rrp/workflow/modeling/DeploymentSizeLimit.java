package org.rrp.workflow.modeling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rrp.workflow.security.ReadBody;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A deployment upload larger than {@code rrp.modeling.max-deployment-size} is refused with 413 before anything reads
 * it: the REST layer reads a whole multipart upload into memory, so one large upload by any logged-in user could
 * exhaust the server's memory. Refused by its Content-Length without reading it; a body of unknown length (chunked)
 * is read only up to the limit. Applies to {@code POST .../deployment/create} on both doors of the engine API
 * ({@code /engine-rest} and the webapps' {@code /camunda/api/engine/engine/<name>}).
 */
final class DeploymentSizeLimit extends OncePerRequestFilter {

  static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};
  private static final Pattern DEPLOYMENT_CREATE = Pattern.compile(".*/deployment/+create/*");

  private final long maxBytes;

  DeploymentSizeLimit(DataSize maxSize) {
    this.maxBytes = maxSize.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !DEPLOYMENT_CREATE.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response); // the server reads no more than the declared length
      return;
    }
    byte[] body = readUpToLimit(request.getInputStream());
    if (body == null) {
      refuse(response);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  /** The whole body, or null when it is longer than the limit (then no more than the limit and a byte is read). */
  private byte[] readUpToLimit(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      body.write(buffer, 0, read);
      if (body.size() > maxBytes) {
        return null;
      }
    }
    return body.toByteArray();
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Connection", "close");
    response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"The deployment is larger than the "
        + readable(maxBytes) + " a deployment may be: deploy only its models and forms.\"}");
  }

  static String readable(long bytes) {
    long kilobyte = 1024;
    long megabyte = kilobyte * kilobyte;
    if (bytes >= megabyte && bytes % megabyte == 0) {
      return bytes / megabyte + " MB";
    }
    return bytes >= kilobyte && bytes % kilobyte == 0 ? bytes / kilobyte + " KB" : bytes + " bytes";
  }
}
