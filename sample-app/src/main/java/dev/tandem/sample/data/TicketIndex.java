package dev.tandem.sample.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A small in-process vector index over every ticket, standing in for an embedding model and a
 * vector store: each text becomes a normalised vector of hashed word counts, and a query ranks
 * tickets by cosine similarity. It knows nothing about who may read what: that is decided after
 * retrieval and before any ticket is read ({@code AssistantController}).
 */
@Component
public class TicketIndex {

  private static final int DIMENSIONS = 512;

  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  /** Indexes (or re-indexes) a ticket. */
  public void add(Ticket ticket) {
    vectors.put(ticket.id(), embed(ticket.title() + " " + ticket.description()));
  }

  /** The ids of the tickets similar to {@code query}, most similar first. */
  public List<String> search(String query) {
    float[] q = embed(query);
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    vectors.forEach(
        (id, v) -> {
          double score = dot(q, v);
          if (score > 0) {
            scored.add(Map.entry(id, score));
          }
        });
    scored.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return scored.stream().map(Map.Entry::getKey).toList();
  }

  private static float[] embed(String text) {
    float[] v = new float[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
      }
    }
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) norm;
      }
    }
    return v;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
