package io.campaignkit.desk.port;

import io.campaignkit.core.CampaignKitException;

/** A desk save lost a race: the row changed (or was created) since it was read. Read again and retry. */
public final class StaleDeskDataException extends CampaignKitException {

    private static final long serialVersionUID = 1L;
    public static final String CODE = "DESK_STALE_DATA";

    public StaleDeskDataException(String message) {
        super(CODE, message);
    }
}
