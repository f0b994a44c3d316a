/**
 * The desk's storage ports, each with its own contract kit in the testkit: conversations, agents and transcripts.
 */
package io.campaignkit.desk.port;
