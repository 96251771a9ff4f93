package dev.tandem.core.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the userset rewrite of a relation ({@code Userset} in the API schema). */
final class RewriteJsonReader {

  private static final List<String> USERSET_KINDS =
      List.of(
          "this", "computed_userset", "tuple_to_userset", "union", "intersection", "difference");

  private final JsonFields json;

  RewriteJsonReader(JsonFields json) {
    this.json = json;
  }

  /**
   * The rewrite in {@code node}, or null after recording why it is malformed.
   *
   * @param where what holds the rewrite, for messages, e.g. {@code relation 'viewer' of type 'doc'}
   * @param symbol the relation name, the symbol of every problem found
   */
  @Nullable Rewrite rewrite(JsonNode node, String where, String symbol) {
    if (!node.isObject()) {
      json.problem(
          "the rewrite of " + where + " must be an object, got " + JsonFields.describe(node),
          symbol);
      return null;
    }
    List<String> kinds = new ArrayList<>();
    for (String kind : USERSET_KINDS) {
      if (JsonFields.field(node, kind) != null) {
        kinds.add(kind);
      }
    }
    if (kinds.size() != 1) {
      String found =
          kinds.isEmpty()
              ? "none (keys: " + String.join(", ", node.propertyNames()) + ")"
              : String.join(", ", kinds.stream().map(JsonFields::camel).toList());
      json.problem(
          "the rewrite of "
              + where
              + " must have exactly one of this, computedUserset,"
              + " tupleToUserset, union, intersection, difference; found "
              + found,
          symbol);
      return null;
    }
    String kind = kinds.get(0);
    JsonNode value = json.object(node, kind, where);
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case "this" -> new Rewrite.This();
      case "computed_userset" -> {
        String relation = relationOf(value, "computedUserset of " + where, symbol);
        yield relation == null ? null : new Rewrite.ComputedUserset(relation);
      }
      case "tuple_to_userset" -> tupleToUserset(value, where, symbol);
      case "union", "intersection" -> {
        List<Rewrite> children = children(value, kind + " of " + where, symbol);
        if (children == null) {
          yield null;
        }
        yield kind.equals("union")
            ? new Rewrite.Union(children)
            : new Rewrite.Intersection(children);
      }
      default -> difference(value, where, symbol);
    };
  }

  private @Nullable Rewrite tupleToUserset(JsonNode value, String where, String symbol) {
    String ttuWhere = "tupleToUserset of " + where;
    JsonNode tupleset = json.object(value, "tupleset", ttuWhere);
    JsonNode computed = json.object(value, "computed_userset", ttuWhere);
    if (tupleset == null || computed == null) {
      if ((tupleset == null && JsonFields.field(value, "tupleset") == null)
          || (computed == null && JsonFields.field(value, "computed_userset") == null)) {
        json.problem(ttuWhere + " needs both tupleset and computedUserset", symbol);
      }
      return null;
    }
    String tuplesetRelation = relationOf(tupleset, "the tupleset of " + ttuWhere, symbol);
    String computedRelation = relationOf(computed, "the computedUserset of " + ttuWhere, symbol);
    if (tuplesetRelation == null || computedRelation == null) {
      return null;
    }
    return new Rewrite.TupleToUserset(tuplesetRelation, computedRelation);
  }

  private @Nullable Rewrite difference(JsonNode value, String where, String symbol) {
    String differenceWhere = "difference of " + where;
    JsonNode base = JsonFields.field(value, "base");
    JsonNode subtract = JsonFields.field(value, "subtract");
    if (base == null || subtract == null) {
      json.problem(differenceWhere + " needs both base and subtract", symbol);
      return null;
    }
    Rewrite baseRewrite = rewrite(base, "the base of the " + differenceWhere, symbol);
    Rewrite subtractRewrite = rewrite(subtract, "the subtract of the " + differenceWhere, symbol);
    if (baseRewrite == null || subtractRewrite == null) {
      return null;
    }
    return new Rewrite.Difference(baseRewrite, subtractRewrite);
  }

  private @Nullable List<Rewrite> children(JsonNode value, String where, String symbol) {
    JsonNode child = json.array(value, "child", where);
    if (child == null || child.isEmpty()) {
      if (child != null || JsonFields.field(value, "child") == null) {
        json.problem(where + " has no children", symbol);
      }
      return null;
    }
    List<Rewrite> children = new ArrayList<>();
    boolean complete = true;
    int index = 0;
    for (JsonNode element : child) {
      Rewrite rewrite = rewrite(element, "child #" + index++ + " of the " + where, symbol);
      if (rewrite == null) {
        complete = false;
      } else {
        children.add(rewrite);
      }
    }
    return complete ? children : null;
  }

  /** The {@code relation} of an {@code ObjectRelation}, whose {@code object} must be empty. */
  private @Nullable String relationOf(JsonNode objectRelation, String where, String symbol) {
    String object = json.string(objectRelation, "object", where);
    if (object != null && !object.isEmpty()) {
      json.problem(
          where + " names object '" + object + "', which OpenFGA models do not use", object);
      return null;
    }
    String relation = json.string(objectRelation, "relation", where);
    if (relation == null || relation.isEmpty()) {
      if (relation != null || JsonFields.field(objectRelation, "relation") == null) {
        json.problem(where + " has no relation", symbol);
      }
      return null;
    }
    return relation;
  }
}
