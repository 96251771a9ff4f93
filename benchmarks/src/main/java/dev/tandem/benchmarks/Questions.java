package dev.tandem.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Can {@code user} view {@code ticket}?" questions over a {@link HierarchyData}, with the answer
 * the oracle gives. Deterministic: the same data and count always give the same questions.
 *
 * @param users the users, {@code user:id}
 * @param tickets the tickets, {@code ticket:id}
 * @param allowed the oracle's answers
 */
record Questions(String[] users, String[] tickets, boolean[] allowed) {

  /**
   * A mix over random tickets: half allowed (half of those through an organization admin, four
   * levels up; the others through the owner team, a direct project grant, a shared team or the
   * assignee), half denied for a user of the ticket's own organization, which makes the engine
   * exhaust every path of all four levels.
   */
  static Questions mixed(HierarchyData data, int count) {
    SplittableRandom random = new SplittableRandom(HierarchyData.SEED + 1);
    String[] users = new String[count];
    String[] tickets = new String[count];
    boolean[] allowed = new boolean[count];
    for (int i = 0; i < count; i++) {
      int k = random.nextInt(data.tickets());
      int p = data.ticketProject[k];
      int owner = data.projectOwner[p];
      int organization = data.teamOrganization[owner];
      int u;
      if (i % 2 == 0) {
        u = allowedUser(data, random, k, p, owner, organization, i % 4 == 0);
      } else {
        int base = organization * data.shape.usersPerOrganization();
        do {
          u = base + random.nextInt(data.shape.usersPerOrganization());
        } while (data.canView(u, k));
      }
      users[i] = HierarchyData.user(u);
      tickets[i] = HierarchyData.ticket(k);
      allowed[i] = data.canView(u, k);
      if (allowed[i] != (i % 2 == 0)) {
        throw new IllegalStateException("question " + i + " does not have the intended answer");
      }
    }
    return new Questions(users, tickets, allowed);
  }

  private static int allowedUser(
      HierarchyData data,
      SplittableRandom random,
      int k,
      int p,
      int owner,
      int organization,
      boolean throughAdmin) {
    int[] admins = data.organizationAdmins[organization];
    if (throughAdmin) {
      return admins[random.nextInt(admins.length)];
    }
    switch (random.nextInt(4)) {
      case 0:
        return data.projectDirectUser[p];
      case 1:
        if (data.projectSharedTeam[p] >= 0) {
          int[] shared = data.teamMembers[data.projectSharedTeam[p]];
          return shared[random.nextInt(shared.length)];
        }
        break;
      case 2:
        if (data.ticketAssignee[k] >= 0) {
          return data.ticketAssignee[k];
        }
        break;
      default:
        break;
    }
    int[] members = data.teamMembers[owner];
    return members[random.nextInt(members.length)];
  }

  /** The questions whose answer is {@code answer}, in their order. */
  Questions only(boolean answer) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (allowed[i] == answer) {
        kept.add(i);
      }
    }
    String[] keptUsers = new String[kept.size()];
    String[] keptTickets = new String[kept.size()];
    boolean[] keptAllowed = new boolean[kept.size()];
    for (int j = 0; j < kept.size(); j++) {
      keptUsers[j] = users[kept.get(j)];
      keptTickets[j] = tickets[kept.get(j)];
      keptAllowed[j] = answer;
    }
    return new Questions(keptUsers, keptTickets, keptAllowed);
  }

  /** The number of questions. */
  int size() {
    return users.length;
  }

  /** How many questions the oracle allows. */
  int allowedCount() {
    int count = 0;
    for (boolean answer : allowed) {
      count += answer ? 1 : 0;
    }
    return count;
  }

  /**
   * A user who is a direct member of exactly one team and no organization admin, the first such
   * member of the middle team: the subject of the list and filter benchmarks.
   */
  static int teamMember(HierarchyData data) {
    int team = data.teamMembers.length / 2;
    for (int member : data.teamMembers[team]) {
      int teams = 0;
      for (int t = 0; t < data.teamMembers.length; t++) {
        teams += Arrays.binarySearch(data.teamMembers[t], member) >= 0 ? 1 : 0;
      }
      boolean admin =
          Arrays.binarySearch(data.organizationAdmins[data.teamOrganization[team]], member) >= 0;
      if (teams == 1 && !admin) {
        return member;
      }
    }
    throw new IllegalStateException("no member of team " + team + " is in that team alone");
  }

  /**
   * RAG candidates for {@code user}: every ticket the user can view (at most {@code count / 10}),
   * then random tickets up to {@code count}, in random order, as a retrieval step would return
   * them.
   */
  static List<String> candidates(HierarchyData data, int user, int count) {
    SplittableRandom random = new SplittableRandom(HierarchyData.SEED + 2);
    List<Integer> picked = new ArrayList<>(count);
    boolean[] taken = new boolean[data.tickets()];
    for (int k = 0; k < data.tickets() && picked.size() < count / 10; k++) {
      if (data.canView(user, k)) {
        picked.add(k);
        taken[k] = true;
      }
    }
    while (picked.size() < count) {
      int k = random.nextInt(data.tickets());
      if (!taken[k]) {
        picked.add(k);
        taken[k] = true;
      }
    }
    List<String> tickets = new ArrayList<>(count);
    for (int i = picked.size() - 1; i >= 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = picked.get(i);
      picked.set(i, picked.get(j));
      picked.set(j, swap);
      tickets.add(HierarchyData.ticket(picked.get(i)));
    }
    return tickets;
  }
}
