package io.campaignkit.channel.whatsapp;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelSettings;

/**
 * Creates {@link WhatsAppCloudAdapter}s; found by {@link java.util.ServiceLoader} under the id
 * {@value WhatsAppCloudAdapter#CHANNEL_ID}. Settings keys: see {@link WhatsAppCloudConfig}.
 */
public final class WhatsAppCloudAdapterProvider implements ChannelAdapterProvider<WhatsAppCloudConfig> {

    @Override
    public String id() {
        return WhatsAppCloudAdapter.CHANNEL_ID;
    }

    @Override
    public Class<WhatsAppCloudConfig> configurationType() {
        return WhatsAppCloudConfig.class;
    }

    @Override
    public WhatsAppCloudConfig configurationFrom(ChannelSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return WhatsAppCloudConfig.fromSettings(settings);
    }

    @Override
    public ChannelAdapter create(WhatsAppCloudConfig configuration) {
        return new WhatsAppCloudAdapter(configuration);
    }
}
