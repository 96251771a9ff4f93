package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSetsTest {

  @Test
  void findWhenElementTaggedThenFoundByIdentityWithItsTag() {
    int[] set = IntSets.of(5 << 1 | 1, 9 << 1);

    assertThat(IntSets.find(set, 5)).isEqualTo(5 << 1 | 1);
    assertThat(IntSets.find(set, 9)).isEqualTo(9 << 1);
    assertThat(IntSets.find(set, 7)).isZero();
  }

  @Test
  void addAndRemoveWhenSetGrowsPastListAndShrinksBackThenAgreesWithHashMap() {
    Random random = new Random(3);
    for (int range : new int[] {6, 40, 5_000}) {
      int[] set = IntSets.of(2, 4);
      Map<Integer, Integer> reference = new HashMap<>(Map.of(1, 2, 2, 4));
      for (int step = 0; step < 50_000; step++) {
        int id = 1 + random.nextInt(range);
        if (reference.containsKey(id)) {
          if (reference.size() > 2) {
            set = IntSets.remove(set, id);
            reference.remove(id);
          }
        } else {
          int element = id << 1 | random.nextInt(2);
          set = IntSets.add(set, element);
          reference.put(id, element);
        }
        assertThat(IntSets.size(set)).isEqualTo(reference.size());
      }
      for (int id = 1; id <= range; id++) {
        assertThat(IntSets.find(set, id)).isEqualTo(reference.getOrDefault(id, 0));
      }
      int[] elements = IntSets.elements(set);
      Arrays.sort(elements);
      assertThat(elements)
          .containsExactly(
              reference.values().stream().mapToInt(Integer::intValue).sorted().toArray());
    }
  }

  @Test
  void removeWhenTableDropsToFewElementsThenBecomesASmallList() {
    int[] set = IntSets.of(2, 4);
    for (int id = 3; id <= 1_000; id++) {
      set = IntSets.add(set, id << 1);
    }
    assertThat(set.length).isGreaterThan(1_000);

    for (int id = 1_000; id > 3; id--) {
      set = IntSets.remove(set, id);
    }

    assertThat(set.length).isLessThanOrEqualTo(IntSets.LIST_LIMIT + 1);
    assertThat(IntSets.elements(set)).containsExactlyInAnyOrder(2, 4, 6);
  }
}
