package dev.tandem.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the links of {@code README.md}, {@code CHANGELOG.md} and {@code docs/} working: every
 * relative link names a file or directory that exists, and every {@code #anchor} a heading of its
 * target, slugged as GitHub does. Links outside the repository ({@code http:}, {@code https:},
 * {@code mailto:}) are not followed.
 */
class DocsLinksTest {

  /** {@code [text](target)}, not images; the target up to whitespace or the closing parenthesis. */
  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

  private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#* *$");

  private static final Pattern FENCE = Pattern.compile("^\\s*```");

  @TestFactory
  Stream<DynamicTest> everyRelativeLinkAndAnchorResolves() throws IOException {
    Path root = Checkout.root();
    List<Path> documents =
        new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CHANGELOG.md")));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path document : documents) {
      for (String target : links(Files.readString(document))) {
        tests.add(
            DynamicTest.dynamicTest(
                root.relativize(document) + " -> " + target,
                () -> assertResolves(document, target)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests.stream();
  }

  private static void assertResolves(Path document, String target) throws IOException {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path linked = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
    assertThat(linked).as("the file " + file + " linked from " + document).exists();
    if (hash >= 0 && Files.isRegularFile(linked) && linked.toString().endsWith(".md")) {
      String anchor = target.substring(hash + 1);
      assertThat(anchors(Files.readString(linked)))
          .as("headings of " + linked.getFileName())
          .contains(anchor);
    }
  }

  /** The link targets outside code blocks, external ones left out. */
  static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    boolean code = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).find()) {
        code = !code;
        continue;
      }
      if (code) {
        continue;
      }
      Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (matcher.find()) {
        String target = matcher.group(1);
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /** The anchors GitHub gives the headings of {@code markdown}, duplicates numbered. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean code = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).find()) {
        code = !code;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (code || !heading.matches()) {
        continue;
      }
      String slug = slug(heading.group(1));
      int count = seen.merge(slug, 1, Integer::sum);
      anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    return anchors;
  }

  /** GitHub's slug: lower case, punctuation but hyphens and underscores dropped, spaces to '-'. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
