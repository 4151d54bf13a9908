package org.rrp.workflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on the REST API, which the webapps' header filter (on {@code /camunda/*} only) does not cover:
 * answers are never sniffed, framed or given a referrer; behind TLS, browsers are told to keep to HTTPS.
 */
class SecurityHeaders extends OncePerRequestFilter {

  static final String HSTS = "max-age=31536000";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }
}
