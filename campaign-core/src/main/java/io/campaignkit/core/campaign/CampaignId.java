package io.campaignkit.core.campaign;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a campaign: 1 to {@value #MAX_LENGTH} letters, digits, {@code _}, {@code .},
 * {@code :} or {@code -}, so that it fits database keys, URLs and provider callback data.
 */
public record CampaignId(String value) implements Comparable<CampaignId> {

    /** Longest id accepted. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1," + MAX_LENGTH + "}");

    public CampaignId {
        Arguments.requireNonBlank(value, "value");
        Arguments.require(
                ID.matcher(value).matches(),
                "value",
                "campaign id '" + value + "' must be 1 to " + MAX_LENGTH + " letters, digits, '_', '.', ':' or '-'");
    }

    /**
     * The campaign id {@code value}.
     *
     * @throws InvalidArgumentException if it is null, blank or has other characters
     */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    /** A new random id (a UUID). */
    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    @Override
    public int compareTo(CampaignId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
