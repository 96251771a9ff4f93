package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {

  @Test
  void acquireWhenSameStringTwiceThenSameIdAndKeptUntilBothReleased() {
    StringTable table = new StringTable();
    int first = table.acquire("user:anne");
    int second = table.acquire(new String("user:anne"));

    assertThat(second).isEqualTo(first);
    table.release(first);
    assertThat(table.find("user:anne")).isEqualTo(first);
    table.release(first);
    assertThat(table.find("user:anne")).isZero();
    assertThat(table.size()).isZero();
  }

  @Test
  void getWhenAnyJavaStringStoredThenReturnedUnchanged() {
    StringTable table = new StringTable();
    List<String> strings =
        List.of("", "doc:1", "doc:ä", "doc:報告", "x\uD800", "x\uDC00\uD800", "ÿ", "\u0100");
    List<Integer> ids = new ArrayList<>();
    strings.forEach(s -> ids.add(table.acquire(s)));

    for (int i = 0; i < strings.size(); i++) {
      assertThat(table.get(ids.get(i))).isEqualTo(strings.get(i));
      assertThat(table.find(strings.get(i))).isEqualTo(ids.get(i));
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(table.find("x?")).isZero();
  }

  @Test
  void startsWithWhenTypePrefixGivenThenComparesCharacters() {
    StringTable table = new StringTable();
    int doc = table.acquire("doc:1");
    int docs = table.acquire("docs:1");
    int wide = table.acquire("報:1");

    assertThat(table.startsWith(doc, "doc:")).isTrue();
    assertThat(table.startsWith(docs, "doc:")).isFalse();
    assertThat(table.startsWith(wide, "報:")).isTrue();
    assertThat(table.startsWith(doc, "doc:1-and-more")).isFalse();
  }

  @Test
  void releaseWhenStringsChurnThenIdsAreReusedAndContentSurvivesCompaction() {
    StringTable table = new StringTable();
    Map<String, Integer> live = new HashMap<>();
    Random random = new Random(11);
    int highestId = 0;
    for (int step = 0; step < 100_000; step++) {
      String s = "object:" + random.nextInt(2_000) + (random.nextInt(10) == 0 ? "報" : "");
      if (live.containsKey(s)) {
        table.release(live.remove(s));
      } else {
        int id = table.acquire(s);
        live.put(s, id);
        highestId = Math.max(highestId, id);
      }
    }

    assertThat(table.size()).isEqualTo(live.size());
    assertThat(highestId).isLessThanOrEqualTo(4_000);
    live.forEach(
        (s, id) -> {
          assertThat(table.find(s)).isEqualTo(id);
          assertThat(table.get(id)).isEqualTo(s);
        });
  }
}
