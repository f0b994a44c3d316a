package io.campaignkit.testkit.channel;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.testkit.time.ManualClock;

/** SimulatedChannel passes the contract every adapter passes. */
class SimulatedChannelContractTest extends ChannelAdapterContractKit {

    private final ManualClock clock = ManualClock.ofDefaults();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final ScriptedProvider provider = new SimulatedScriptedProvider(channel, clock);

    @Override
    protected ChannelAdapter adapter() {
        return channel;
    }

    @Override
    protected ScriptedProvider provider() {
        return provider;
    }
}
