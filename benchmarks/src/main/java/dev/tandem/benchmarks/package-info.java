/**
 * JMH benchmarks of the embedded engine and the in-memory store on a generated organization → team
 * → project → ticket data set, with jCasbin loaded with the same data; see {@code
 * docs/performance.md} for the commands and the measured numbers.
 */
@NullMarked
package dev.tandem.benchmarks;

import org.jspecify.annotations.NullMarked;
