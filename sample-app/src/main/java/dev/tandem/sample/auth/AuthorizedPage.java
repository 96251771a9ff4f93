package dev.tandem.sample.auth;

import dev.tandem.core.annotation.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The redirect target of the code flows: shows the authorization code (or the error), to be
 * exchanged at {@code /oauth2/token} with curl. A real client would exchange it itself.
 */
@RestController
class AuthorizedPage {

  @PublicEndpoint
  @GetMapping(value = "/authorized", produces = MediaType.TEXT_HTML_VALUE)
  String authorized(
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String error) {
    if (code == null) {
      return page(
          "No authorization code",
          "<p>error: <code>"
              + HtmlUtils.htmlEscape(error == null ? "none" : error)
              + "</code></p>");
    }
    return page(
        "Authorization code",
        "<p>code: <code id=\"code\">"
            + HtmlUtils.htmlEscape(code)
            + "</code></p><p>state: <code id=\"state\">"
            + HtmlUtils.htmlEscape(state == null ? "" : state)
            + "</code></p><p>Exchange it at <code>/oauth2/token</code> with your"
            + " <code>code_verifier</code> within a few minutes (docs/sample-app.md).</p>");
  }

  @PublicEndpoint
  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String home() {
    return page(
        "Tandem sample app",
        "<p>A project-management API guarded by Tandem. The walkthrough with curl commands for"
            + " every scenario is in <code>docs/sample-app.md</code>.</p>");
  }

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body><h1>"
        + title
        + "</h1>"
        + body
        + "</body></html>";
  }
}
