/**
 * Testing support for applications that use Tandem or any OpenFGA client: {@link
 * dev.tandem.testkit.OpenFgaTestServer}, an in-process server speaking OpenFGA's HTTP API over the
 * embedded engine, and {@link dev.tandem.testkit.TandemTest} / {@link
 * dev.tandem.testkit.TandemTestkitExtension}, a JUnit 5 extension that hands tests a store seeded
 * with a model and tuples.
 */
@NullMarked
package dev.tandem.testkit;

import org.jspecify.annotations.NullMarked;
