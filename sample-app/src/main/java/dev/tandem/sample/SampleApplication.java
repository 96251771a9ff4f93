package dev.tandem.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A project-management API guarded by Tandem, with its own OAuth 2.1 authorization server: people
 * through the first-party web app, service accounts, a third-party app acting with consent, and an
 * AI agent acting within a task. See {@code docs/sample-app.md}.
 */
@SpringBootApplication
public class SampleApplication {

  /** Starts the app on http://127.0.0.1:8080. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
