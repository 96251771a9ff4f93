package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleCondition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates tuples for a model: valid ones (each fits a type restriction, condition included) and,
 * sometimes, a few stale ones that fit none, as if written under an earlier model.
 *
 * <p>A tuple whose user has the object's own type points from a higher id to a lower one (or, for a
 * userset on the same object, to an earlier relation), so the data has no cycles.
 */
final class TupleGenerator {

  private final Random random;
  private final AuthorizationModel model;
  private boolean cyclic;

  TupleGenerator(Random random, AuthorizationModel model) {
    this.random = random;
    this.model = model;
  }

  Scenario generate(long seed) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (String type : model.types().keySet()) {
      List<String> typeIds = new ArrayList<>();
      int count = 2 + random.nextInt(3);
      for (int i = 1; i <= count; i++) {
        typeIds.add(Integer.toString(i));
      }
      ids.put(type, typeIds);
    }
    cyclic = ReferenceEvaluator.admitsCycles(model) && random.nextInt(100) < 70;
    List<String[]> assignable = new ArrayList<>();
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        if (!relation.directlyRelatedUserTypes().isEmpty()) {
          assignable.add(new String[] {type.name(), relation.name()});
        }
      }
    }
    Map<TupleKey, TupleKey> tuples = new LinkedHashMap<>();
    // Dense cyclic data makes path-based cycle detection explore exponentially many paths.
    int wanted = random.nextInt(cyclic ? 21 : 61);
    for (int attempt = 0; attempt < wanted * 3 && tuples.size() < wanted; attempt++) {
      String[] target = assignable.get(random.nextInt(assignable.size()));
      TupleKey tuple = validTuple(ids, target[0], target[1]);
      if (tuple != null) {
        tuples.putIfAbsent(tuple.withoutCondition(), tuple);
      }
    }
    List<TupleKey> all = new ArrayList<>(tuples.values());
    int stale = 0;
    if (random.nextInt(4) == 0) {
      for (int attempt = 0; attempt < 20 && stale < 3; attempt++) {
        TupleKey tuple = staleTuple(ids);
        if (!ReferenceEvaluator.fits(model, tuple)
            && !tuples.containsKey(tuple.withoutCondition())) {
          tuples.put(tuple.withoutCondition(), tuple);
          all.add(tuple);
          stale++;
        }
      }
    }
    return new Scenario(seed, model, ids, all, stale, random.nextInt(20), cyclic);
  }

  private TupleKey validTuple(Map<String, List<String>> ids, String type, String relation) {
    RelationDefinition definition = model.relation(type, relation);
    List<RelationReference> restrictions = definition.directlyRelatedUserTypes();
    RelationReference reference = restrictions.get(random.nextInt(restrictions.size()));
    int objectId = Integer.parseInt(pick(ids.get(type)));
    int userId = Integer.parseInt(pick(ids.get(reference.type())));
    String user;
    if (reference.wildcard()) {
      user = reference.type() + ":*";
    } else if (reference.relation() != null) {
      user = reference.type() + ":" + userId + "#" + reference.relation();
    } else {
      user = reference.type() + ":" + userId;
    }
    if (cyclic && user.equals(type + ":" + objectId + "#" + relation)) {
      return null; // OpenFGA refuses to store a userset as a member of itself
    }
    if (!cyclic && reference.type().equals(type) && !reference.wildcard()) {
      boolean lowerId = userId < objectId;
      boolean earlierRelationOnSameObject =
          userId == objectId
              && reference.relation() != null
              && relationIndex(reference.relation()) < relationIndex(relation);
      if (!lowerId && !earlierRelationOnSameObject) {
        return null;
      }
    }
    return new TupleKey(type + ":" + objectId, relation, user, condition(reference.condition()));
  }

  private TupleCondition condition(String name) {
    if (name == null) {
      return null;
    }
    return random.nextInt(100) < 60
        ? new TupleCondition(name, Map.of("x", random.nextInt(20)))
        : TupleCondition.of(name);
  }

  /** A well-formed tuple over the model's types and relations, usually one that does not fit. */
  private TupleKey staleTuple(Map<String, List<String>> ids) {
    List<TypeDefinition> objectTypes = new ArrayList<>();
    for (TypeDefinition type : model.types().values()) {
      if (!type.relations().isEmpty()) {
        objectTypes.add(type);
      }
    }
    TypeDefinition type = pick(objectTypes);
    String relation = pick(new ArrayList<>(type.relations().keySet()));
    TypeDefinition userType = pick(new ArrayList<>(model.types().values()));
    String user = userType.name() + ":" + pick(ids.get(userType.name()));
    int form = random.nextInt(3);
    if (form == 1) {
      user = userType.name() + ":*";
    } else if (form == 2 && !userType.relations().isEmpty()) {
      user += "#" + pick(new ArrayList<>(userType.relations().keySet()));
    }
    TupleCondition condition =
        random.nextBoolean() ? null : new TupleCondition(ModelGenerator.CONDITION, Map.of("x", 1));
    return new TupleKey(type.name() + ":" + pick(ids.get(type.name())), relation, user, condition);
  }

  static int relationIndex(String relation) {
    return Integer.parseInt(relation.substring(1));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
