package org.rrp.workflow.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rrp.workflow.casework.FormOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills the option lists of Camunda Forms as Tasklist loads them ({@code .../deployed-start-form} and
 * {@code .../deployed-form}, over the webapps' API and {@code /engine-rest}): a select whose {@code valuesKey}
 * names a list of {@link FormOptions} gets that list as its options, so a form's districts and areas are always
 * those of the deployed district table. Other forms and fields pass unchanged.
 */
@Configuration(proxyBeanMethods = false)
class FormOptionsFilter {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> formOptionsFilterRegistration(FormOptions options) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(options));
    registration.setName("rrp-form-options");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(200);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormOptions options;

    Filter(FormOptions options) {
      this.options = options;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI();
      return !"GET".equals(request.getMethod())
          || !(path.endsWith("/deployed-start-form") || path.endsWith("/deployed-form"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, captured);
      byte[] body = captured.getContentAsByteArray();
      if (captured.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
        body = fill(body);
      }
      captured.resetBuffer();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    }

    byte[] fill(byte[] form) {
      try {
        JsonNode schema = JSON.readTree(form);
        return fillComponents(schema) ? JSON.writeValueAsBytes(schema) : form;
      } catch (IOException notAForm) {
        return form;
      }
    }

    private boolean fillComponents(JsonNode node) {
      boolean changed = false;
      JsonNode components = node.get("components");
      if (components instanceof ArrayNode list) {
        for (JsonNode component : list) {
          changed |= fillComponents(component);
          if (component instanceof ObjectNode field && field.hasNonNull("valuesKey")) {
            var values = options.list(field.get("valuesKey").asText());
            if (values.isPresent()) {
              field.remove("valuesKey");
              field.set("values", JSON.valueToTree(values.get()));
              changed = true;
            }
          }
        }
      }
      return changed;
    }
  }
}
