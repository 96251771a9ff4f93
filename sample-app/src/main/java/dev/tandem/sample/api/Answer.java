package dev.tandem.sample.api;

import java.util.List;

/**
 * The assistant's answer.
 *
 * @param answer a short text built from the tickets found
 * @param sources the ids of the tickets it was built from, most relevant first
 */
record Answer(String answer, List<String> sources) {}
