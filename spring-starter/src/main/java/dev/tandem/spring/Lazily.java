package dev.tandem.spring;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A supplier that asks its source once, on first use, and then keeps the answer: the advisor is
 * created before the beans it needs, but must not look them up again on every call.
 */
final class Lazily<T> implements Supplier<T> {

  private final Supplier<T> source;
  private volatile @Nullable T value;

  private Lazily(Supplier<T> source) {
    this.source = source;
  }

  static <T> Lazily<T> of(Supplier<T> source) {
    return new Lazily<>(source);
  }

  @Override
  public T get() {
    T known = value;
    if (known == null) {
      synchronized (this) {
        known = value;
        if (known == null) {
          known = source.get();
          value = known;
        }
      }
    }
    return known;
  }
}
