package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import java.util.Optional;

/**
 * Which campaigns {@link CampaignStore#findCampaigns} returns, by ascending id. Every query that
 * names a tenant returns that tenant's campaigns only.
 */
public sealed interface CampaignQuery {

    /** The campaign with {@code id}: none or one. */
    record ById(CampaignId id) implements CampaignQuery {
        public ById {
            Arguments.requireNonNull(id, "id");
        }
    }

    /**
     * A page of the campaigns in {@code state} after {@code after} (exclusive; empty for the first
     * page). The engine walks ACTIVE campaigns this way.
     *
     * @param limit at most this many, from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record ByState(CampaignState state, Optional<CampaignId> after, int limit) implements CampaignQuery {
        public ByState {
            Arguments.requireNonNull(state, "state");
            Arguments.requireNonNull(after, "after");
            StoreArguments.requireLimit(limit);
        }
    }

    /** A page of one tenant's project's campaigns after {@code after} (exclusive); the ids are kept stripped. */
    record ByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit)
            implements CampaignQuery {
        public ByProject {
            tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            projectId = Arguments.requireNonBlank(projectId, "projectId").strip();
            Arguments.requireNonNull(after, "after");
            StoreArguments.requireLimit(limit);
        }
    }

    /**
     * A page of one tenant's campaigns after {@code after} (exclusive; empty for the first page), by
     * ascending id, narrowed by each filter that is present: the project, the state, the bot flow, the
     * channel type ({@link SenderKey#channelType()}) and the sender ({@link
     * io.campaignkit.core.campaign.CampaignConfiguration#channel()}). A campaign whose configuration has
     * no bot flow or channel yet matches no such filter. The order is the campaign id's, which never
     * changes, so the id of a page's last campaign is the cursor of the next page even while campaigns
     * are added: each campaign that matches is on exactly one page. A store runs the filters as its
     * query (a database with indexes), never by reading the tenant's campaigns and dropping some.
     *
     * <pre>{@code
     * CampaignQuery.Listing.of("acme").projectId("cobranza").state(CampaignState.ACTIVE).limit(50)
     * }</pre>
     *
     * @param limit at most this many, from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record Listing(
            String tenantId,
            Optional<String> projectId,
            Optional<CampaignState> state,
            Optional<String> botFlowId,
            Optional<String> channelType,
            Optional<SenderKey> channel,
            Optional<CampaignId> after,
            int limit)
            implements CampaignQuery {

        /** The page size of {@link #of}: 100. */
        public static final int DEFAULT_LIMIT = 100;

        /** Checks every field and strips the texts. */
        public Listing {
            tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            projectId = stripped(projectId, "projectId");
            Arguments.requireNonNull(state, "state");
            botFlowId = stripped(botFlowId, "botFlowId");
            channelType = stripped(channelType, "channelType");
            Arguments.requireNonNull(channel, "channel");
            Arguments.requireNonNull(after, "after");
            StoreArguments.requireLimit(limit);
            if (channelType.isPresent() && channel.isPresent()) {
                Arguments.require(
                        channel.get().channelType().equals(channelType.get()),
                        "channel",
                        "the channel " + channel.get() + " is not of the channel type '" + channelType.get()
                                + "' also asked for");
            }
        }

        /** The first page of the tenant's campaigns, of every project and state, {@value #DEFAULT_LIMIT} at most. */
        public static Listing of(String tenantId) {
            return new Listing(
                    tenantId,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    DEFAULT_LIMIT);
        }

        /** This listing narrowed to one project of the tenant. */
        public Listing projectId(String id) {
            return new Listing(
                    tenantId,
                    Optional.of(Arguments.requireNonNull(id, "projectId")),
                    state,
                    botFlowId,
                    channelType,
                    channel,
                    after,
                    limit);
        }

        /** This listing narrowed to the campaigns in {@code campaignState}. */
        public Listing state(CampaignState campaignState) {
            return new Listing(
                    tenantId,
                    projectId,
                    Optional.of(Arguments.requireNonNull(campaignState, "state")),
                    botFlowId,
                    channelType,
                    channel,
                    after,
                    limit);
        }

        /** This listing narrowed to the campaigns whose replies go to the bot flow {@code id}. */
        public Listing botFlowId(String id) {
            return new Listing(
                    tenantId,
                    projectId,
                    state,
                    Optional.of(Arguments.requireNonNull(id, "botFlowId")),
                    channelType,
                    channel,
                    after,
                    limit);
        }

        /** This listing narrowed to the campaigns that send through channels of {@code type} ({@code whatsapp-cloud}...). */
        public Listing channelType(String type) {
            return new Listing(
                    tenantId,
                    projectId,
                    state,
                    botFlowId,
                    Optional.of(Arguments.requireNonNull(type, "channelType")),
                    channel,
                    after,
                    limit);
        }

        /** This listing narrowed to the campaigns that send from {@code sender}. */
        public Listing channel(SenderKey sender) {
            return new Listing(
                    tenantId,
                    projectId,
                    state,
                    botFlowId,
                    channelType,
                    Optional.of(Arguments.requireNonNull(sender, "channel")),
                    after,
                    limit);
        }

        /** The page after the campaign {@code cursor} (the last one of the page before). */
        public Listing after(CampaignId cursor) {
            return new Listing(
                    tenantId,
                    projectId,
                    state,
                    botFlowId,
                    channelType,
                    channel,
                    Optional.of(Arguments.requireNonNull(cursor, "after")),
                    limit);
        }

        /** This listing with pages of at most {@code size} campaigns. */
        public Listing limit(int size) {
            return new Listing(tenantId, projectId, state, botFlowId, channelType, channel, after, size);
        }

        /** Whether {@code campaign} passes every filter (not the cursor): the rule a store's query keeps. */
        public boolean matches(io.campaignkit.core.campaign.Campaign campaign) {
            Arguments.requireNonNull(campaign, "campaign");
            var configuration = campaign.configuration();
            return campaign.tenantId().equals(tenantId)
                    && (projectId.isEmpty() || projectId.get().equals(campaign.projectId()))
                    && (state.isEmpty() || state.get() == campaign.state())
                    && (botFlowId.isEmpty() || botFlowId.equals(configuration.botFlowId()))
                    && (channelType.isEmpty()
                            || channelType.equals(configuration.channel().map(SenderKey::channelType)))
                    && (channel.isEmpty() || channel.equals(configuration.channel()));
        }

        private static Optional<String> stripped(Optional<String> value, String argument) {
            Arguments.requireNonNull(value, argument);
            value.ifPresent(text -> Arguments.requireNonBlank(text, argument));
            return value.map(String::strip);
        }
    }
}
