/**
 * The conversation desk's API: {@link io.campaignkit.desk.ConversationDesk} and its values.
 */
@NullMarked
package io.campaignkit.desk;

import org.jspecify.annotations.NullMarked;
