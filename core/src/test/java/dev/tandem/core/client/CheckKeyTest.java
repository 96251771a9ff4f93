package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckKeyTest {

  static final String STORE = "01STORE";
  static final TupleKey OWNER = TupleKey.of("doc:a", "owner", "user:anne");
  static final TupleKey MEMBER = TupleKey.of("group:eng", "member", "user:anne");

  static CheckKey key(List<TupleKey> tuples, Map<String, Object> context) {
    return CheckKey.of(STORE, new CheckRequest("doc:a", "viewer", "user:anne", tuples, context));
  }

  static CheckKey key(String object, String relation, String user) {
    return CheckKey.of(STORE, CheckRequest.of(object, relation, user));
  }

  static CheckKey context(Object value) {
    Map<String, Object> context = new HashMap<>();
    context.put("x", value);
    return key(List.of(), context);
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void keysEqualWhenContextualTuplesReordered() {
    assertThat(key(List.of(OWNER, MEMBER), Map.of()))
        .isEqualTo(key(List.of(MEMBER, OWNER), Map.of()))
        .hasSameHashCodeAs(key(List.of(MEMBER, OWNER), Map.of()));
  }

  @Test
  void keysDifferWhenContextualTupleRepeatedOrMissing() {
    assertThat(key(List.of(OWNER, OWNER), Map.of())).isNotEqualTo(key(List.of(OWNER), Map.of()));
    assertThat(key(List.of(OWNER), Map.of())).isNotEqualTo(key(List.of(), Map.of()));
  }

  @Test
  void keysDifferWhenContextualTupleConditionDiffers() {
    TupleKey unconditional = TupleKey.of("doc:a", "editor", "user:anne");
    TupleKey emptyContext =
        new TupleKey("doc:a", "editor", "user:anne", TupleCondition.of("in_region"));
    TupleKey eu =
        new TupleKey(
            "doc:a", "editor", "user:anne", new TupleCondition("in_region", Map.of("r", "eu")));
    TupleKey us =
        new TupleKey(
            "doc:a", "editor", "user:anne", new TupleCondition("in_region", Map.of("r", "us")));
    TupleKey otherName =
        new TupleKey("doc:a", "editor", "user:anne", TupleCondition.of("in_office"));

    List<CheckKey> keys = new ArrayList<>();
    for (TupleKey tuple : List.of(unconditional, emptyContext, eu, us, otherName)) {
      keys.add(key(List.of(tuple), Map.of()));
    }
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void keysEqualWhenConditionContextReordered() {
    TupleKey first =
        new TupleKey(
            "doc:a", "editor", "user:anne", new TupleCondition("c", ordered("a", 1, "b", 2)));
    TupleKey second =
        new TupleKey(
            "doc:a", "editor", "user:anne", new TupleCondition("c", ordered("b", 2.0, "a", 1L)));

    assertThat(key(List.of(first), Map.of())).isEqualTo(key(List.of(second), Map.of()));
  }

  @Test
  void keysEqualWhenContextMapsReorderedAtAnyDepth() {
    Map<String, Object> one = ordered("a", "x", "b", ordered("c", 1, "d", List.of(true)));
    Map<String, Object> two = ordered("b", ordered("d", List.of(true), "c", 1), "a", "x");

    assertThat(key(List.of(), one)).isEqualTo(key(List.of(), two));
  }

  @Test
  void keysEqualWhenNumbersHaveTheSameValue() {
    CheckKey one = context(1);
    for (Object same :
        List.of(
            1L,
            (short) 1,
            (byte) 1,
            1.0,
            1.0f,
            new BigDecimal("1.00"),
            new BigDecimal("0.1E+1"),
            BigInteger.ONE)) {
      assertThat(context(same)).as("%s (%s)", same, same.getClass()).isEqualTo(one);
    }
    assertThat(context(10)).isEqualTo(context(10.0)).isEqualTo(context(new BigDecimal("1E+1")));
    assertThat(context(0)).isEqualTo(context(0.0)).isEqualTo(context(new BigDecimal("0.000")));
  }

  @Test
  void keysDifferWhenNumbersOnlyRoundAlike() {
    assertThat(context(0.1f)).isNotEqualTo(context(0.1));
    assertThat(context(new BigDecimal("0.1"))).isNotEqualTo(context(0.1));
    assertThat(context((1L << 53) + 1)).isNotEqualTo(context((double) ((1L << 53) + 1)));
    assertThat(context(-0.0)).isNotEqualTo(context(0.0)).isNotEqualTo(context(0));
    assertThat(context(Double.NaN)).isNotEqualTo(context(Double.POSITIVE_INFINITY));
    assertThat(context(Double.NaN)).isEqualTo(context(Float.NaN));
  }

  @Test
  void keysDifferBetweenANumberAStringAndNull() {
    List<CheckKey> keys =
        Arrays.asList(
            context(1),
            context("1"),
            context(true),
            context("true"),
            context(null),
            context("null"),
            key(List.of(), Map.of()));
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void keysDifferForIdentifiersThatWouldCollideWhenJoined() {
    List<CheckKey> keys =
        List.of(
            key("doc:a#b", "c", "user:x"),
            key("doc:a", "b#c", "user:x"),
            key("doc:a", "b", "c@user:x"),
            key("doc:a#b@c", "", "user:x"),
            key("doc:a", "b|c", "user:x"),
            key("doc:a|b", "c", "user:x"));
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(CheckKey.of("01STORE|doc:a", CheckRequest.of("b", "c", "d")))
        .isNotEqualTo(CheckKey.of("01STORE", CheckRequest.of("doc:a|b", "c", "d")));
  }

  @Test
  void keysDifferForContextsThatWouldCollideWhenPrinted() {
    List<CheckKey> keys =
        List.of(
            context(List.of("b, c")),
            context(List.of("b", "c")),
            context("[b, c]"),
            context(List.of(List.of("b", "c"))),
            context(Map.of("b", "c")),
            context("{b=c}"),
            key(List.of(), Map.of("x.b", "c")),
            key(List.of(), Map.of("x", "b", "y", "c")));
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void keysDifferWhenTheSameValuesSitInDifferentPlaces() {
    TupleKey conditioned =
        new TupleKey("doc:a", "editor", "user:anne", new TupleCondition("c", Map.of("x", 1)));
    TupleKey plain = new TupleKey("doc:a", "editor", "user:anne", TupleCondition.of("c"));
    TupleKey shifted = TupleKey.of("doc:a#editor", "user", "anne");

    assertThat(key(List.of(conditioned), Map.of()))
        .isNotEqualTo(key(List.of(plain), Map.of("x", 1)));
    assertThat(key(List.of(TupleKey.of("doc:a", "editor", "user:anne")), Map.of()))
        .isNotEqualTo(key(List.of(shifted), Map.of()));
    assertThat(CheckKey.of("store-1", CheckRequest.of("doc:a", "viewer", "user:anne")))
        .isNotEqualTo(CheckKey.of("store-2", CheckRequest.of("doc:a", "viewer", "user:anne")));
  }

  @Test
  void keyIsNotChangedWhenTheCallerMutatesTheContextLater() {
    List<Object> regions = new ArrayList<>(List.of("eu"));
    Map<String, Object> nested = new HashMap<>(Map.of("regions", regions));
    CheckKey before = key(List.of(), Map.of("n", nested));

    regions.add("us");
    nested.put("extra", true);

    assertThat(before).isEqualTo(key(List.of(), Map.of("n", Map.of("regions", List.of("eu")))));
    assertThat(before).isNotEqualTo(key(List.of(), Map.of("n", nested)));
  }

  @Test
  void keyIsNullWhenTheContextHoldsAValueWithoutCanonicalForm() {
    assertThat(context(new AtomicInteger(1))).isNull();
    assertThat(context(new Object())).isNull();
    assertThat(context(new int[] {1})).isNull();
    assertThat(context(Map.of(1, "one"))).isNull();
    assertThat(context(new BigDecimal("1") {})).isNull();
    assertThat(context(List.of(new StringBuilder("x")))).isNull();
    TupleKey odd =
        new TupleKey("doc:a", "editor", "user:anne", new TupleCondition("c", Map.of("x", 'c')));
    assertThat(key(List.of(odd), Map.of())).isNull();
  }

  @Test
  void keyAcceptsDurationsAndInstantsByValue() {
    assertThat(context(Duration.ofSeconds(60))).isEqualTo(context(Duration.ofMinutes(1)));
    assertThat(context(Duration.ofSeconds(60))).isNotEqualTo(context("1m"));
  }
}
