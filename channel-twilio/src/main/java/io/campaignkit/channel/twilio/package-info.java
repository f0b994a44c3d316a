/**
 * The Twilio Programmable Messaging channel (SMS and WhatsApp) for CampaignKit.
 *
 * <p>Entry points: {@link io.campaignkit.channel.twilio.TwilioConfig} (built with
 * {@code TwilioConfig.custom()...build()}), {@link io.campaignkit.channel.twilio.TwilioChannelAdapter}
 * and, for {@link java.util.ServiceLoader} with string settings,
 * {@link io.campaignkit.channel.twilio.TwilioChannelAdapterProvider} (channel id {@code twilio}).
 *
 * <p>The Twilio Java SDK is an optional dependency: add {@code com.twilio.sdk:twilio} 10.x when you use
 * this adapter. The adapter never uses the SDK's static {@code com.twilio.Twilio} state and never lets
 * it retry a message creation. Implementation details live in {@code .internal}.
 *
 * <p>Inbound SMS whose whole body is one of the sender's {@link io.campaignkit.channel.twilio.TwilioKeywords}
 * (English, Spanish and Portuguese by default) opt the contact out or back in; WhatsApp messages and
 * button taps never do and always reach the bot, typed
 * ({@link io.campaignkit.channel.event.InboundContent}: text, media, location, button or list reply).
 */
@NullMarked
package io.campaignkit.channel.twilio;

import org.jspecify.annotations.NullMarked;
