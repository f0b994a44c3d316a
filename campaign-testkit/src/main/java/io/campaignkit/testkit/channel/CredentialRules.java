package io.campaignkit.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ChannelAdapterContractKit} about the online credentials check
 * ({@link ChannelAdapter#checkCredentials}). The kit runs them as its {@code Credentials} group; extend the kit,
 * not this class.
 */
public abstract class CredentialRules {

    /** The kit whose adapter and provider the rules check. */
    protected final ChannelAdapterContractKit kit;

    /**
     * A group of the kit's rules.
     *
     * @param kit the kit it belongs to
     */
    protected CredentialRules(ChannelAdapterContractKit kit) {
        this.kit = kit;
    }
    /**
     * The online credentials check of the provider's sender answers within {@link #kit.sendTimeout()}, as a stage
     * that never fails and without throwing; a refusal names the setting to fix (subject
     * {@link PreflightProblem#CREDENTIALS} or {@link PreflightProblem#SENDER}). An adapter without an online
     * check keeps {@link ChannelAdapter#checkCredentials}'s default, which answers that it has none.
     */
    @Test
    @DisplayName("the credentials check answers, and a refusal names the setting to fix")
    public void credentialsCheckAnswersAndARefusalNamesTheSetting() {
        CredentialsCheck answer = kit.credentialsCheckOf(kit.provider().senderId(), "the provider's sender");
        for (PreflightProblem problem : answer.problems()) {
            assertThat(problem.subject())
                    .as("subject of the refusal '%s'", problem.problem())
                    .isIn(PreflightProblem.CREDENTIALS, PreflightProblem.SENDER);
            assertThat(problem.problem()).as("text of a refusal").isNotBlank();
        }
    }

    /** The credentials check never accepts a sender the adapter does not send from. */
    @Test
    @DisplayName("the credentials check never accepts another sender")
    public void credentialsCheckNeverAcceptsAnotherSender() {
        String other = kit.provider().senderId() + "0";
        CredentialsCheck answer = kit.credentialsCheckOf(other, "sender " + other + ", not the adapter's");
        assertThat(answer)
                .as(
                        "checkCredentials(\"%s\") of an adapter sending from \"%s\"",
                        other, kit.provider().senderId())
                .isNotInstanceOf(CredentialsCheck.Accepted.class);
    }

    /** A closed adapter's credentials check still answers, without throwing, and accepts nothing: it calls no one. */
    @Test
    @DisplayName("a closed adapter's credentials check answers and accepts nothing")
    public void closedAdaptersCredentialsCheckAnswersAndAcceptsNothing() {
        kit.adapter().close();
        CredentialsCheck answer = kit.credentialsCheckOf(kit.provider().senderId(), "a closed adapter");
        assertThat(answer).as("answer of a closed adapter").isNotInstanceOf(CredentialsCheck.Accepted.class);
    }
}
