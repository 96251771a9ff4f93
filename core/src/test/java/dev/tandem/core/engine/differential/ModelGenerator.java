package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ConditionDefinition;
import dev.tandem.core.model.ConditionParameterType;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates random models the engine accepts and whose meaning is a well-founded recursion.
 *
 * <p>Types come in a fixed order: user types (no relations) first, then object types. A relation
 * may only point at relations of lower object types, or at earlier relations of its own type. In
 * "recursive" models a relation may also point at itself on another object of its type ({@code
 * [doc#r2]} in {@code doc#r2}, or {@code r2 from parent} with {@code parent: [doc]}); {@link
 * TupleGenerator} then only writes same-type tuples from higher to lower ids, so the data stays
 * acyclic and OpenFGA's answer is the least fixpoint. Half of the recursive models have no
 * exclusion; their tuples may form cycles (see {@link Scenario#cyclic()}).
 *
 * <p>Validity rules kept, as OpenFGA's model validation states them: referenced relations exist,
 * tupleset relations are directly assignable from plain types only, every {@code X from ts} has at
 * least one tupleset type defining {@code X}, and every relation has an entry point.
 */
final class ModelGenerator {

  static final String CONDITION = "lt10";
  private static final List<String> USER_TYPES = List.of("user", "bot");
  private static final List<String> OBJECT_TYPES = List.of("group", "folder", "doc", "team");

  private final Random random;
  private final Map<String, TypeDefinition> types = new LinkedHashMap<>();

  /** type -> its tupleset relations (pure This, plain restrictions only). */
  private final Map<String, Set<String>> tuplesets = new LinkedHashMap<>();

  private boolean recursive;
  private boolean monotone;
  private boolean withConditions;
  private List<String> userTypes = List.of();

  // State of the relation being generated.
  private String type = "";
  private int index;
  private List<String> lower = List.of();
  private Map<String, RelationDefinition> current = new LinkedHashMap<>();
  private boolean thisUsed;

  ModelGenerator(Random random) {
    this.random = random;
  }

  AuthorizationModel generate() {
    recursive = random.nextInt(3) == 0;
    monotone = recursive && random.nextBoolean();
    withConditions = random.nextBoolean();
    int typeCount = 3 + random.nextInt(3);
    int userTypeCount = typeCount >= 4 && random.nextBoolean() ? 2 : 1;
    userTypes = USER_TYPES.subList(0, userTypeCount);
    for (String user : userTypes) {
      types.put(user, new TypeDefinition(user, Map.of()));
    }
    List<String> objectTypes = OBJECT_TYPES.subList(0, typeCount - userTypeCount);
    for (int k = 0; k < objectTypes.size(); k++) {
      type = objectTypes.get(k);
      lower = objectTypes.subList(0, k);
      current = new LinkedHashMap<>();
      tuplesets.put(type, new LinkedHashSet<>());
      int relationCount = 2 + random.nextInt(5);
      for (index = 0; index < relationCount; index++) {
        RelationDefinition relation = relation("r" + index);
        current.put(relation.name(), relation);
        // Publish the partial type so own-type references resolve while generating.
        types.put(type, new TypeDefinition(type, current));
      }
    }
    // OpenFGA rejects a condition no restriction uses.
    Map<String, ConditionDefinition> conditions =
        usesCondition()
            ? Map.of(
                CONDITION,
                new ConditionDefinition(
                    CONDITION,
                    "x < 10",
                    Map.of("x", ConditionParameterType.of(ConditionParameterType.TypeName.INT))))
            : Map.of();
    return new AuthorizationModel("", "1.1", types, conditions);
  }

  private boolean usesCondition() {
    for (TypeDefinition definition : types.values()) {
      for (RelationDefinition relation : definition.relations().values()) {
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          if (reference.condition() != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private RelationDefinition relation(String name) {
    thisUsed = false;
    int shape = random.nextInt(100);
    List<RelationReference> tuplesetTypes = tuplesetRestrictions();
    if ((index == 0 && shape < 50 || shape < 20) && !tuplesetTypes.isEmpty()) {
      tuplesets.get(type).add(name);
      return new RelationDefinition(name, new Rewrite.This(), tuplesetTypes);
    }
    Rewrite rewrite = index == 0 || shape < 35 ? new Rewrite.This() : tree(0, true);
    if (rewrite instanceof Rewrite.This) {
      thisUsed = true;
    }
    rewrite = maybeRecurseThroughParent(name, rewrite);
    List<RelationReference> restrictions = thisUsed ? restrictions(name) : List.of();
    return new RelationDefinition(name, rewrite, restrictions);
  }

  /** A rewrite of depth at most 3; {@code This} only at the top or as first child of the top. */
  private Rewrite tree(int depth, boolean thisSlot) {
    if (depth >= 3 || random.nextInt(100) < (depth == 0 ? 25 : 55)) {
      return leaf(thisSlot);
    }
    int op = random.nextInt(monotone ? 2 : 3);
    if (op == 2) {
      Rewrite base = tree(depth + 1, depth == 0);
      Rewrite subtract = tree(depth + 1, false);
      return base.equals(subtract) ? base : new Rewrite.Difference(base, subtract);
    }
    // OpenFGA rejects an operand repeated under one operator.
    Set<Rewrite> children = new LinkedHashSet<>();
    int count = 2 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      children.add(tree(depth + 1, depth == 0 && i == 0));
    }
    if (children.size() == 1) {
      return children.iterator().next();
    }
    List<Rewrite> operands = List.copyOf(children);
    return op == 0 ? new Rewrite.Union(operands) : new Rewrite.Intersection(operands);
  }

  private Rewrite leaf(boolean thisSlot) {
    List<String> ttuTuplesets = earlierTuplesets();
    int choice = random.nextInt(thisSlot && !thisUsed ? 3 : 2);
    if (choice == 2) {
      thisUsed = true;
      return new Rewrite.This();
    }
    if (choice == 1 && !ttuTuplesets.isEmpty()) {
      String tupleset = pick(ttuTuplesets);
      return new Rewrite.TupleToUserset(tupleset, computedFor(tupleset));
    }
    return new Rewrite.ComputedUserset("r" + random.nextInt(index));
  }

  /** In recursive models, sometimes adds {@code or self from parent} at the top. */
  private Rewrite maybeRecurseThroughParent(String name, Rewrite rewrite) {
    if (!recursive || random.nextInt(100) >= 35) {
      return rewrite;
    }
    List<String> ownParents = new ArrayList<>();
    for (String tupleset : earlierTuplesets()) {
      if (tuplesetTypeNames(tupleset).contains(type)) {
        ownParents.add(tupleset);
      }
    }
    if (ownParents.isEmpty()) {
      return rewrite;
    }
    Rewrite self = new Rewrite.TupleToUserset(pick(ownParents), name);
    List<Rewrite> children = new ArrayList<>();
    if (rewrite instanceof Rewrite.Union union) {
      children.addAll(union.children());
    } else {
      children.add(rewrite);
    }
    if (!children.contains(self)) {
      children.add(self);
    }
    return children.size() == 1 ? self : new Rewrite.Union(children);
  }

  private List<String> earlierTuplesets() {
    List<String> earlier = new ArrayList<>();
    for (String tupleset : tuplesets.get(type)) {
      if (Integer.parseInt(tupleset.substring(1)) < index) {
        earlier.add(tupleset);
      }
    }
    return earlier;
  }

  /** A relation defined on some type of the tupleset: a lower type's, or an earlier own one. */
  private String computedFor(String tupleset) {
    List<String> candidates = new ArrayList<>();
    for (String parentType : tuplesetTypeNames(tupleset)) {
      TypeDefinition parent = types.get(parentType);
      if (parent.relations().isEmpty()) {
        continue;
      }
      candidates.add(parentType);
    }
    String parentType = pick(candidates);
    if (parentType.equals(type)) {
      return "r" + random.nextInt(index);
    }
    return pick(new ArrayList<>(types.get(parentType).relations().keySet()));
  }

  private List<String> tuplesetTypeNames(String tupleset) {
    List<String> names = new ArrayList<>();
    for (RelationReference reference : current.get(tupleset).directlyRelatedUserTypes()) {
      names.add(reference.type());
    }
    return names;
  }

  /** Plain-type restrictions for a tupleset, or empty when no parent type is available. */
  private List<RelationReference> tuplesetRestrictions() {
    List<String> parents = new ArrayList<>(lower);
    if (recursive) {
      parents.add(type);
    }
    if (parents.isEmpty()) {
      return List.of();
    }
    Set<RelationReference> chosen = new LinkedHashSet<>();
    int count = 1 + random.nextInt(Math.min(2, parents.size()));
    for (int i = 0; i < count; i++) {
      chosen.add(conditional(RelationReference.direct(pick(parents)), 20));
    }
    if (random.nextInt(100) < 20) {
      chosen.add(RelationReference.direct(pick(userTypes)));
    }
    return List.copyOf(chosen);
  }

  /** One to three restrictions, with at least one that is not a self-reference. */
  private List<RelationReference> restrictions(String name) {
    List<RelationReference> candidates = new ArrayList<>();
    for (String user : userTypes) {
      candidates.add(RelationReference.direct(user));
      candidates.add(RelationReference.direct(user));
      candidates.add(RelationReference.wildcard(user));
    }
    for (String objectType : lower) {
      candidates.add(RelationReference.direct(objectType));
      if (random.nextInt(4) == 0) {
        candidates.add(RelationReference.wildcard(objectType));
      }
      for (String relation : types.get(objectType).relations().keySet()) {
        candidates.add(RelationReference.userset(objectType, relation));
      }
    }
    for (int i = 0; i < index; i++) {
      candidates.add(RelationReference.userset(type, "r" + i));
    }
    RelationReference self = RelationReference.userset(type, name);
    if (recursive) {
      candidates.add(self);
      candidates.add(self);
    }
    Set<RelationReference> chosen = new LinkedHashSet<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      RelationReference reference = pick(candidates);
      if (withConditions && random.nextInt(100) < 10) {
        chosen.add(reference);
        chosen.add(reference.withCondition(CONDITION));
      } else {
        chosen.add(conditional(reference, 25));
      }
    }
    if (chosen.stream().allMatch(r -> r.type().equals(type) && name.equals(r.relation()))) {
      chosen.add(RelationReference.direct(userTypes.get(0)));
    }
    return List.copyOf(chosen);
  }

  private RelationReference conditional(RelationReference reference, int percent) {
    return withConditions && random.nextInt(100) < percent
        ? reference.withCondition(CONDITION)
        : reference;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
