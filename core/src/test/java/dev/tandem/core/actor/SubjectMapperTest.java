package dev.tandem.core.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.tuple.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectMapperTest {

  private final SubjectMapper subjects = SubjectMapper.defaults();

  @Test
  void defaultsWhenIdsValidThenTypeColonId() {
    assertThat(subjects.user("google-oauth2|1234")).isEqualTo("user:google-oauth2|1234");
    assertThat(subjects.user("alice@example.com")).isEqualTo("user:alice@example.com");
    assertThat(subjects.client("ci-bot")).isEqualTo("client:ci-bot");
    assertThat(subjects.task("01j9zq")).isEqualTo("task:01j9zq");
    assertThat(subjects.agent("summarizer")).isEqualTo("agent:summarizer");
    assertThat(subjects.consent("slack", "alice")).isEqualTo("consent:c2xhY2s.YWxpY2U");
    assertThat(subjects.user("zoë")).isEqualTo("user:zoë");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bob#member",
        "*",
        "bob*",
        "user:bob",
        "bob smith",
        "tab\there",
        "line\nbreak",
        "nul\u0000",
        "zero\u200bwidth",
        "rtl\u202eoverride",
        "nbsp\u00a0x",
        "",
        "\ud800"
      })
  void defaultsWhenIdInjectsStructureThenRejectedForEveryPrincipal(String id) {
    List<Runnable> mappings =
        List.of(
            () -> subjects.user(id),
            () -> subjects.client(id),
            () -> subjects.task(id),
            () -> subjects.agent(id),
            () -> subjects.consent(id, "alice"),
            () -> subjects.consent("slack", id));

    for (Runnable mapping : mappings) {
      assertThatThrownBy(mapping::run).isInstanceOf(InvalidActorException.class);
    }
  }

  @Test
  void defaultsWhenIdOverLongThenRejectedWithoutEchoingIt() {
    String longId = "x".repeat(201);

    assertThatThrownBy(() -> subjects.user(longId))
        .isInstanceOf(InvalidActorException.class)
        .hasMessageContaining("longer than 200")
        .hasMessageNotContaining(longId);
    assertThat(subjects.user("x".repeat(200))).hasSize(205);
  }

  @Test
  void consentWhenIdsTogetherTooLongForAnObjectThenRejected() {
    assertThatThrownBy(() -> subjects.consent("c".repeat(150), "u".repeat(150)))
        .isInstanceOf(InvalidActorException.class);
  }

  @Test
  void consentWhenManyRandomPairsThenNoTwoPairsShareASubjectAndEveryOneIsValid() {
    Random random = new Random(20260302);
    String alphabet = "ab._-|@/+=é中😀";
    Map<String, List<String>> seen = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String client = randomId(random, alphabet);
      String user = randomId(random, alphabet);
      String consent = subjects.consent(client, user);

      List<String> previous = seen.putIfAbsent(consent, List.of(client, user));
      assertThat(previous).as(consent).isIn(null, List.of(client, user));
      Identifiers.validateObject(consent);
      Identifiers.validateUser(consent);
      assertThat(Identifiers.isValidObjectId(consent.substring("consent:".length()))).isTrue();
    }
    assertThat(seen).hasSizeGreaterThan(40_000);
  }

  @Test
  void consentWhenSplitPointShiftsThenSubjectsDiffer() {
    assertThat(subjects.consent("a.b", "c")).isNotEqualTo(subjects.consent("a", "b.c"));
    assertThat(subjects.consent("ab", "c")).isNotEqualTo(subjects.consent("a", "bc"));
    assertThat(subjects.consent("a", "b")).isNotEqualTo(subjects.consent("b", "a"));
  }

  @Test
  void withTypesWhenCustomTypesThenUsedInSubjects() {
    SubjectMapper custom =
        SubjectMapper.withTypes(new SubjectTypes("person", "app", "grant", "job", "bot"));

    assertThat(custom.user("alice")).isEqualTo("person:alice");
    assertThat(custom.consent("s", "a")).startsWith("grant:");
    assertThat(custom.types().task()).isEqualTo("job");
  }

  /** 1 to 6 code points from the alphabet, short enough that collisions would show. */
  private static String randomId(Random random, String alphabet) {
    int[] points = alphabet.codePoints().toArray();
    StringBuilder id = new StringBuilder();
    int length = 1 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      id.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return id.toString();
  }
}
