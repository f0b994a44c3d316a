package io.campaignkit.core;

/**
 * A public method was called with an argument it cannot accept: missing, blank, out of range.
 * The message and {@link #argument()} name the argument, so the caller knows what to fix.
 */
public class InvalidArgumentException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code InvalidArgumentException}. */
    public static final String CODE = "INVALID_ARGUMENT";

    private final String argument;

    public InvalidArgumentException(String argument, String message) {
        super(CODE, message);
        this.argument = argument;
    }

    /** The name of the argument that was refused. */
    public String argument() {
        return argument;
    }
}
