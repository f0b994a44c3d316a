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
 */
package io.campaignkit.channel.twilio;
