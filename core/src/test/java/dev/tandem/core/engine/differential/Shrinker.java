package dev.tandem.core.engine.differential;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.RelationDefinition;
import dev.tandem.core.model.RelationReference;
import dev.tandem.core.model.Rewrite;
import dev.tandem.core.model.TypeDefinition;
import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a disagreeing case small: drops tuples one at a time, then simplifies rewrites (an operator
 * replaced by one of its operands), drops type restrictions and unreferenced relations, keeping
 * each step only while the same kind of disagreement persists.
 */
final class Shrinker {

  private final Differential differential;
  private final Differential.Mode mode;
  private final Query query;
  private final String signature;

  Shrinker(Differential differential, Differential.Mode mode, Query query, String signature) {
    this.differential = differential;
    this.mode = mode;
    this.query = query;
    this.signature = signature;
  }

  Scenario shrink(Scenario scenario) {
    Scenario current = scenario;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = current.tuples().size() - 1; i >= 0; i--) {
        List<TupleKey> fewer = new ArrayList<>(current.tuples());
        fewer.remove(i);
        int stale = i >= current.tuples().size() - current.staleCount() ? 1 : 0;
        Scenario candidate = current.withTuples(fewer, current.staleCount() - stale);
        if (stillFails(candidate)) {
          current = candidate;
          progress = true;
        }
      }
      for (AuthorizationModel model : simplerModels(current.model())) {
        Scenario candidate = refit(current, model);
        if (stillFails(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    Scenario tidy = current.withModel(tidy(current));
    return stillFails(tidy) ? tidy : current;
  }

  private boolean stillFails(Scenario candidate) {
    try {
      Differential.Verdict verdict =
          differential.compare(new Differential.World(candidate, mode), query);
      return verdict.kind() == Differential.Verdict.Kind.DISAGREE
          && verdict.signature().equals(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The scenario over another model: tuples that no longer fit are dropped (stale ones kept). */
  private static Scenario refit(Scenario scenario, AuthorizationModel model) {
    List<TupleKey> tuples = new ArrayList<>();
    for (TupleKey tuple : scenario.validTuples()) {
      if (ReferenceEvaluator.fits(model, tuple) && usersetExists(model, tuple.user())) {
        tuples.add(tuple);
      }
    }
    List<TupleKey> stale =
        scenario.tuples().subList(scenario.validTuples().size(), scenario.tuples().size());
    tuples.addAll(stale);
    return scenario.withModel(model).withTuples(tuples, stale.size());
  }

  private static boolean usersetExists(AuthorizationModel model, String user) {
    int hash = user.indexOf('#');
    return hash < 0
        || model.relation(ReferenceEvaluator.typeOf(user), user.substring(hash + 1)) != null;
  }

  private List<AuthorizationModel> simplerModels(AuthorizationModel model) {
    List<AuthorizationModel> simpler = new ArrayList<>();
    for (TypeDefinition type : model.types().values()) {
      for (RelationDefinition relation : type.relations().values()) {
        if (unreferenced(model, type.name(), relation.name())) {
          Map<String, RelationDefinition> relations = new LinkedHashMap<>(type.relations());
          relations.remove(relation.name());
          simpler.add(replace(model, new TypeDefinition(type.name(), relations)));
        }
        for (Rewrite rewrite : simplerRewrites(relation.rewrite())) {
          boolean keepsThis = containsThis(rewrite);
          simpler.add(
              replace(
                  model,
                  type,
                  new RelationDefinition(
                      relation.name(),
                      rewrite,
                      keepsThis ? relation.directlyRelatedUserTypes() : List.of())));
        }
        List<RelationReference> restrictions = relation.directlyRelatedUserTypes();
        for (int i = 0; restrictions.size() > 1 && i < restrictions.size(); i++) {
          List<RelationReference> fewer = new ArrayList<>(restrictions);
          fewer.remove(i);
          simpler.add(
              replace(
                  model, type, new RelationDefinition(relation.name(), relation.rewrite(), fewer)));
        }
      }
    }
    return simpler;
  }

  /** Rewrites one step simpler: an operator replaced by an operand, or an operand dropped. */
  private static List<Rewrite> simplerRewrites(Rewrite rewrite) {
    List<Rewrite> children = children(rewrite);
    List<Rewrite> simpler = new ArrayList<>(children);
    for (int i = 0; i < children.size(); i++) {
      for (Rewrite child : simplerRewrites(children.get(i))) {
        List<Rewrite> copy = new ArrayList<>(children);
        copy.set(i, child);
        simpler.add(rebuild(rewrite, copy));
      }
      if (children.size() > 2) {
        List<Rewrite> copy = new ArrayList<>(children);
        copy.remove(i);
        simpler.add(rebuild(rewrite, copy));
      }
    }
    return simpler;
  }

  private static List<Rewrite> children(Rewrite rewrite) {
    if (rewrite instanceof Rewrite.Union union) {
      return union.children();
    }
    if (rewrite instanceof Rewrite.Intersection intersection) {
      return intersection.children();
    }
    if (rewrite instanceof Rewrite.Difference difference) {
      return List.of(difference.base(), difference.subtract());
    }
    return List.of();
  }

  private static Rewrite rebuild(Rewrite operator, List<Rewrite> children) {
    if (operator instanceof Rewrite.Union) {
      return new Rewrite.Union(children);
    }
    if (operator instanceof Rewrite.Intersection) {
      return new Rewrite.Intersection(children);
    }
    return new Rewrite.Difference(children.get(0), children.get(1));
  }

  private static boolean containsThis(Rewrite rewrite) {
    return rewrite instanceof Rewrite.This
        || children(rewrite).stream().anyMatch(Shrinker::containsThis);
  }

  /** Whether nothing in the model or the query names {@code type#relation}. */
  private boolean unreferenced(AuthorizationModel model, String type, String relation) {
    if (query.names(type, relation)) {
      return false;
    }
    for (TypeDefinition other : model.types().values()) {
      for (RelationDefinition definition : other.relations().values()) {
        for (RelationReference reference : definition.directlyRelatedUserTypes()) {
          if (reference.type().equals(type) && relation.equals(reference.relation())) {
            return false;
          }
        }
        if (mentions(model, other, definition.rewrite(), type, relation)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a rewrite of {@code owner} refers to {@code type#relation}. */
  private static boolean mentions(
      AuthorizationModel model,
      TypeDefinition owner,
      Rewrite rewrite,
      String type,
      String relation) {
    if (rewrite instanceof Rewrite.ComputedUserset computed) {
      return owner.name().equals(type) && computed.relation().equals(relation);
    }
    if (rewrite instanceof Rewrite.TupleToUserset ttu) {
      if (owner.name().equals(type) && ttu.tupleset().equals(relation)) {
        return true;
      }
      RelationDefinition tupleset = owner.relation(ttu.tupleset());
      return ttu.computedRelation().equals(relation)
          && tupleset != null
          && tupleset.directlyRelatedUserTypes().stream().anyMatch(r -> r.type().equals(type));
    }
    return children(rewrite).stream()
        .anyMatch(child -> mentions(model, owner, child, type, relation));
  }

  /** Whether a type with no relations is named by no restriction, tuple or query. */
  private boolean unusedType(Scenario scenario, TypeDefinition type) {
    if (!type.relations().isEmpty()
        || query.toString().contains(type.name() + ":")
        || query.toString().contains("=" + type.name())) {
      return false;
    }
    for (TupleKey tuple : scenario.tuples()) {
      if (tuple.objectType().equals(type.name()) || tuple.userType().equals(type.name())) {
        return false;
      }
    }
    for (TypeDefinition other : scenario.model().types().values()) {
      for (RelationDefinition relation : other.relations().values()) {
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          if (reference.type().equals(type.name())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The model without unused types, and without its conditions if no restriction uses them. */
  private AuthorizationModel tidy(Scenario scenario) {
    AuthorizationModel model = scenario.model();
    Map<String, TypeDefinition> types = new LinkedHashMap<>();
    boolean conditionUsed = false;
    for (TypeDefinition type : model.types().values()) {
      if (!unusedType(scenario, type)) {
        types.put(type.name(), type);
      }
      for (RelationDefinition relation : type.relations().values()) {
        for (RelationReference reference : relation.directlyRelatedUserTypes()) {
          conditionUsed |= reference.condition() != null;
        }
      }
    }
    return new AuthorizationModel(
        model.id(), model.schemaVersion(), types, conditionUsed ? model.conditions() : Map.of());
  }

  private static AuthorizationModel replace(
      AuthorizationModel model, TypeDefinition type, RelationDefinition relation) {
    Map<String, RelationDefinition> relations = new LinkedHashMap<>(type.relations());
    relations.put(relation.name(), relation);
    return replace(model, new TypeDefinition(type.name(), relations));
  }

  private static AuthorizationModel replace(AuthorizationModel model, TypeDefinition type) {
    Map<String, TypeDefinition> types = new LinkedHashMap<>(model.types());
    types.put(type.name(), type);
    return new AuthorizationModel(model.id(), model.schemaVersion(), types, model.conditions());
  }
}
