package dev.tandem.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the code in {@code docs/} and {@code README.md} true: a fenced block preceded by {@code
 * <!-- snippet: path/File.java#tag -->} must equal the region between {@code // tag::tag[]} and
 * {@code // end::tag[]} of that (compiled, tested) file, indentation removed; without {@code #tag}
 * it must equal the whole file.
 */
class DocsSnippetsTest {

  private static final Pattern MARKER =
      Pattern.compile(
          "<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->\\s*\\n```[\\w-]*\\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> everyDocSnippetMatchesTheCodeItCameFrom() throws IOException {
    Path root = root();
    List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path document : documents) {
      Matcher matcher = MARKER.matcher(Files.readString(document));
      while (matcher.find()) {
        String source = matcher.group(1);
        String tag = matcher.group(2);
        String shown = matcher.group(3);
        tests.add(
            DynamicTest.dynamicTest(
                root.relativize(document) + " <- " + source + (tag == null ? "" : "#" + tag),
                () -> assertThat(shown).isEqualTo(region(root.resolve(source), tag))));
      }
    }
    assertThat(tests).as("snippet markers in docs").isNotEmpty();
    return tests.stream();
  }

  static String region(Path file, @Nullable String tag) throws IOException {
    if (!Files.exists(file)) {
      fail("snippet source " + file + " does not exist");
    }
    if (tag == null) {
      return Files.readString(file).stripTrailing() + "\n";
    }
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("// tag::" + tag + "[]")) {
        start = i + 1;
      } else if (line.equals("// end::" + tag + "[]")) {
        end = i;
      }
    }
    if (start < 0 || end < start) {
      fail("no region '" + tag + "' in " + file);
    }
    List<String> region = lines.subList(start, end);
    int indent = Integer.MAX_VALUE;
    for (String line : region) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String line : region) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString();
  }

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail("no checkout root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
