/**
 * The conversation desk's API: {@link io.campaignkit.desk.ConversationDesk} and its values.
 */
package io.campaignkit.desk;
