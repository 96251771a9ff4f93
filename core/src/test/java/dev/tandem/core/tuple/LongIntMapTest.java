package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void getWhenRandomPutsAndRemovesThenAgreesWithHashMap() {
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> reference = new HashMap<>();
    Random random = new Random(7);
    for (int step = 0; step < 200_000; step++) {
      // few distinct keys in a narrow range: long probe runs, many collisions, grow and shrink
      long key = (long) random.nextInt(3_000) << 32 | (1 + random.nextInt(3));
      if (random.nextInt(3) == 0) {
        Integer expected = reference.remove(key);
        assertThat(map.remove(key)).isEqualTo(expected == null ? 0 : expected);
      } else {
        int value = 1 + random.nextInt(1_000);
        reference.put(key, value);
        map.put(key, value);
      }
    }

    assertThat(map.size()).isEqualTo(reference.size());
    reference.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
    Map<Long, Integer> visited = new HashMap<>();
    map.forEach(visited::put);
    assertThat(visited).isEqualTo(reference);
  }

  @Test
  void removeWhenAllKeysRemovedThenEmptyAndAbsentKeysReadZero() {
    LongIntMap map = new LongIntMap();
    for (long k = 1; k <= 10_000; k++) {
      map.put(k, (int) k);
    }
    for (long k = 1; k <= 10_000; k++) {
      assertThat(map.remove(k)).isEqualTo((int) k);
    }

    assertThat(map.size()).isZero();
    assertThat(map.get(5)).isZero();
    assertThat(map.remove(5)).isZero();
  }

  @Test
  void putWhenKeyOrValueZeroThenRejected() {
    LongIntMap map = new LongIntMap();

    assertThatIllegalArgumentException().isThrownBy(() -> map.put(0L, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> map.put(1L, 0));
  }
}
