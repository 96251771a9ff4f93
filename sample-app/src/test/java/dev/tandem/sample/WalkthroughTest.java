package dev.tandem.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs every {@code sh} block of {@code docs/sample-app.md} in order, with bash and curl, against a
 * fresh app, and checks each line marked {@code # => expected} prints exactly that. The page is
 * what users copy; this keeps it working.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // A context of its own: the page starts from the seeded data, whatever other tests did.
    properties = {"server.address=127.0.0.1", "spring.application.name=walkthrough"})
class WalkthroughTest {

  private static final Path PAGE = Path.of("..", "docs", "sample-app.md");
  private static final Pattern BLOCK = Pattern.compile("(?s)```sh\\n(.*?)```");
  private static final Pattern EXPECTATION = Pattern.compile("^(.*?)\\s+# => (.*)$");

  @LocalServerPort int port;

  @Test
  void walkthroughCommandsPrintWhatThePageSays() throws Exception {
    String script = script(Files.readString(PAGE, StandardCharsets.UTF_8));
    Path file = Files.createTempFile("walkthrough", ".sh");
    Files.writeString(file, script);
    ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    bash.environment().put("B", "http://127.0.0.1:" + port);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bash finished").isTrue();
    assertThat(process.exitValue()).as("walkthrough output:\n" + output).isZero();
    assertThat(output).as("expectations checked").contains("checked ");
    Files.delete(file);
  }

  /** The page's blocks as one script that stops at the first line not printing what it says. */
  static String script(String page) {
    List<String> lines = new ArrayList<>();
    lines.add("set -euo pipefail");
    lines.add("command -v curl >/dev/null || { echo 'curl is required'; exit 1; }");
    int expectations = 0;
    Matcher block = BLOCK.matcher(page);
    while (block.find()) {
      for (String line : block.group(1).split("\n")) {
        Matcher expected = EXPECTATION.matcher(line);
        if (expected.matches() && !expected.group(1).startsWith("#")) {
          expectations++;
          String want = expected.group(2).strip().replace("'", "'\\''");
          lines.add("got=$(" + expected.group(1) + ")");
          lines.add(
              "if [ \"$got\" != '"
                  + want
                  + "' ]; then printf 'line: %s\\nwant: %s\\ngot:  %s\\n' "
                  + quote(expected.group(1))
                  + " '"
                  + want
                  + "' \"$got\"; exit 1; fi");
        } else if (!line.startsWith("# => ")) {
          lines.add(line);
        } else {
          // A "# => ..." line of its own shows the output of the command before it.
          expectations++;
          String want = line.substring("# => ".length()).strip().replace("'", "'\\''");
          String command = lines.remove(lines.size() - 1);
          lines.add("got=$(" + command + ")");
          lines.add(
              "if [ \"$got\" != '"
                  + want
                  + "' ]; then printf 'want: %s\\ngot:  %s\\n' '"
                  + want
                  + "' \"$got\"; exit 1; fi");
        }
      }
    }
    assertThat(expectations).as("expectations in the page").isGreaterThan(10);
    lines.add("echo checked " + expectations);
    return String.join("\n", lines) + "\n";
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
