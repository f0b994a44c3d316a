package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.util.List;

/**
 * What a provider answered when asked, online, whether it accepts a channel adapter's credentials and
 * a sender ({@link ChannelAdapter#checkCredentials}): {@link Accepted}, {@link Refused} with the
 * problems, each naming the setting to fix, {@link NotChecked} when no answer came (a timeout, a
 * refused connection, the provider's own outage), or {@link Unsupported} when the adapter has no online
 * check. At a launch (by default) the engine refuses on {@link Refused}, and on {@link NotChecked} as a
 * retryable refusal; {@link Unsupported} launches, logged as having no preflight.
 *
 * <p>No variant carries a secret: adapters word their texts without the token or its parts.
 */
public sealed interface CredentialsCheck
        permits CredentialsCheck.Accepted,
                CredentialsCheck.Refused,
                CredentialsCheck.NotChecked,
                CredentialsCheck.Unsupported {

    /**
     * The problems that refuse a launch.
     *
     * @return the problems of a {@link Refused}; empty otherwise
     */
    default List<PreflightProblem> problems() {
        return List.of();
    }

    /**
     * The provider accepted the credentials and knows the sender.
     *
     * @param detail what the provider said about the sender, for people (such as its display number,
     *               verified name and quality rating); not blank
     */
    record Accepted(String detail) implements CredentialsCheck {
        /**
         * Validates.
         *
         * @param detail see {@link #detail()}
         * @throws IllegalArgumentException when blank
         */
        public Accepted {
            Checks.notBlank(detail, "detail");
        }
    }

    /**
     * The provider refused the credentials or does not know the sender.
     *
     * @param problems what it refused, each naming the setting to fix (subject
     *                 {@link PreflightProblem#CREDENTIALS} or {@link PreflightProblem#SENDER}); at least one
     */
    record Refused(List<PreflightProblem> problems) implements CredentialsCheck {
        /**
         * Validates and copies.
         *
         * @param problems see {@link #problems()}
         * @throws IllegalArgumentException when null, empty or holding null
         */
        public Refused {
            problems = Checks.listOf(problems, "problems");
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems must not be empty");
            }
        }
    }

    /**
     * Nothing was learned: the provider could not be reached or answered with its own failure.
     *
     * @param reason why, for people and logs; not blank
     */
    record NotChecked(String reason) implements CredentialsCheck {
        /**
         * Validates.
         *
         * @param reason see {@link #reason()}
         * @throws IllegalArgumentException when blank
         */
        public NotChecked {
            Checks.notBlank(reason, "reason");
        }
    }

    /**
     * The adapter has no online check: it says so rather than pretending to have checked. The engine
     * launches, logging that the channel has no preflight.
     *
     * @param reason what the adapter says about it, for people and logs; not blank
     */
    record Unsupported(String reason) implements CredentialsCheck {
        /**
         * Validates.
         *
         * @param reason see {@link #reason()}
         * @throws IllegalArgumentException when blank
         */
        public Unsupported {
            Checks.notBlank(reason, "reason");
        }
    }
}
