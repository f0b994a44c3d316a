/**
 * The desk's in-memory store and the contract kits every desk store must pass (one per port).
 */
package io.campaignkit.testkit.desk;
