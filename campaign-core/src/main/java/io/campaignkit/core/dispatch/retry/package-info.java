/**
 * When to retry a failed send: {@link io.campaignkit.core.dispatch.retry.RetryPolicy}, exponential
 * backoff with jitter for transient failures and the provider's retry-after for rate-limited ones.
 */
@NullMarked
package io.campaignkit.core.dispatch.retry;

import org.jspecify.annotations.NullMarked;
