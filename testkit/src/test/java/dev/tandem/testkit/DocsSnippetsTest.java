package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code block of {@code docs/testing.md} marked {@code <!-- snippet: path#tag -->} is the
 * region of that source file between {@code // docs:tag} and {@code // docs:tag-end} (or the whole
 * file when there is no tag), so the guide shows only code that compiles and passes.
 */
class DocsSnippetsTest {

  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

  @TestFactory
  List<DynamicTest> everySnippetOfTheTestingGuideIsItsSourceVerbatim() throws IOException {
    Path root = checkoutRoot();
    String guide = Files.readString(root.resolve("docs/testing.md"));
    List<DynamicTest> tests = new ArrayList<>();
    Matcher matcher = SNIPPET.matcher(guide);
    while (matcher.find()) {
      String file = matcher.group(1);
      String tag = matcher.group(2);
      String shown = matcher.group(3);
      tests.add(
          DynamicTest.dynamicTest(
              file + (tag == null ? "" : "#" + tag),
              () -> assertThat(shown).isEqualTo(region(root.resolve(file), tag))));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests;
  }

  private static String region(Path file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (tag != null) {
      int start =
          lines.stream().map(String::trim).collect(Collectors.toList()).indexOf("// docs:" + tag);
      int end =
          lines.stream()
              .map(String::trim)
              .collect(Collectors.toList())
              .indexOf("// docs:" + tag + "-end");
      assertThat(start).as("marker // docs:%s in %s", tag, file).isNotNegative();
      assertThat(end).as("marker // docs:%s-end in %s", tag, file).isGreaterThan(start);
      lines = lines.subList(start + 1, end);
    }
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(line -> line.isBlank() ? "" : line.substring(indent))
        .collect(Collectors.joining("\n"))
        .stripTrailing();
  }

  private static Path checkoutRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a checkout root (holding .ci/) above the working directory").isNotNull();
    return dir;
  }
}
