package dev.tandem.benchmarks;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.tuple.TupleKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic organization → team → project → ticket data set for the model in {@code
 * hierarchy.fga}, with an independent oracle for {@code ticket#can_view}.
 *
 * <p>Per organization: admins and members; teams of the organization with members drawn from its
 * users; projects owned by a team, each with one direct grant to a user (editor on even projects,
 * viewer on odd ones) and, on every tenth project, a viewer grant to another team's members;
 * tickets in a random project of the whole data set, every fifth with an assignee from the
 * project's organization. Identifiers are short numbers ({@code ticket:123456}), as database keys
 * would be. The same seed and shape always produce the same tuples, in the same order.
 */
public final class HierarchyData {

  /** The DSL of the model, from the resource {@code hierarchy.fga}. */
  public static final String MODEL_DSL = resource("hierarchy.fga");

  /**
   * The sizes of a data set.
   *
   * @param organizations organizations
   * @param adminsPerOrganization admins of each organization (drawn from its users)
   * @param usersPerOrganization users of each organization, all of them organization members
   * @param teamsPerOrganization teams in each organization
   * @param membersPerTeam direct members of each team
   * @param projectsPerTeam projects owned by each team
   * @param tickets tickets in all
   */
  public record Shape(
      int organizations,
      int adminsPerOrganization,
      int usersPerOrganization,
      int teamsPerOrganization,
      int membersPerTeam,
      int projectsPerTeam,
      int tickets) {

    /** Exactly 1,000,000 tuples, 746,625 tickets: the shape of the check and memory benchmarks. */
    public static final Shape MILLION = new Shape(10, 5, 2_000, 200, 20, 10, 746_625);

    /** 10,000 tickets in 400 projects: a team member sees a few hundred of them. */
    public static final Shape TEN_THOUSAND_TICKETS = new Shape(1, 5, 500, 40, 10, 10, 10_000);

    int users() {
      return organizations * usersPerOrganization;
    }

    int teams() {
      return organizations * teamsPerOrganization;
    }

    int projects() {
      return teams() * projectsPerTeam;
    }
  }

  /** The seed every benchmark uses. */
  public static final long SEED = 20_240_601L;

  final Shape shape;
  final int[][] organizationAdmins;
  final int[] teamOrganization;
  final int[][] teamMembers;
  final int[] projectOwner;
  final int[] projectDirectUser;
  final int[] projectSharedTeam;
  final int[] ticketProject;
  final int[] ticketAssignee;

  private HierarchyData(Shape shape, long seed) {
    this.shape = shape;
    SplittableRandom random = new SplittableRandom(seed);
    int users = shape.usersPerOrganization();
    organizationAdmins = new int[shape.organizations()][];
    for (int o = 0; o < shape.organizations(); o++) {
      organizationAdmins[o] = distinct(random, o * users, users, shape.adminsPerOrganization());
    }
    teamOrganization = new int[shape.teams()];
    teamMembers = new int[shape.teams()][];
    for (int t = 0; t < shape.teams(); t++) {
      int organization = t / shape.teamsPerOrganization();
      teamOrganization[t] = organization;
      teamMembers[t] = distinct(random, organization * users, users, shape.membersPerTeam());
    }
    projectOwner = new int[shape.projects()];
    projectDirectUser = new int[shape.projects()];
    projectSharedTeam = new int[shape.projects()];
    for (int p = 0; p < shape.projects(); p++) {
      int owner = p / shape.projectsPerTeam();
      int organization = teamOrganization[owner];
      projectOwner[p] = owner;
      projectDirectUser[p] = organization * users + random.nextInt(users);
      projectSharedTeam[p] = -1;
      if (p % 10 == 0 && shape.teamsPerOrganization() > 1) {
        int shared = owner;
        while (shared == owner) {
          shared =
              organization * shape.teamsPerOrganization()
                  + random.nextInt(shape.teamsPerOrganization());
        }
        projectSharedTeam[p] = shared;
      }
    }
    ticketProject = new int[shape.tickets()];
    ticketAssignee = new int[shape.tickets()];
    for (int k = 0; k < shape.tickets(); k++) {
      int project = random.nextInt(shape.projects());
      ticketProject[k] = project;
      int organization = teamOrganization[projectOwner[project]];
      ticketAssignee[k] = k % 5 == 0 ? organization * users + random.nextInt(users) : -1;
    }
  }

  /** Generates the data set of {@code shape} from {@link #SEED}. */
  public static HierarchyData generate(Shape shape) {
    return new HierarchyData(shape, SEED);
  }

  /** Parses {@link #MODEL_DSL}. */
  public static AuthorizationModel model() {
    return ModelDsl.parse(MODEL_DSL);
  }

  /** All tuples, organizations first and tickets last. */
  public List<TupleKey> tuples() {
    List<TupleKey> tuples = new ArrayList<>(tupleCount());
    for (int o = 0; o < shape.organizations(); o++) {
      for (int admin : organizationAdmins[o]) {
        tuples.add(TupleKey.of(organization(o), "admin", user(admin)));
      }
      for (int u = 0; u < shape.usersPerOrganization(); u++) {
        tuples.add(
            TupleKey.of(organization(o), "member", user(o * shape.usersPerOrganization() + u)));
      }
    }
    for (int t = 0; t < teamOrganization.length; t++) {
      tuples.add(TupleKey.of(team(t), "organization", organization(teamOrganization[t])));
      for (int member : teamMembers[t]) {
        tuples.add(TupleKey.of(team(t), "member", user(member)));
      }
    }
    for (int p = 0; p < projectOwner.length; p++) {
      tuples.add(TupleKey.of(project(p), "owner", team(projectOwner[p])));
      String grant = p % 2 == 0 ? "editor" : "viewer";
      tuples.add(TupleKey.of(project(p), grant, user(projectDirectUser[p])));
      if (projectSharedTeam[p] >= 0) {
        tuples.add(TupleKey.of(project(p), "viewer", team(projectSharedTeam[p]) + "#member"));
      }
    }
    for (int k = 0; k < ticketProject.length; k++) {
      tuples.add(TupleKey.of(ticket(k), "project", project(ticketProject[k])));
      if (ticketAssignee[k] >= 0) {
        tuples.add(TupleKey.of(ticket(k), "assignee", user(ticketAssignee[k])));
      }
    }
    return tuples;
  }

  /** The number of tuples {@link #tuples()} returns, without building them. */
  public int tupleCount() {
    int count =
        shape.organizations() * (shape.adminsPerOrganization() + shape.usersPerOrganization());
    count += shape.teams() * (1 + shape.membersPerTeam());
    count += shape.projects() * 2;
    for (int shared : projectSharedTeam) {
      count += shared >= 0 ? 1 : 0;
    }
    count += ticketProject.length;
    for (int assignee : ticketAssignee) {
      count += assignee >= 0 ? 1 : 0;
    }
    return count;
  }

  /**
   * The oracle: whether user {@code u} can view ticket {@code k}, computed from the arrays alone,
   * without the engine.
   */
  public boolean canView(int u, int k) {
    if (ticketAssignee[k] == u) {
      return true;
    }
    int p = ticketProject[k];
    return projectDirectUser[p] == u
        || isTeamMember(u, projectOwner[p])
        || (projectSharedTeam[p] >= 0 && isTeamMember(u, projectSharedTeam[p]));
  }

  boolean isTeamMember(int u, int t) {
    for (int member : teamMembers[t]) {
      if (member == u) {
        return true;
      }
    }
    for (int admin : organizationAdmins[teamOrganization[t]]) {
      if (admin == u) {
        return true;
      }
    }
    return false;
  }

  /** The number of users. */
  public int users() {
    return shape.users();
  }

  /** The number of tickets. */
  public int tickets() {
    return ticketProject.length;
  }

  static String user(int u) {
    return "user:" + u;
  }

  static String organization(int o) {
    return "organization:" + o;
  }

  static String team(int t) {
    return "team:" + t;
  }

  static String project(int p) {
    return "project:" + p;
  }

  static String ticket(int k) {
    return "ticket:" + k;
  }

  /** {@code count} distinct ints in {@code [from, from + range)}, sorted. */
  private static int[] distinct(SplittableRandom random, int from, int range, int count) {
    int[] picked = new int[count];
    int size = 0;
    while (size < count) {
      int candidate = from + random.nextInt(range);
      boolean seen = false;
      for (int i = 0; i < size && !seen; i++) {
        seen = picked[i] == candidate;
      }
      if (!seen) {
        picked[size++] = candidate;
      }
    }
    Arrays.sort(picked);
    return picked;
  }

  static String resource(String name) {
    try (InputStream in = HierarchyData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
