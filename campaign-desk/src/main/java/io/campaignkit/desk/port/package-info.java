/**
 * The desk's storage ports, each with its own contract kit in the testkit: conversations, agents, transcripts and campaigns' settings.
 */
@NullMarked
package io.campaignkit.desk.port;

import org.jspecify.annotations.NullMarked;
