package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStore;
import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's campaigns ({@link CampaignEngine#campaigns}), by ascending campaign id, and
 * the query of the next page when there is one. Walk the pages with {@code next()} until it is empty:
 * every campaign that matches the query, also one added during the walk with an id after the cursor,
 * is on exactly one page; the cursor is the campaign id ({@link #nextAfter()}), so a host that pages
 * over HTTP hands it to its client as the page token and rebuilds the query with
 * {@link CampaignQuery.Listing#after(CampaignId)}.
 *
 * <pre>{@code
 * CampaignQuery.Listing query = CampaignQuery.Listing.of("acme").state(CampaignState.ACTIVE).limit(50);
 * for (Optional<CampaignQuery.Listing> page = Optional.of(query); page.isPresent(); ) {
 *     CampaignPage campaigns = engine.campaigns(page.get());
 *     campaigns.campaigns().forEach(System.out::println);
 *     page = campaigns.next();
 * }
 * }</pre>
 *
 * @param campaigns at most the query's limit, by ascending id
 * @param next the query of the next page; empty on the last page
 */
public record CampaignPage(List<Campaign> campaigns, Optional<CampaignQuery.Listing> next) {

    /** The largest page: 500 campaigns. */
    public static final int MAX_SIZE = 500;

    public CampaignPage {
        campaigns = List.copyOf(Arguments.requireNoNullElements(campaigns, "campaigns"));
        Arguments.requireNonNull(next, "next");
    }

    /**
     * The page {@code query} names, read from {@code store}: what {@link CampaignEngine#campaigns} does,
     * for a program that reads a store without an engine (the command line's {@code list}). One more
     * campaign than the limit is read, so the last page says it is the last.
     *
     * @throws io.campaignkit.core.InvalidArgumentException {@code limit} above {@value #MAX_SIZE}
     */
    public static CampaignPage read(CampaignStore store, CampaignQuery.Listing query) {
        Arguments.requireNonNull(store, "store");
        Arguments.requireNonNull(query, "query");
        Arguments.require(
                query.limit() <= MAX_SIZE,
                "limit",
                "a page holds at most " + MAX_SIZE + " campaigns, asked for " + query.limit());
        List<Campaign> found = store.findCampaigns(query.limit(query.limit() + 1));
        if (found.size() <= query.limit()) {
            return new CampaignPage(found, Optional.empty());
        }
        List<Campaign> page = found.subList(0, query.limit());
        return new CampaignPage(
                page, Optional.of(query.after(page.get(page.size() - 1).id())));
    }

    /** The cursor of the next page: the id of this page's last campaign; empty on the last page. */
    public Optional<CampaignId> nextAfter() {
        return next.flatMap(query -> query.after());
    }
}
