/**
 * Message templates and their variable bindings.
 *
 * <p>A campaign's first message is a {@link io.campaignkit.core.template.TemplateMessage}: a
 * {@link io.campaignkit.core.template.MessageTemplate} (a {@link io.campaignkit.core.template.ChannelTemplate}
 * approved at the provider, such as a WhatsApp template, or an {@link io.campaignkit.core.template.InlineTemplate}
 * whose text CampaignKit renders itself, for SMS), one {@link io.campaignkit.core.template.Binding}
 * per numbered placeholder {@code {{1}}..{{n}}}, and optional {@link io.campaignkit.core.template.HeaderMedia}.
 *
 * <p>{@link io.campaignkit.core.template.TemplateMessage#check} lists every binding problem against
 * a campaign's custom-data schema; {@link io.campaignkit.core.template.TemplateMessage#render}
 * turns the message into the values for one contact, or a per-contact failure, without throwing.
 */
@NullMarked
package io.campaignkit.core.template;

import org.jspecify.annotations.NullMarked;
