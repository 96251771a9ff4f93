package dev.tandem.benchmarks;

import dev.tandem.core.tuple.TupleKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.Adapter;
import org.jspecify.annotations.Nullable;

/**
 * jCasbin loaded with the same users, memberships and hierarchy as the Tandem store, in one of two
 * models. Each tuple of {@link HierarchyData#tuples()} becomes exactly one Casbin rule (plus, for
 * the resource-roles model, one policy line per role that grants on a subtree); the translation
 * answers the question {@code ticket#can_view} only, so project editors and viewers map to one
 * viewer role.
 */
final class CasbinFixture {

  /** The action of every request. */
  static final String VIEW = "view";

  private CasbinFixture() {}

  /**
   * Casbin's documented "RBAC with resource roles" model ({@code casbin-resource-roles.conf}):
   * {@code g} from users to roles such as {@code team:7#member}, {@code g2} from each resource to
   * its parent, and a policy line per role that grants view on a subtree.
   */
  static Enforcer resourceRoles(List<TupleKey> tuples) {
    List<List<String>> g = new ArrayList<>();
    List<List<String>> g2 = new ArrayList<>();
    Set<List<String>> p = new LinkedHashSet<>();
    for (TupleKey tuple : tuples) {
      String object = tuple.object();
      String user = tuple.user();
      switch (tuple.objectType() + "#" + tuple.relation()) {
        case "organization#admin", "team#member" -> {
          String role = object + "#" + tuple.relation();
          g.add(List.of(user, role));
          p.add(List.of(role, object, VIEW));
        }
        case "organization#member" -> g.add(List.of(user, object + "#member"));
        case "team#organization", "project#owner", "ticket#project" ->
            g2.add(List.of(object, user));
        case "project#editor", "project#viewer" -> {
          String role = object + "#viewer";
          g.add(List.of(user, role));
          p.add(List.of(role, object, VIEW));
        }
        case "ticket#assignee" -> p.add(List.of(user, object, VIEW));
        default -> throw new IllegalArgumentException("no Casbin rule for " + tuple);
      }
    }
    return load(
        "casbin-resource-roles.conf",
        model -> {
          model.addPolicies("p", "p", new ArrayList<>(p));
          model.addPolicies("g", "g", g);
          model.addPolicies("g", "g2", g2);
        });
  }

  /**
   * One role graph ({@code casbin-role-graph.conf}): each object inherits the principals that can
   * view it, so enforce is {@code g(object, user)} under a single policy line.
   */
  static Enforcer roleGraph(List<TupleKey> tuples) {
    List<List<String>> g = new ArrayList<>(tuples.size());
    for (TupleKey tuple : tuples) {
      String user = tuple.user();
      int hash = user.indexOf('#');
      String principal = hash < 0 ? user : user.substring(0, hash);
      if (tuple.relation().equals("member") && tuple.objectType().equals("organization")) {
        // Organization members do not view the organization's tickets: keep them off the path.
        g.add(List.of(tuple.object() + "#member", principal));
      } else {
        g.add(List.of(tuple.object(), principal));
      }
    }
    return load(
        "casbin-role-graph.conf",
        model -> {
          model.addPolicy("p", "p", List.of(VIEW));
          model.addPolicies("g", "g", g);
        });
  }

  private interface Loader {
    void load(Model model);
  }

  private static Enforcer load(String conf, Loader loader) {
    Model model = new Model();
    model.loadModelFromText(HierarchyData.resource(conf));
    Enforcer enforcer = new Enforcer(model, new MemoryAdapter(loader));
    enforcer.enableLog(false);
    return enforcer;
  }

  /**
   * Hands rules to jCasbin at load time, as a database adapter would, then lets go of them so that
   * only jCasbin's own copy is retained.
   */
  private static final class MemoryAdapter implements Adapter {
    private @Nullable Loader loader;

    MemoryAdapter(Loader loader) {
      this.loader = loader;
    }

    @Override
    public void loadPolicy(Model model) {
      if (loader == null) {
        throw new IllegalStateException("the rules were loaded already");
      }
      loader.load(model);
      loader = null;
    }

    @Override
    public void savePolicy(Model model) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addPolicy(String sec, String ptype, List<String> rule) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void removePolicy(String sec, String ptype, List<String> rule) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void removeFilteredPolicy(
        String sec, String ptype, int fieldIndex, String... fieldValues) {
      throw new UnsupportedOperationException();
    }
  }
}
