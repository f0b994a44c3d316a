package io.campaignkit.core.engine;

/** The stable codes of SKIPPED recipients and of the engine's own FAILED and UNKNOWN reasons. */
public final class SkipReasons {

    /** A placeholder's binding has no value for the contact. */
    public static final String UNRESOLVED_BINDING = "UNRESOLVED_BINDING";
    /**
     * The contact is engaged in another active campaign within the tenant's exclusivity scope (on the
     * same sender, or on any of the tenant's senders: {@link io.campaignkit.core.port.ExclusivityScope}).
     */
    public static final String ALREADY_IN_ACTIVE_CAMPAIGN = "ALREADY_IN_ACTIVE_CAMPAIGN";
    /** The contact is on the suppression list for the sender. */
    public static final String OPTED_OUT = "OPTED_OUT";
    /** The campaign finished before the contact was sent to. */
    public static final String CAMPAIGN_FINISHED = "CAMPAIGN_FINISHED";
    /** Transient failures used every attempt the retry policy allows. */
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    /**
     * The host's {@link io.campaignkit.core.port.ContactAvailability} said the contact was busy (an open
     * inbox case, a conversation with an agent) at launch or before the send, and stayed busy past the
     * campaign's busy-contact wait.
     */
    public static final String CONTACT_BUSY = "CONTACT_BUSY";
    /** The process that was sending crashed or stalled past its lease. */
    public static final String LEASE_EXPIRED = "LEASE_EXPIRED";
    /** Local hours: the contact's zone field holds no valid zone id (see {@link io.campaignkit.core.hours.LocalHours}). */
    public static final String INVALID_LOCAL_ZONE = "INVALID_LOCAL_ZONE";
    /**
     * Local hours: the contact's number spans zones whose open hours never overlap, so no instant is
     * inside its local hours wherever it is (see {@link io.campaignkit.core.hours.LocalHours}).
     */
    public static final String NO_LOCAL_WINDOW = "NO_LOCAL_WINDOW";
    /** None of the campaign's channel bindings may reach the contact (each is limited to other contacts). */
    public static final String NO_CHANNEL = "NO_CHANNEL";
    /**
     * Why a recipient fell back to the campaign's next channel: its message was not DELIVERED within
     * the campaign's {@code fallbackAfter} (an earlier attempt's outcome).
     */
    public static final String NOT_DELIVERED_IN_TIME = "NOT_DELIVERED_IN_TIME";

    private SkipReasons() {}
}
