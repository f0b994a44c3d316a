package io.campaignkit.desk;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Desk metrics of a campaign, or of one agent in it: averages over the conversations that reached each point.
 *
 * @param conversations how many conversations were handed off
 * @param averageWaiting from handoff to the first assignment
 * @param averageFirstResponse from the first assignment to the agent's first message
 * @param averageHandle from the first assignment to the close
 * @param closedByDisposition closed conversations by disposition
 */
public record DeskMetrics(
        long conversations,
        Optional<Duration> averageWaiting,
        Optional<Duration> averageFirstResponse,
        Optional<Duration> averageHandle,
        Map<String, Long> closedByDisposition) {}
