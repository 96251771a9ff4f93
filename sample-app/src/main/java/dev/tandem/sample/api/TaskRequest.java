package dev.tandem.sample.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/agent-tasks}.
 *
 * @param agent the agent, e.g. {@code summarizer-agent}
 * @param ttlSeconds how long the task's grants last, 1 to 86,400 seconds
 * @param grants what the task may do, besides what its user must hold
 */
record TaskRequest(@Nullable String agent, long ttlSeconds, @Nullable List<Grant> grants) {}
