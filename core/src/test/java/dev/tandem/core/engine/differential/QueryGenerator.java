package dev.tandem.core.engine.differential;

import dev.tandem.core.model.TypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates queries for a scenario. About half of the checks ask for a user the reference grants,
 * so both answers are well represented; users include wildcards, usersets and the object's own
 * userset.
 */
final class QueryGenerator {

  private final Random random;
  private final Scenario scenario;
  private final ReferenceEvaluator reference;
  private final List<TypeDefinition> objectTypes = new ArrayList<>();
  private final List<TypeDefinition> allTypes;

  QueryGenerator(Random random, Scenario scenario, ReferenceEvaluator reference) {
    this.random = random;
    this.scenario = scenario;
    this.reference = reference;
    this.allTypes = new ArrayList<>(scenario.model().types().values());
    for (TypeDefinition type : allTypes) {
      if (!type.relations().isEmpty()) {
        objectTypes.add(type);
      }
    }
  }

  Query.Check check() {
    TypeDefinition type = pick(objectTypes);
    String object = type.name() + ":" + pick(scenario.queryIds(type.name()));
    String relation = pick(new ArrayList<>(type.relations().keySet()));
    int roll = random.nextInt(100);
    if (roll < 45) {
      List<String> granted = new ArrayList<>(reference.evaluate(object, relation).users());
      granted.sort(null);
      return new Query.Check(object, relation, pick(granted));
    }
    if (roll < 50) {
      return new Query.Check(object, relation, object + "#" + pick(type.relations().keySet()));
    }
    return new Query.Check(object, relation, user());
  }

  Query.ListObjects listObjects() {
    TypeDefinition type = pick(objectTypes);
    String relation = pick(new ArrayList<>(type.relations().keySet()));
    return new Query.ListObjects(type.name(), relation, user());
  }

  Query.ListUsers listUsers() {
    TypeDefinition type = pick(objectTypes);
    String object = type.name() + ":" + pick(scenario.queryIds(type.name()));
    String relation = pick(new ArrayList<>(type.relations().keySet()));
    String filter;
    if (random.nextInt(100) < 65) {
      filter = random.nextBoolean() ? "user" : pick(allTypes).name();
    } else {
      TypeDefinition filterType = pick(objectTypes);
      filter = filterType.name() + "#" + pick(filterType.relations().keySet());
    }
    return new Query.ListUsers(object, relation, filter);
  }

  /** A random user: plain (of any type), a wildcard, or a userset. */
  private String user() {
    int roll = random.nextInt(100);
    if (roll < 50) {
      TypeDefinition type = pick(allTypes);
      return type.name() + ":" + pick(scenario.queryIds(type.name()));
    }
    if (roll < 65) {
      return pick(allTypes).name() + ":*";
    }
    TypeDefinition type = pick(objectTypes);
    return type.name()
        + ":"
        + pick(scenario.queryIds(type.name()))
        + "#"
        + pick(type.relations().keySet());
  }

  private <T> T pick(java.util.Collection<T> values) {
    List<T> list = values instanceof List<T> l ? l : new ArrayList<>(values);
    return list.get(random.nextInt(list.size()));
  }
}
